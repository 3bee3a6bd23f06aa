/**
 * Takes `quota` items from the front of a list ordered from the edge inward (best first for top
 * tiers, worst first for bottom tiers), settling a tie at the boundary by `widen`:
 * `true` takes everyone tied with the last one taken (the quota may be exceeded), `false` takes
 * no one tied with the first one left out (the quota may be short), `undefined` cuts at the quota
 * (the list's order breaks the tie).
 * @returns how many to take, and the ids tied across the boundary.
 * @internal
 */
export function cut<T>(list: readonly T[], quota: number, same: (a: T, b: T) => boolean, widen: boolean | undefined): { take: number; tied: T[] } {
  if (quota <= 0) return { take: 0, tied: [] };
  if (quota >= list.length) return { take: list.length, tied: [] };
  const last = list[quota - 1]!;
  const next = list[quota]!;
  if (!same(last, next)) return { take: quota, tied: [] };
  let start = quota - 1;
  while (start > 0 && same(list[start - 1]!, last)) start--;
  let end = quota;
  while (end + 1 < list.length && same(list[end + 1]!, last)) end++;
  const tied = list.slice(start, end + 1);
  if (widen === undefined) return { take: quota, tied };
  return { take: widen ? end + 1 : start, tied };
}
