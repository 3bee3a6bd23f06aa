export { SHEET_ERROR } from "./cells.js";
export type { SheetCell, SheetInput, SheetOutput, SheetRange } from "./cells.js";
export { JIXIAO_LASTPLACE, JIXIAO_RANK, JIXIAO_TIER } from "./ranking.js";
export { JIXIAO_EXPLAIN, JIXIAO_SCORE } from "./score.js";
export { JIXIAO_TASKCREDIT } from "./tasks.js";
export { JIXIAO_ACCOUNT } from "./account.js";
