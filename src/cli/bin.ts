/// <reference types="node" />
/**
 * The `jixiao` command (Node only): the process's arguments, streams and exit code around
 * {@link run}.
 */
import { intlLocale } from "./lang.js";
import { run } from "./main.js";

// Bytes, decoded strictly by the reader (UTF-8, a byte-order mark, or GB18030), never lossily here.
const readStdin = async (): Promise<Uint8Array> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const write = (stream: NodeJS.WriteStream) => (text: string) => void stream.write(text);

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  // A closed pipe (jixiao score … | head) is not an error of ours.
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

run(process.argv.slice(2), {
  stdout: write(process.stdout),
  stderr: write(process.stderr),
  stdin: readStdin,
  cwd: process.cwd(),
  progress: Boolean(process.stderr.isTTY) && !process.env.CI,
  // The language, when --lang is not given: LC_ALL, LC_MESSAGES, LANG, then the system's locale.
  env: process.env,
  intlLocale: intlLocale(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`jixiao: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 3;
  },
);
