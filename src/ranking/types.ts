/** What a ranking ranks by: the total, a group's earned points, or an indicator's earned points. */
export type RankKey = "total" | `group:${string}` | `indicator:${string}`;

/** How equal scores are ranked. */
export type TieStyle = "competition" | "dense" | "ordinal";

/**
 * What can be ranked: a {@link ScoreResult}, or any record with a subject id and a total (a unit's
 * score from another system, say). Values are compared exactly: decimal text as the decimal it
 * writes, a number with its `exact` text where given, else as the decimal it prints as.
 */
export interface Rankable {
  /** The subject's id. */
  readonly subjectId: string;
  /** The subject's name. */
  readonly name?: string;
  /** The total score: a number or decimal text. */
  readonly total: number | string;
  /**
   * The total as exact decimal text, where `total` is a number that may hold fewer digits (a
   * {@link ScoreResult}'s `exact`): ranked by it, so totals that differ beyond the number's 15 to 17
   * digits rank apart. It must agree with `total` (`total` is the number nearest to it).
   */
  readonly exact?: string;
  /** The subject's peer group (`groupBy: "group"`). */
  readonly group?: string;
  /** Facts to group by (job level, category, department …). */
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
  /** Groups' earned points, for `by: "group:<id>"`. */
  readonly groups?: readonly {
    /** The group's id. */
    readonly id: string;
    /** The points the subject earned in the group. */
    readonly earned: number;
    /** `earned` as exact decimal text, ranked by where given; it must agree with `earned`. */
    readonly exact?: string;
  }[];
  /** Indicators' earned points, for `by: "indicator:<id>"`. */
  readonly indicators?: readonly {
    /** The indicator's id. */
    readonly id: string;
    /** The points the subject earned on the indicator. */
    readonly earned: number;
    /** `earned` as exact decimal text, ranked by where given; it must agree with `earned`. */
    readonly exact?: string;
  }[];
  /** The subject's vetoes; a subject with any is vetoed for the tier rules. */
  readonly vetoes?: readonly {
    /** The veto's id. */
    readonly id: string;
    /** The veto's name, shown in the tier reasons (a score result's vetoes carry the scheme's). */
    readonly name?: string | undefined;
  }[];
  /** The subject's flags, for eligibility rules. */
  readonly flags?: readonly {
    /** The flag's id. */
    readonly id: string;
    /** The flag's name, shown in the tier reasons. */
    readonly name?: string | undefined;
  }[];
}

/** Options for {@link rank}. */
export interface RankOptions {
  /** What to rank by: `total` (default), `group:<id>` or `indicator:<id>`. */
  readonly by?: RankKey;
  /** `desc` (default): higher is better; `asc`: lower is better. */
  readonly order?: "desc" | "asc";
  /**
   * The field whose value makes the peer groups (R6, R20): `group` (the subject's peer group) or
   * the name of an attribute (`jobLevel`, `category`, `department` …). One group when left out.
   */
  readonly groupBy?: string;
  /** `competition` (1, 2, 2, 4; default), `dense` (1, 2, 2, 3) or `ordinal` (1, 2, 3, 4 by the tie-break). */
  readonly ties?: TieStyle;
  /** Keys that order equal scores (each in the same direction as `order`), before the id. */
  readonly tieBreak?: readonly RankKey[];
}

/** One subject's place in its peer group. */
export interface RankEntry {
  /** The subject's id. */
  readonly subjectId: string;
  /** The subject's name. */
  readonly name?: string;
  /** The peer group's value, or `null` when the ranking has one group. */
  readonly peerGroup: string | null;
  /** The subject's own peer group, as given. */
  readonly group?: string;
  /** The score ranked. */
  readonly score: number;
  /**
   * The score ranked, as exact decimal text: every digit, where `score` (the number nearest to it)
   * may hold fewer. Scores are compared by it, so entries tie only when their exact texts are equal.
   */
  readonly exact: string;
  /** The rank, in the ranking's tie style. */
  readonly rank: number;
  /** The place after every tie is broken (tie-break keys, then id): 1, 2, 3 … */
  readonly position: number;
  /** How many subjects the peer group has. */
  readonly groupSize: number;
  /** The percentage of the peer group with a worse score (0 to 100). */
  readonly percentile: number;
  /** The ids of the others in the group with the same score (the first 100, by position). */
  readonly tiedWith: readonly string[];
  /** How many others in the group have the same score. */
  readonly tiedCount: number;
  /** The tie-break keys' values, in the order of `tieBreak`. */
  readonly tieValues: readonly number[];
  /** The subject's attributes, as given. */
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
  /** The ids of the subject's vetoes. */
  readonly vetoes: readonly string[];
  /** The ids of the subject's flags. */
  readonly flags: readonly string[];
  /** The names of the subject's vetoes that have one, by veto id; only when one has a name. */
  readonly vetoNames?: Readonly<Record<string, string>>;
  /** The names of the subject's flags that have one, by flag id; only when one has a name. */
  readonly flagNames?: Readonly<Record<string, string>>;
}

/** A ranking: every subject's place within its peer group, and how it was made. */
export interface Ranking {
  /** What was ranked. */
  readonly by: RankKey;
  /** `desc` or `asc`. */
  readonly order: "desc" | "asc";
  /** The peer-group field, or `null` for one group. */
  readonly groupBy: string | null;
  /** The tie style. */
  readonly ties: TieStyle;
  /** The tie-break keys. */
  readonly tieBreak: readonly RankKey[];
  /** The entries, by peer group and then by position. */
  readonly entries: readonly RankEntry[];
}
