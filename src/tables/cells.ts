/** Texts that mark an indicator as not applicable in a table's cell (`null` in JSON), compared without case. */
export const NOT_APPLICABLE_TEXTS: readonly string[] = Object.freeze(["不适用", "n/a", "na", "null", "—", "-"]);

/**
 * Whether a cell's text marks an indicator as not applicable: `不适用`, `N/A`, `NA`, `null`, `—` or `-`.
 * @param text - a cell's text.
 * @returns `true` for such a mark.
 * @example
 * ```ts
 * isNotApplicableText("N/A");
 * //=> true
 * ```
 */
export function isNotApplicableText(text: string): boolean {
  return NOT_APPLICABLE_TEXTS.includes(text.normalize("NFKC").trim().toLowerCase());
}

/**
 * The items of a list written in one cell (posts, vetoes, departments), separated by `、`, commas,
 * semicolons or `|` (half- or full-width); blank items are left out.
 * @param text - a cell's text.
 * @returns the items, trimmed.
 * @example
 * ```ts
 * splitList("征管岗、纳服岗; 稽查岗");
 * //=> ["征管岗", "纳服岗", "稽查岗"]
 * ```
 */
export function splitList(text: string | undefined): string[] {
  return (text ?? "")
    .split(/[,，;；、|]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * The veto ids a cell names, by id or name (`违纪违法` → `discipline`); a word that names no veto
 * is kept as written, for the engine to report.
 * @param text - a cell's text: vetoes separated as in {@link splitList}.
 * @param vetoes - the scheme's vetoes.
 * @returns the ids.
 * @example
 * ```ts
 * vetoIdsOf("违纪违法", [{ id: "discipline", name: "违纪违法" }]);
 * //=> ["discipline"]
 * ```
 */
export function vetoIdsOf(text: string, vetoes: readonly { readonly id: string; readonly name?: string }[]): string[] {
  return splitList(text).map((word) => vetoes.find((v) => v.id === word)?.id ?? vetoes.find((v) => v.name === word)?.id ?? word);
}
