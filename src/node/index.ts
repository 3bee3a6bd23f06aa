/// <reference types="node" />
/**
 * jixiao for Node: rule and data files read from disk (JSON, YAML, CSV in UTF-8, GBK/GB18030 or
 * UTF-16, xlsx), scenario files run, and the pure scenario functions they build on.
 * @packageDocumentation
 */
export { verifyScenarios } from "./verify.js";
export type { VerifyScenariosOptions } from "./verify.js";
export { readDataFile, readTextFile } from "./files.js";
export type { FileFormat, ReadDataFileOptions, ReadTextFileOptions } from "./files.js";
export type { DecodedText, TextEncodingName } from "./text.js";
export {
  defineScenario,
  formatScenarioFailure,
  formatScenarioReport,
  runScenario,
  safeDefineScenario,
  SCENARIO_RUNS,
  scenarioJsonSchema,
  summarizeScenarios,
} from "../verify/index.js";
export type {
  FormatScenarioOptions,
  RunScenarioOptions,
  ScenarioCase,
  ScenarioCaseReport,
  ScenarioDocument,
  ScenarioFailure,
  ScenarioFileReport,
  ScenarioReport,
  ScenarioRun,
} from "../verify/index.js";
