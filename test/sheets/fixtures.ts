import { readFileSync } from "node:fs";

/** The example 361 scheme as the JSON text a cell holds. */
export const SCHEME = readFileSync(new URL("../../examples/rules/county-361.scheme.json", import.meta.url), "utf8");

/** A subjects range as a sheet holds it: a header row, a blank row, N/A, decimal text. */
export const SUBJECTS = [
  ["id", "name", "attendance", "study", "political", "collection", "backlog", "grabbed"],
  ["c001", "张伟", 2, "良", 88, 96.5, 3, 7.2],
  ["", "", "", "", "", "", "", ""],
  ["c002", "李娜", 0, "优", 92, "104.2", 0, 9.5],
  ["c003", "王强", 1, "中", 79, "N/A", 6, 2],
];

/** A one-task board. */
export const BOARD = JSON.stringify({
  id: "2023-Q3",
  period: "2023-Q3",
  difficulty: { high: 1.5, low: 1 },
  tasks: [
    { id: "t1", title: "清理欠税", difficulty: "high", points: 2, post: "征管岗", published: "2023-07-03", deadline: "2023-07-31" },
    { id: "t2", title: "纳税辅导", difficulty: "low", points: 1, post: "纳服岗", published: "2023-07-03", deadline: "2023-07-31" },
  ],
});

export const TIERS = '{"tiers":[{"name":"好","share":0.2},{"name":"中"},{"name":"差","share":0.2}]}';
