// Loads the IIFE bundle in a bare V8 context — no require, process or window — as Google Apps
// Script runs it, then calls every sheet function through the global `Jixiao` and through the
// wrappers of examples/google-sheets/Code.gs. The bundle is built fresh from the sources with the
// project's own tsup configuration, into a temporary folder: `npm test` runs before `npm run build`.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { build, type Options } from "tsup";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import configs from "../../tsup.config.js";
import { BOARD, SCHEME, SUBJECTS, TIERS } from "./fixtures.js";

const SHEET_FUNCTIONS = ["JIXIAO_SCORE", "JIXIAO_EXPLAIN", "JIXIAO_RANK", "JIXIAO_TIER", "JIXIAO_LASTPLACE", "JIXIAO_TASKCREDIT", "JIXIAO_ACCOUNT"];

let dir: string;
let context: vm.Context;

beforeAll(async () => {
  const iife = (configs as Options[]).find((c) => [c.format].flat().includes("iife"));
  if (!iife) throw new Error("tsup.config.ts has no IIFE build");
  dir = mkdtempSync(join(tmpdir(), "jixiao-bundle-"));
  await build({ ...iife, outDir: dir, clean: false, silent: true, sourcemap: false });
  context = vm.createContext({});
  vm.runInContext(readFileSync(join(dir, "jixiao.global.js"), "utf8"), context, { filename: "jixiao.gs" });
  vm.runInContext(readFileSync("examples/google-sheets/Code.gs", "utf8"), context, { filename: "Code.gs" });
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs code in the Apps Script-like context, with `args` passed as JSON (as cell values are). */
const call = (fn: string, ...args: unknown[]) => vm.runInContext(`${fn}(...${JSON.stringify(args)})`, context) as unknown[][];
/** Copies a context's result into this realm for deep comparison. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown[][];

describe("the IIFE bundle in a bare V8 context", () => {
  it("has no Node or browser globals to lean on", () => {
    expect(vm.runInContext("[typeof require, typeof process, typeof window, typeof module]", context)).toEqual(["undefined", "undefined", "undefined", "undefined"]);
  });

  it("defines every sheet function on the global Jixiao, and Code.gs wraps each one", () => {
    for (const name of SHEET_FUNCTIONS) {
      expect(vm.runInContext(`typeof Jixiao.${name}`, context)).toBe("function");
      expect(vm.runInContext(`typeof ${name}`, context)).toBe("function");
    }
    const code = readFileSync("examples/google-sheets/Code.gs", "utf8");
    expect(code.match(/@customfunction/g)).toHaveLength(SHEET_FUNCTIONS.length);
  });

  for (const via of ["Jixiao.", ""]) {
    describe(via ? "through Jixiao" : "through the Code.gs wrappers", () => {
      it("scores, explains, ranks, tiers and deducts exactly, with Chinese headers by default", () => {
        const c003 = "不适用折算：实得分 34.5 ÷ 应得分 60 × 满分 100 = 57.5";
        expect(plain(call(`${via}JIXIAO_SCORE`, SCHEME, SUBJECTS))).toEqual([["编号", "总分", "名次", "说明"], ["c001", 85.3, 2, ""], ["", "", "", ""], ["c002", 99.5, 1, ""], ["c003", 57.5, 3, c003]]);
        expect(plain(call(`${via}JIXIAO_EXPLAIN`, SCHEME, SUBJECTS, "c001")).at(-1)).toEqual(["总分 85.3（满分 100）"]);
        expect(plain(call(`${via}JIXIAO_RANK`, [["total"], [90], [95], [90], [""], [88]]))).toEqual([["名次"], [2], [1], [2], [""], [4]]);
        expect(plain(call(`${via}JIXIAO_TIER`, [[90], [85], [85], [70], [60]], "", TIERS))).toEqual([["好"], ["中"], ["中"], ["中"], ["差"]]);
        expect(plain(call(`${via}JIXIAO_LASTPLACE`, [["总分"], [90], [80], [70], [60], [50]], "", '{"deductions":[1,0.5]}'))).toEqual([["末位扣分"], [0], [0], [0], [0.5], [1]]);
        expect(plain(call(`${via}JIXIAO_TASKCREDIT`, BOARD, [["任务", "人员", "抢单时间"], ["t1", "s1", "2023-07-03T09:00:01"]]))).toEqual([
          ["人员", "计入积分", "积分合计", "超出上限"],
          ["s1", 3, 3, 0],
        ]);
      });

      it("passes the locale through: English headers, notes and errors with \"en\" last", () => {
        expect(plain(call(`${via}JIXIAO_SCORE`, SCHEME, SUBJECTS, "id, total", "", "en"))).toEqual([["id", "total"], ["c001", 85.3], ["", ""], ["c002", 99.5], ["c003", 57.5]]);
        expect(plain(call(`${via}JIXIAO_EXPLAIN`, SCHEME, SUBJECTS, "c001", "en")).at(-1)).toEqual(["Total 85.3 (full 100)"]);
        expect(plain(call(`${via}JIXIAO_RANK`, [["total"], [90], [95]], "", "", "en"))).toEqual([["rank"], [2], [1]]);
        expect(plain(call(`${via}JIXIAO_TIER`, [["total"], [90]], "", TIERS, "en"))).toEqual([["tier"], ["中"]]);
        expect(plain(call(`${via}JIXIAO_LASTPLACE`, [["total"], [90], [80]], "", '{"deductions":[1]}', "en"))).toEqual([["deduction"], [0], [1]]);
        expect(plain(call(`${via}JIXIAO_TASKCREDIT`, BOARD, [["task", "person", "at"], ["t1", "s1", "2023-07-03T09:00:01"]], "", "", "", "en"))[0]).toEqual(["person", "credit", "total", "excess"]);
        expect(plain(call(`${via}JIXIAO_ACCOUNT`, [["id", "person", "date", "component", "points", "source"], ["e1", "c1", "2024-06-30", "bonus", 1, "s"]], "", "", "en"))).toEqual([["person", "total", "bonus"], ["c1", 1, 1]]);
        expect(plain(call(`${via}JIXIAO_SCORE`, "{", SUBJECTS, "", "", "en"))).toEqual([["#JIXIAO! scheme: is not valid JSON (Expected property name or '}' in JSON at position 1)"]]);
      });

      it("takes a single cell, omitted arguments and the context's own Date objects", () => {
        expect(plain(vm.runInContext(`${via}JIXIAO_RANK(70)`, context))).toEqual([[1]]);
        expect(plain(vm.runInContext(`${via}JIXIAO_TIER([[90]], undefined, ${JSON.stringify(TIERS)})`, context))).toEqual([["中"]]);
        const grabs = `[["task", "person", "at"], ["t1", "s1", new Date("2023-07-03T01:00:05Z")], ["t1", "s2", new Date("2023-07-03T01:00:01Z")]]`;
        expect(plain(vm.runInContext(`${via}JIXIAO_TASKCREDIT(${JSON.stringify(BOARD)}, ${grabs})`, context))).toEqual([["人员", "计入积分", "积分合计", "超出上限"], ["s2", 3, 3, 0]]);
        // A ledger whose dates are the context's Date objects: 23:30 on 30 June in Shanghai is June.
        const entries = `[["id", "person", "date", "component", "points", "source"], ["e1", "c1", new Date("2024-06-30T15:30:00Z"), "bonus", 1, "s"], ["e2", "c1", new Date("2024-06-30T16:30:00Z"), "bonus", 2, "s"]]`;
        expect(plain(vm.runInContext(`${via}JIXIAO_ACCOUNT(${entries}, "2024-06")`, context))).toEqual([["人员", "合计", "bonus"], ["c1", 1, 1]]);
      });

      it("returns errors as cells in Chinese, never throwing", () => {
        expect(plain(call(`${via}JIXIAO_SCORE`, "{", SUBJECTS))).toEqual([["#JIXIAO! 考评方案（scheme）：不是有效的 JSON（Expected property name or '}' in JSON at position 1）"]]);
        expect(plain(call(`${via}JIXIAO_RANK`, [["x"], [1], ["y"]]))).toEqual([["名次"], ["#JIXIAO! 未排名；请先修正第 3 行"], ["#JIXIAO! 第 3 行：得分应为数字，实际是文本「y」"]]);
        expect(plain(call(`${via}JIXIAO_RANK`, [["x"], [1], ["y"]], "", "", "en"))).toEqual([["rank"], ["#JIXIAO! not ranked; row 3 must be fixed first"], ['#JIXIAO! row 3: score must be a number, not text "y"']]);
        for (const name of SHEET_FUNCTIONS) expect(() => vm.runInContext(`${via}${name}()`, context)).not.toThrow();
      });
    });
  }
});
