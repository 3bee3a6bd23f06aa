import type { DecimalInput } from "../core/validate.js";
import type { JsonMethod } from "../methods/index.js";
import type { RoundingPoints, SchemeConfig } from "../scheme/types.js";

/**
 * How an indicator goes from a unit to its children, one level:
 * - `retain` — the unit finishes it itself; nothing goes down (R4);
 * - `replicate` — every child gets the same target (a rate such as 95%);
 * - `split` — the target is divided between the children, `equal`ly, by `shares`, in proportion to
 *   a `base` figure (last year's revenue), or by explicit `amounts`; the parts are rounded to the
 *   indicator's decimals and always add up to the parent's target exactly (R5).
 */
export type CascadeStep =
  | {
      /** The unit keeps the indicator; nothing goes down. */
      readonly how: "retain";
    }
  | {
      /** Every child gets the unit's target unchanged. */
      readonly how: "replicate";
    }
  | {
      /** The target is divided between the children. */
      readonly how: "split";
      /** Divided equally between the children. */
      readonly by: "equal";
    }
  | {
      /** The target is divided between the children. */
      readonly how: "split";
      /** Divided by the children's `shares`. */
      readonly by: "shares";
      /** Each child's share of the target (0 to 1), by unit id; the shares add up to 1. */
      readonly shares: Readonly<Record<string, DecimalInput>>;
    }
  | {
      /** The target is divided between the children. */
      readonly how: "split";
      /** Divided in proportion to the children's `base` figures. */
      readonly by: "base";
      /** Each child's base figure (last year's revenue, say), by unit id. */
      readonly base: Readonly<Record<string, DecimalInput>>;
    }
  | {
      /** The target is divided between the children. */
      readonly how: "split";
      /** Divided by explicit `amounts`. */
      readonly by: "amounts";
      /** Each child's target, by unit id; the amounts add up to the unit's target. */
      readonly amounts: Readonly<Record<string, DecimalInput>>;
    };

/** An indicator of the top level and how it goes down. */
export interface PlanIndicator {
  /** Unique id in the plan. */
  readonly id: string;
  /** Name for people. */
  readonly name?: string;
  /** The group of the child schemes it lands in (a plan `groups` id). */
  readonly group?: string;
  /** Its points (分值) in the schemes it lands in. */
  readonly points: DecimalInput;
  /** The target to pass down (revenue, cases, a rate); needed by `split`. */
  readonly target?: DecimalInput;
  /** Decimals of the target's unit: 0 for whole yuan or cases, 2 for 0.01 yuan (default 2). */
  readonly decimals?: number;
  /** How the child schemes score it; a `completion` method gets each unit's own target. */
  readonly method: JsonMethod;
  /** `quantitative` (定量) or `qualitative` (定性). */
  readonly kind?: "quantitative" | "qualitative";
  /** Where its value comes from: `system` or `manual`. */
  readonly source?: "system" | "manual";
  /** How it goes down, one step per level from the plan's root; none means the root retains it. */
  readonly steps?: readonly CascadeStep[];
}

/** An indicator a template or a unit adds: it is not passed down. */
export interface AddedIndicator {
  /** Unique id in the unit's scheme. */
  readonly id: string;
  /** Name for people. */
  readonly name?: string;
  /** Its group (a plan `groups` id). */
  readonly group?: string;
  /** Its points. */
  readonly points: DecimalInput;
  /** How it is scored. */
  readonly method: JsonMethod;
}

/** One template for every unit of a level (R3: the city writes one for its counties' departments and branches). */
export interface CascadeTemplate {
  /** The level whose units get it. */
  readonly level: string;
  /** The template's indicators. */
  readonly indicators: readonly AddedIndicator[];
  /** The most points a unit of this level may add as local indicators (no local indicators when left out). */
  readonly localBudget?: DecimalInput;
}

/** Who carries, executes and assesses an indicator of a unit (R3), and how its target splits between the executors. */
export interface Responsibility {
  /** The unit. */
  readonly unit: string;
  /** The indicator (received from above, from a template or local). */
  readonly indicator: string;
  /** The department that carries it (承接). */
  readonly carrying: string;
  /** The department that assesses it (考评). */
  readonly assessing: string;
  /** The people who execute it (执行), with optional shares of its target (equal when none is given). */
  readonly executing: readonly {
    /** The executor's id. */
    readonly person: string;
    /** The executor's share of the target, 0 to 1 (give all executors one, or none). */
    readonly share?: DecimalInput;
  }[];
}

/** A cascade plan (指标分解方案) as JSON. */
export interface CascadePlan {
  /** The JSON Schema this document follows, for editors. */
  readonly $schema?: string;
  /** The plan's id. */
  readonly id: string;
  /** Name for people. */
  readonly name?: string;
  /** Longer description. */
  readonly description?: string;
  /** The unit at the top (the tree's root when left out). */
  readonly root?: string;
  /** `keep` (default): indicators keep their points; `rebase`: each unit's scheme is scaled to `full`. */
  readonly points?: "keep" | "rebase";
  /** The rounding of the units' schemes (see the scheme's `rounding`). */
  readonly rounding?: RoundingPoints;
  /** The full score of rebased schemes (default 100). */
  readonly full?: DecimalInput;
  /** The groups of the child schemes, in order (one group `main` when left out). */
  readonly groups?: readonly {
    /** The group's id. */
    readonly id: string;
    /** Name for people. */
    readonly name?: string;
  }[];
  /** The top level's indicators and how each goes down. */
  readonly indicators: readonly PlanIndicator[];
  /** Templates by level. */
  readonly templates?: readonly CascadeTemplate[];
  /** Local indicators units add, within their template's budget. */
  readonly local?: readonly {
    /** The unit that adds them. */
    readonly unit: string;
    /** The local indicators it adds. */
    readonly indicators: readonly AddedIndicator[];
  }[];
  /** Who carries, executes and assesses indicators inside units. */
  readonly responsibilities?: readonly Responsibility[];
}

/** One link of an indicator's lineage: a unit and the target it had. */
export interface LineageLink {
  /** The unit. */
  readonly unit: string;
  /** Its target, as exact decimal text, or `null` for an indicator without one. */
  readonly target: string | null;
  /** How it got it from the link before: `split:equal`, `split:shares`, `split:base`, `split:amounts`, `replicate`, or `plan` for the first. */
  readonly via: string;
}

/** An indicator as it lands in a unit. */
export interface DerivedIndicator {
  /** The indicator's id. */
  readonly id: string;
  /** Where it comes from: `cascade` (from above), `template` or `local`. */
  readonly origin: "cascade" | "template" | "local";
  /** The unit's target, as exact decimal text, or `null`. */
  readonly target: string | null;
  /** Whether this unit keeps it (`true` where the next step is `retain` or the unit has no children or steps end). */
  readonly retained: boolean;
  /** The chain it came down (root first, this unit last). */
  readonly lineage: readonly LineageLink[];
}

/** A split checked for conservation: the children's targets add up to the parent's. */
export interface ConservationCheck {
  /** The indicator. */
  readonly indicator: string;
  /** The parent unit. */
  readonly parent: string;
  /** How it was split. */
  readonly by: string;
  /** The parent's target. */
  readonly target: string;
  /** Each child's part. */
  readonly parts: readonly {
    /** The child unit. */
    readonly unit: string;
    /** The child's target, as exact decimal text. */
    readonly target: string;
  }[];
  /** Their sum. */
  readonly sum: string;
  /** Whether the sum equals the target exactly. */
  readonly ok: boolean;
}

/** A responsibility with each executor's part of the target. */
export interface ResponsibilityResult extends Omit<Responsibility, "executing"> {
  /** The unit's target for the indicator, or `null`. */
  readonly target: string | null;
  /** Each executor's part (`null` where the indicator has no target). */
  readonly executing: readonly {
    /** The executor's id. */
    readonly person: string;
    /** The executor's part of the target, as exact decimal text, or `null` where the indicator has none. */
    readonly target: string | null;
  }[];
}

/** The outcome of {@link cascade}. */
export interface CascadeResult {
  /** The plan's id. */
  readonly plan: string;
  /** Each unit below the root that has indicators: its level, its indicators with lineage, and its scheme. */
  readonly units: readonly {
    /** The unit's id. */
    readonly unit: string;
    /** The unit's level. */
    readonly level: string;
    /** The indicators that land in the unit, with their lineage. */
    readonly indicators: readonly DerivedIndicator[];
    /** A scheme that {@link defineScheme} accepts. */
    readonly scheme: SchemeConfig;
  }[];
  /** What was checked and what deserves a look. */
  readonly report: {
    /** Every split, checked to add up. */
    readonly conservation: readonly ConservationCheck[];
    /** Where each indicator stops (retained). */
    readonly retained: readonly {
      /** The indicator. */
      readonly indicator: string;
      /** The unit that keeps it. */
      readonly unit: string;
    }[];
    /** Units that received nothing of an indicator a split passed to their level (a zero share or base). */
    readonly receivedNothing: readonly {
      /** The indicator. */
      readonly indicator: string;
      /** The unit that received none of it. */
      readonly unit: string;
    }[];
    /** Local additions by unit, with their points and budget. */
    readonly local: readonly {
      /** The unit. */
      readonly unit: string;
      /** The ids of its local indicators. */
      readonly indicators: readonly string[];
      /** The local indicators' points added up, as exact decimal text. */
      readonly points: string;
      /** The local budget of the unit's level, as exact decimal text. */
      readonly budget: string;
    }[];
  };
  /** Responsibilities inside units, with executors' parts. */
  readonly responsibilities: readonly ResponsibilityResult[];
}
