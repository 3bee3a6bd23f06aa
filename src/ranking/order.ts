import { toDec, ZERO, type Dec } from "../core/decimal.js";
import { byText } from "../core/order.js";

/**
 * What the ranking core needs of a subject: its score as a number (`num`) when it was given as one,
 * else as a decimal (`score`). @internal
 */
export interface RankItem {
  readonly id: string;
  readonly peer: string | null;
  /**
   * The score as a decimal: always set when `num` is not; set by {@link placeItems} for the items
   * of a peer group that mixes numbers and decimal text.
   */
  score: Dec | undefined;
  /**
   * The score as the number it was given as (finite, within ±10^18, never -0), when it was one
   * and the exact text given with it, if any, is the number's own shortest text (else the exact
   * text is the score, as a decimal: a number cannot tell 100000000000000001 from …002).
   * Numbers compare as their decimals do (distinct doubles have distinct shortest decimals, in the
   * same order), so a group of numbers needs no decimals at all.
   */
  readonly num: number | undefined;
  readonly tie: readonly Dec[];
}

/** Compares two items' scores, ascending: as numbers when both were given as numbers, else as decimals. */
const compareScores = (a: RankItem, b: RankItem): number =>
  a.num !== undefined && b.num !== undefined ? (a.num < b.num ? -1 : a.num > b.num ? 1 : 0) : a.score!.cmp(b.score!);

/**
 * Where {@link placeItems} put an item: its rank, its position, its group's size, how many of the
 * group have a strictly worse score, the others tied with it (the first {@link MAX_TIED_LISTED})
 * and how many are.
 * @internal
 */
export type Emit<T> = (item: T, rank: number, position: number, groupSize: number, worse: number, tiedWith: readonly string[], tiedCount: number) => void;

/** The others tied with an item that ties with none. */
const NO_OTHERS: readonly string[] = Object.freeze([]);

/** The most ids an entry lists in `tiedWith`; `tiedCount` counts them all. @internal */
export const MAX_TIED_LISTED = 100;


/** Compares two peer-group keys, `null` first. @internal */
export const byPeer = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? -1 : b === null ? 1 : byText(a, b));

/**
 * Orders a peer group best first: by score, then each tie-break value, in the ranking's direction,
 * then by id; a total order, so the result never depends on the input order.
 * @internal
 */
export function bestFirst(desc: boolean) {
  return (a: RankItem, b: RankItem): number => {
    const s = desc ? compareScores(b, a) : compareScores(a, b);
    if (s !== 0) return s;
    for (let i = 0, n = Math.max(a.tie.length, b.tie.length); i < n; i++) {
      const x = a.tie[i] ?? ZERO;
      const y = b.tie[i] ?? ZERO;
      const t = desc ? y.cmp(x) : x.cmp(y);
      if (t !== 0) return t;
    }
    return byText(a.id, b.id);
  };
}

/**
 * Ranks items within their peer groups, handing each to `emit` by peer group, then position (so
 * that no record of the place is made only to be copied into an entry).
 * @internal
 */
export function placeItems<T extends RankItem>(items: readonly T[], desc: boolean, ties: "competition" | "dense" | "ordinal", emit: Emit<T>): void {
  const groups = new Map<string | null, T[]>();
  for (const item of items) {
    const list = groups.get(item.peer);
    if (list) list.push(item);
    else groups.set(item.peer, [item]);
  }
  const order = bestFirst(desc);
  for (const peer of [...groups.keys()].sort(byPeer)) {
    const list = groups.get(peer)!;
    // A group that mixes numbers and text compares as decimals: every item needs its decimal.
    if (list.some((item) => item.num === undefined)) for (const item of list) item.score ??= toDec(item.num)!;
    list.sort(order);
    let start = 0;
    let dense = 0;
    while (start < list.length) {
      let end = start;
      while (end + 1 < list.length && compareScores(list[end + 1]!, list[start]!) === 0) end++;
      dense++;
      // Most scores are not tied: no list of the others to make.
      const ids = end === start ? undefined : list.slice(start, Math.min(end + 1, start + MAX_TIED_LISTED + 1)).map((i) => i.id);
      for (let p = start; p <= end; p++) {
        const item = list[p]!;
        const rank = ties === "ordinal" ? p + 1 : ties === "dense" ? dense : start + 1;
        const tiedWith = ids === undefined ? NO_OTHERS : ids.filter((id) => id !== item.id).slice(0, MAX_TIED_LISTED);
        emit(item, rank, p + 1, list.length, list.length - end - 1, tiedWith, end - start);
      }
      start = end + 1;
    }
  }
}
