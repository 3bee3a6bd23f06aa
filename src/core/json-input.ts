/**
 * The types of rule documents as a JSON import gives them. TypeScript types a `.json` module by
 * what it holds, not by what it means: an option such as `"half-up"` becomes `string`, a list a
 * mutable array. A rule's `define…` function takes that too; its runtime validation is as strict
 * as ever.
 */

/**
 * A rule document's type `C` as a JSON import gives it: each option (a union of texts such as
 * `"half-up" | "down"`) as any text, each list as a list of the same, the rest as `C` says.
 *
 * @example
 * ```ts
 * type R = JsonOf<{ readonly mode?: "half-up" | "down"; readonly decimals: number }>;
 * //=> { readonly mode?: string; readonly decimals: number }
 * ```
 */
export type JsonOf<C> = C extends (...args: never) => unknown
  ? C
  : C extends string
    ? string
    : C extends readonly (infer E)[]
      ? readonly JsonOf<E>[]
      : C extends object
        ? { readonly [K in keyof C]: JsonOf<C[K]> }
        : C;

/**
 * `T` held against the rule document type `C`: an option written as text of any kind (`string`,
 * as a JSON import types it) passes, while an option written as a literal must be one of `C`'s
 * (`"half_up"` is caught when the code is compiled); every field `C` requires must be there and no
 * field `C` lacks may be. Used as `config: T & JsonChecked<T, C>` beside an overload taking `C`.
 *
 * @example
 * ```ts
 * type Ok = { mode: string } extends JsonChecked<{ mode: string }, { mode: "up" | "down" }> ? true : false;
 * //=> true
 * type Typo = { mode: "upp" } extends JsonChecked<{ mode: "upp" }, { mode: "up" | "down" }> ? true : false;
 * //=> false
 * ```
 */
export type JsonChecked<T, C> = C extends (...args: never) => unknown
  ? C
  : C extends string
    ? [T] extends [string]
      ? string extends T
        ? T
        : C
      : C
    : C extends number | boolean | null | undefined
      ? C
      : C extends readonly (infer CE)[]
        ? T extends readonly (infer TE)[]
          ? readonly JsonChecked<TE, CE>[]
          : C
        : C extends object
          ? T extends object
            ? { readonly [K in keyof T]: K extends keyof C ? JsonChecked<T[K], C[K]> : never } & Omit<C, keyof T>
            : C
          : C;
