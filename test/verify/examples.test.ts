// The analysts' example scenarios run as tests: a describe block per file, a test per case.
import { scenarioTests } from "../../src/node/vitest.js";

scenarioTests("examples/scenarios");
