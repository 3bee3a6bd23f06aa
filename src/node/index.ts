/// <reference types="node" />
/**
 * jixiao for Node: scenario files read from disk (YAML or JSON) and run, and the pure scenario
 * functions they build on.
 * @packageDocumentation
 */
export { verifyScenarios } from "./verify.js";
export type { VerifyScenariosOptions } from "./verify.js";
export { readDataFile } from "./files.js";
export type { FileFormat, ReadDataFileOptions } from "./files.js";
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
