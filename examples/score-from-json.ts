/**
 * Rules are data: score subjects from JSON files against a scheme written as JSON.
 *
 *   npx tsx examples/score-from-json.ts [scheme.json] [subjects.json]
 *
 * Defaults to examples/rules/county-361.scheme.json (the labelled example scheme) and
 * examples/rules/subjects.json. Bad files are reported issue by issue, with their paths.
 */
import { readFileSync } from "node:fs";
import { defineScheme, explain, isJixiaoError, scoreAll } from "jixiao";

const [schemePath = "examples/rules/county-361.scheme.json", subjectsPath = "examples/rules/subjects.json"] = process.argv.slice(2);

try {
  const scheme = defineScheme(JSON.parse(readFileSync(schemePath, "utf8")));
  const results = scoreAll(scheme, JSON.parse(readFileSync(subjectsPath, "utf8")));
  for (const r of results) console.log(`${r.subjectId}\t${r.name ?? ""}\t${r.total}`);
  console.log(`\n${explain(results[results.length - 1]!, { locale: "en" })}`);
} catch (error) {
  if (!isJixiaoError(error)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
