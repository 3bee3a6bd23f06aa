import { ZERO, type Dec } from "../core/decimal.js";

/** What the ranking core needs of a subject. @internal */
export interface RankItem {
  readonly id: string;
  readonly peer: string | null;
  readonly score: Dec;
  /** The score as the number it was given as, when it was one: numbers compare as their decimals do. */
  readonly num?: number;
  readonly tie: readonly Dec[];
}

/** Compares two items' scores, ascending: as numbers when both were given as numbers (exact: distinct doubles have distinct shortest decimals, in the same order), else as decimals. */
const compareScores = (a: RankItem, b: RankItem): number =>
  a.num !== undefined && b.num !== undefined ? (a.num < b.num ? -1 : a.num > b.num ? 1 : 0) : a.score.cmp(b.score);

/** A ranked item. @internal */
export interface Placed<T extends RankItem> {
  readonly item: T;
  readonly rank: number;
  readonly position: number;
  readonly groupSize: number;
  /** Count of the group with a strictly worse score. */
  readonly worse: number;
  readonly tiedWith: readonly string[];
  readonly tiedCount: number;
}

/** The most ids an entry lists in `tiedWith`; `tiedCount` counts them all. @internal */
export const MAX_TIED_LISTED = 100;

/** Code-unit order of two texts (locale-independent). @internal */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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
    for (let i = 0; i < Math.max(a.tie.length, b.tie.length); i++) {
      const x = a.tie[i] ?? ZERO;
      const y = b.tie[i] ?? ZERO;
      const t = desc ? y.cmp(x) : x.cmp(y);
      if (t !== 0) return t;
    }
    return byText(a.id, b.id);
  };
}

/**
 * Ranks items within their peer groups. Returns them by peer group, then position.
 * @internal
 */
export function placeItems<T extends RankItem>(items: readonly T[], desc: boolean, ties: "competition" | "dense" | "ordinal"): Placed<T>[] {
  const groups = new Map<string | null, T[]>();
  for (const item of items) {
    const list = groups.get(item.peer);
    if (list) list.push(item);
    else groups.set(item.peer, [item]);
  }
  const out: Placed<T>[] = [];
  for (const peer of [...groups.keys()].sort(byPeer)) {
    const list = groups.get(peer)!.sort(bestFirst(desc));
    let start = 0;
    let dense = 0;
    while (start < list.length) {
      let end = start;
      while (end + 1 < list.length && compareScores(list[end + 1]!, list[start]!) === 0) end++;
      dense++;
      const ids = list.slice(start, Math.min(end + 1, start + MAX_TIED_LISTED + 1)).map((i) => i.id);
      for (let p = start; p <= end; p++) {
        const item = list[p]!;
        out.push({
          item,
          rank: ties === "ordinal" ? p + 1 : ties === "dense" ? dense : start + 1,
          position: p + 1,
          groupSize: list.length,
          worse: list.length - end - 1,
          tiedWith: ids.filter((id) => id !== item.id).slice(0, MAX_TIED_LISTED),
          tiedCount: end - start,
        });
      }
      start = end + 1;
    }
  }
  return out;
}
