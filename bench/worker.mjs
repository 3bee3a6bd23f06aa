// Starts a benchmark module (workerData.module, TypeScript) in a worker thread through tsx.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
