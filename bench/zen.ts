/**
 * The same scheme as a GoRules ZEN decision graph (JDM), what many teams would pick instead of a
 * library: an input node, an expression node computing each indicator's points (rounded to 2
 * decimals), an expression node computing the total, an output node.
 *
 * `@gorules/zen-engine` is optional and not in package.json (its lock entries break `npm ci`, see
 * docs/performance.md); install it with `npm install --no-save @gorules/zen-engine@0.54.0` to
 * include it. {@link loadZen} returns `undefined` with the reason when it cannot be loaded.
 *
 * A graph evaluates one subject at a time, so what needs the whole batch is done in JavaScript
 * before it, and is timed with it: the rank places and the rank leaders within the peer groups,
 * the vote counts flattened to plain fields, the bonus and deduction sums.
 */
import type { SchemeConfig, SubjectInput } from "../src/index.js";

/** What the benchmark needs of zen-engine (typed here so that tsc does not need the package). */
interface ZenDecision {
  evaluate(context: unknown): Promise<{ result: { total: unknown } }>;
}
interface ZenModule {
  ZenEngine: new () => { createDecision(content: object): ZenDecision; dispose(): void };
}

/** A loaded zen-engine and its version, or why it could not be loaded. */
export type ZenLoad = { readonly ok: true; readonly module: ZenModule; readonly version: string } | { readonly ok: false; readonly reason: string };

/** Loads `@gorules/zen-engine` if it is installed and its native binding loads. */
export async function loadZen(): Promise<ZenLoad> {
  const name = "@gorules/zen-engine";
  try {
    const mod = (await import(name)) as ZenModule & { default?: ZenModule };
    const module = mod.ZenEngine ? mod : mod.default!;
    const { createRequire } = await import("node:module");
    const version = (createRequire(import.meta.url)(`${name}/package.json`) as { version: string }).version;
    // Evaluate a trivial graph to be sure the native binding works.
    new module.ZenEngine().createDecision(graph({ id: "probe", full: 1, groups: [{ id: "g", points: 1, indicators: [{ id: "x", points: 1, method: { type: "direct" } }] }] }));
    return { ok: true, module, version };
  } catch (e) {
    return { ok: false, reason: (e instanceof Error ? e.message : String(e)).split("\n")[0]!.slice(0, 200) };
  }
}

type Json = Record<string, unknown>;
const n = (x: unknown) => String(Number(x));
const field = (id: string) => `v_${id}`;

/** The ZEN expression for one indicator's unrounded points (`x` is its input field). */
function expression(id: string, points: string, m: Json): string {
  const x = field(id);
  switch (m.type) {
    case "completion": {
      const cap = m.cap === undefined ? "1" : n(m.cap);
      const t = n(m.target);
      return m.direction === "lower"
        ? `${x} <= ${t} ? ${points} : ${points} * max([0, min([${cap}, ${t} / ${x}])])`
        : `${points} * max([0, min([${cap}, ${x} / ${t}])])`;
    }
    case "band": {
      const low = m.worstFraction === undefined ? "0" : n(m.worstFraction);
      return `${points} * (${low} + (1 - ${low}) * max([0, min([1, (${x} - ${n(m.worst)}) / (${n(m.best)} - ${n(m.worst)})])]))`;
    }
    case "steps": {
      const steps = (m.steps as Json[]).map((s) => ({ t: Number(s.atLeast ?? s.atMost), s }));
      const lower = steps.some((s) => s.s.atMost !== undefined);
      steps.sort((a, b) => (lower ? a.t - b.t : b.t - a.t));
      return steps.reduceRight((rest, { t, s }) => `${x} ${lower ? "<=" : ">="} ${t} ? ${s.points !== undefined ? n(s.points) : `${points} * ${n(s.fraction)}`} : ${rest}`, "0");
    }
    case "grade":
      return Object.entries(m.grades as Json).reduceRight((rest, [g, f]) => `${x} == "${g}" ? ${points} * ${n(f)} : ${rest}`, "0");
    case "deduction":
      return `max([${points} - ${m.max === undefined ? `${x} * ${n(m.per)}` : `min([${x} * ${n(m.per)}, ${n(m.max)}])`}, ${m.floor === undefined ? "0" : n(m.floor)}])`;
    case "bonus":
      return `min([${x} * ${n(m.per)}, ${points}])`;
    case "votes": {
      const grades = Object.entries(m.grades as Json);
      const total = grades.map((_, i) => `${x}_${i}`).join(" + ");
      return `${points} * ((${grades.map(([, w], i) => `${x}_${i} * ${n(w)}`).join(" + ")}) / (${total}))`;
    }
    case "direct":
      return m.scale === undefined ? x : `${x} * ${points} / ${n(m.scale)}`;
    case "rank":
      return x; // the points, computed before the graph
    default:
      throw new Error(`no ZEN expression for method ${String(m.type)}`);
  }
}

/** The scheme as a JDM decision graph. */
export function graph(cfg: SchemeConfig): object {
  const indicators = cfg.groups.flatMap((g) => g.indicators);
  const decimals = cfg.rounding?.indicator?.decimals;
  const round = (e: string) => (decimals === undefined ? e : `round(${e}, ${decimals})`);
  const indicatorExpressions = indicators.map((ind, i) => {
    const x = field(ind.id);
    const pts = n(ind.points);
    const earned = round(expression(ind.id, pts, ind.method as unknown as Json));
    const adjusted = `max([0, min([${pts}, ${earned} + a_${ind.id}_plus]) - a_${ind.id}_minus])`;
    return { id: `i${i}`, key: `p_${ind.id}`, value: `${x} == null ? null : (a_${ind.id} ? ${adjusted} : ${earned})` };
  });
  const all = indicators.reduce((a, i) => a + Number(i.points), 0);
  const earned = indicators.map((i) => `(p_${i.id} ?? 0)`).join(" + ");
  const applicable = indicators.map((i) => `(p_${i.id} == null ? 0 : ${n(i.points)})`).join(" + ");
  const bonusCap = cfg.adjustments?.bonus?.cap;
  const deductionCap = cfg.adjustments?.deduction?.cap;
  const convert = cfg.notApplicable !== "exclude";
  const totalDecimals = cfg.rounding?.total?.decimals;
  const vetoes = (cfg.vetoes ?? []).filter((v) => v.effect !== "flag");
  const totalExpressions = [
    { id: "t1", key: "earned", value: earned },
    { id: "t2", key: "applicable", value: applicable },
    { id: "t3", key: "base", value: convert ? `$.applicable < ${all} ? $.earned / $.applicable * ${n(cfg.full)} : $.earned` : "$.earned" },
    {
      id: "t4",
      key: "adjusted",
      value: `$.base + ${bonusCap === undefined ? "bonus" : `min([bonus, ${n(bonusCap)}])`} - ${deductionCap === undefined ? "deduction" : `min([deduction, ${n(deductionCap)}])`}`,
    },
    {
      id: "t5",
      key: "vetoed",
      value: vetoes.reduce((t, v) => (v.effect === "zero" ? `veto_${v.id.replace(/-/g, "_")} ? 0 : (${t})` : `veto_${v.id.replace(/-/g, "_")} ? min([${t}, ${n(v.cap)}]) : (${t})`), "$.adjusted"),
    },
    { id: "t6", key: "total", value: totalDecimals === undefined ? "max([0, $.vetoed])" : `round(max([0, $.vetoed]), ${totalDecimals})` },
  ];
  const position = { x: 0, y: 0 };
  return {
    nodes: [
      { id: "in", type: "inputNode", name: "subject", position },
      { id: "ind", type: "expressionNode", name: "indicators", position, content: { passThrough: true, expressions: indicatorExpressions } },
      { id: "tot", type: "expressionNode", name: "total", position, content: { expressions: totalExpressions } },
      { id: "out", type: "outputNode", name: "result", position },
    ],
    edges: [
      { id: "e1", sourceId: "in", targetId: "ind", type: "edge" },
      { id: "e2", sourceId: "ind", targetId: "tot", type: "edge" },
      { id: "e3", sourceId: "tot", targetId: "out", type: "edge" },
    ],
  };
}

/** Rank points by subject index for each rank indicator, in float64 (done in JS, before the graph). */
function rankPoints(cfg: SchemeConfig, subjects: readonly SubjectInput[]): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const ind of cfg.groups.flatMap((g) => g.indicators)) {
    const m = ind.method as unknown as Json;
    if (m.type !== "rank") continue;
    const points = Number(ind.points);
    const lower = m.direction === "lower";
    const floor = m.floor === undefined ? 0 : Number(m.floor);
    const arr = new Float64Array(subjects.length);
    const groups = new Map<string, number[]>();
    subjects.forEach((s, i) => {
      if (s.values[ind.id] === null || s.values[ind.id] === undefined) return;
      const key = s.group ?? "";
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(i);
    });
    for (const list of groups.values()) {
      const vals = list.map((i) => Number(subjects[i]!.values[ind.id]));
      const sorted = [...vals].sort((a, b) => (lower ? a - b : b - a));
      list.forEach((i, k) => {
        const v = vals[k]!;
        const place = sorted.findIndex((s) => s === v) + 1;
        const leader = sorted[0]!;
        const earned = m.step !== undefined ? points - Number(m.step) * (place - 1) : points * Math.min(1, Math.max(0, lower ? (v === 0 ? 1 : leader / v) : leader === 0 ? 1 : v / leader));
        arr[i] = Math.max(earned, floor);
      });
    }
    out.set(ind.id, arr);
  }
  return out;
}

/** Every subject's total from the decision graph (in input order), `concurrency` evaluations in flight. */
export async function zenTotals(zen: ZenModule, cfg: SchemeConfig, subjects: readonly SubjectInput[], concurrency = 256): Promise<{ subjectId: string; total: string }[]> {
  const engine = new zen.ZenEngine();
  const decision = engine.createDecision(graph(cfg));
  const indicators = cfg.groups.flatMap((g) => g.indicators);
  const ranks = rankPoints(cfg, subjects);
  const context = (s: SubjectInput, k: number) => {
    const c: Json = {};
    for (const ind of indicators) {
      const raw = s.values[ind.id];
      const m = ind.method as unknown as Json;
      if (raw === null || raw === undefined) c[field(ind.id)] = null;
      else if (m.type === "rank") c[field(ind.id)] = ranks.get(ind.id)![k];
      else if (m.type === "votes") {
        c[field(ind.id)] = 0;
        Object.keys(m.grades as Json).forEach((g, i) => (c[`${field(ind.id)}_${i}`] = Number((raw as Json)[g] ?? 0)));
      } else c[field(ind.id)] = typeof raw === "string" && m.type !== "grade" ? Number(raw) : raw;
      let plus = 0, minus = 0, aimed = false;
      for (const b of s.bonus ?? []) if (b.indicator === ind.id) (plus += Number(b.points)), (aimed = true);
      for (const b of s.deductions ?? []) if (b.indicator === ind.id) (minus += Number(b.points)), (aimed = true);
      c[`a_${ind.id}`] = aimed;
      c[`a_${ind.id}_plus`] = plus;
      c[`a_${ind.id}_minus`] = minus;
    }
    c.bonus = (s.bonus ?? []).filter((b) => b.indicator === undefined).reduce((a, b) => a + Number(b.points), 0);
    c.deduction = (s.deductions ?? []).filter((b) => b.indicator === undefined).reduce((a, b) => a + Number(b.points), 0);
    for (const v of cfg.vetoes ?? []) c[`veto_${v.id.replace(/-/g, "_")}`] = (s.vetoes ?? []).some((h) => (typeof h === "string" ? h : h.id) === v.id);
    return c;
  };
  const out: { subjectId: string; total: string }[] = new Array(subjects.length);
  for (let start = 0; start < subjects.length; start += concurrency) {
    const end = Math.min(subjects.length, start + concurrency);
    const batch: Promise<void>[] = [];
    for (let k = start; k < end; k++) {
      const s = subjects[k]!;
      batch.push(decision.evaluate(context(s, k)).then((r) => void (out[k] = { subjectId: s.id, total: String(r.result.total) })));
    }
    await Promise.all(batch);
  }
  engine.dispose();
  return out;
}
