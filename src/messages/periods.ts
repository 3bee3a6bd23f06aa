import { message, type Shown } from "./types.js";

/** A kind of period in each language (`quarter`, `季度`). @internal */
export const PERIOD_KIND_WORDS = {
  day: { "zh-CN": "日", en: "day" },
  week: { "zh-CN": "周", en: "week" },
  month: { "zh-CN": "月份", en: "month" },
  quarter: { "zh-CN": "季度", en: "quarter" },
  half: { "zh-CN": "半年", en: "half" },
  year: { "zh-CN": "年度", en: "year" },
} as const;


/** A kind of period (`PeriodKind`). */
type Kind = keyof typeof PERIOD_KIND_WORDS;

/** The issues of periods/: period keys, dates and moments, time zones, ranges. */
export const PERIODS_MESSAGES = {
  periodBadKey: message<{ received: Shown }>({
    "zh-CN": (p, w) => `应为期间代码，如 2024、2024-H2、2024-Q3、2024-07、2024-W27 或 2024-07-15，实际是${w.shown(p.received)}`,
    en: (p, w) => `is not a period key such as 2024, 2024-H2, 2024-Q3, 2024-07, 2024-W27 or 2024-07-15 (got ${w.shown(p.received)})`,
  }),
  periodWeekOutside: message<{ period: string; min: number; max: number }>({
    "zh-CN": (p) => `落在 ${p.period}，这一周有日期超出 ${p.min}–${p.max} 年`,
    en: (p) => `falls in ${p.period}, a week with days outside the years ${p.min}–${p.max}`,
  }),
  periodBadTimeZone: message<{ received: Shown }>({
    "zh-CN": (p, w) => `应为时区，如 Asia/Shanghai、UTC 或 +08:00，实际是${w.shown(p.received)}`,
    en: (p, w) => `is not a time zone such as Asia/Shanghai, UTC or +08:00 (got ${w.shown(p.received)})`,
  }),
  periodBadDate: message<{ received: Shown }>({
    "zh-CN": (p, w) => `应为真实的日期或时刻，如 2024-06-30 或 2024-06-30T23:30，实际是${w.shown(p.received)}`,
    en: (p, w) => `is not a real date or moment such as 2024-06-30 or 2024-06-30T23:30 (got ${w.shown(p.received)})`,
  }),
  periodBadKind: message<{ kinds: readonly string[]; received: Shown }>({
    "zh-CN": (p, w) => `应为 ${w.list(p.kinds)} 之一，实际是${w.shown(p.received)}`,
    en: (p, w) => `must be one of ${w.list(p.kinds)} (got ${w.shown(p.received)})`,
  }),
  periodWeekHoldsDays: message<{ kind: Kind }>({
    "zh-CN": (p) => `一周只能分为日，不能分为${PERIOD_KIND_WORDS[p.kind]["zh-CN"]}`,
    en: (p) => `a week holds only days, not a ${PERIOD_KIND_WORDS[p.kind].en}`,
  }),
  periodHoldsNo: message<{ outer: Kind; kind: Kind }>({
    "zh-CN": (p) => `一个${PERIOD_KIND_WORDS[p.outer]["zh-CN"]}中没有${PERIOD_KIND_WORDS[p.kind]["zh-CN"]}：所列期间不能比外层期间长`,
    en: (p) => `a ${PERIOD_KIND_WORDS[p.outer].en} holds no ${PERIOD_KIND_WORDS[p.kind].en}`,
  }),
  periodBadSteps: message<{ received: Shown }>({
    "zh-CN": (p, w) => `应为整数个期间，实际是 ${w.shown(p.received)}`,
    en: (p, w) => `must be a whole number of periods (got ${w.shown(p.received)})`,
  }),
  periodShiftOutside: message<{ period: string; min: number; max: number }>({
    "zh-CN": (p) => `会把 ${p.period} 移出 ${p.min}–${p.max} 年的范围`,
    en: (p) => `moves ${p.period} outside the years ${p.min}–${p.max}`,
  }),
  periodRangeKinds: message<{ kind: Kind; from: Kind }>({
    "zh-CN": (p) => `是${PERIOD_KIND_WORDS[p.kind]["zh-CN"]}，而 from 是${PERIOD_KIND_WORDS[p.from]["zh-CN"]}；起止应为同一种期间`,
    en: (p) => `is a ${PERIOD_KIND_WORDS[p.kind].en} but "from" is a ${PERIOD_KIND_WORDS[p.from].en}`,
  }),
  periodRangeBackwards: message<{ to: string; from: string }>({
    "zh-CN": (p) => `${p.to} 早于起点 ${p.from}`,
    en: (p) => `${p.to} is before ${p.from}`,
  }),
  periodRangeTooLong: message<{ max: number }>({
    "zh-CN": (p) => `范围内超过 ${p.max} 个期间`,
    en: (p) => `the range holds more than ${p.max} periods`,
  }),
};
