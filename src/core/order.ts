/**
 * Code-unit order of two texts: locale-independent, so that ids sort the same on every machine.
 * The one comparison of ids and names the library sorts by.
 * @internal
 */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
