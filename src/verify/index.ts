/**
 * Scenario files for analysts (pure: no Node imports): validate a scenario document, run its
 * cases, compare the outputs by path, and report.
 */
export { defineScenario, safeDefineScenario, SCENARIO_RUNS } from "./scenario.js";
export type { ScenarioCase, ScenarioDocument, ScenarioRun } from "./scenario.js";
export { scenarioJsonSchema } from "./json-schema.js";
export { runScenario } from "./run.js";
export type { RunScenarioOptions, ScenarioCaseReport, ScenarioFailure, ScenarioFileReport } from "./run.js";
export { formatScenarioFailure, formatScenarioReport, summarizeScenarios } from "./report.js";
export type { FormatScenarioOptions, ScenarioReport } from "./report.js";
