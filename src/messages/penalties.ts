import type { PenaltyReason } from "../penalties/reasons.js";
import type { NamedId } from "../tiers/types.js";
import type { ReasonWords } from "./tiers.js";
import { message } from "./types.js";

/** The issues of penalties/. */
export const PENALTIES_MESSAGES = {
  penaltySubjectUnknown: message<{ subjectId: string }>({
    "zh-CN": (p, w) => `指向${w.q(p.subjectId)}，但考评对象中没有这个编号`,
    en: (p) => `names "${p.subjectId}", who is not among the subjects`,
  }),
};

const zhGroup = (peer: string | null, n: number) => `${peer === null ? "同组" : `「${peer}」组`} ${n} 人中`;
const enGroup = (peer: string | null, n: number) => `of ${n}${peer === null ? "" : ` in ${peer}`}`;
/** A person in Chinese text: 甲局（p1） beside Chinese words, or the bare id set off by spaces. */
const zhWho = (x: NamedId, after = true) => (x.name ? `${x.name}（${x.id}）` : ` ${x.id}${after ? " " : ""}`);
const enWho = (x: NamedId) => (x.name ? `${x.name} (${x.id})` : x.id);

/** The reasons of last-place deductions, flags, spared subjects, exempt groups and promotion moves, in each language. @internal */
export const PENALTY_REASON_WORDS: ReasonWords<PenaltyReason> = {
  deducted: {
    "zh-CN": (r) => `${r.label ?? "末位扣分"}：${zhGroup(r.peerGroup, r.groupSize)}${r.bottomPlace === 1 ? "排末位" : `排倒数第 ${r.bottomPlace} 名`}`,
    en: (r) => `${r.label ?? "last-place deduction"}: ${r.bottomPlace === 1 ? "last" : `place ${r.bottomPlace} from the bottom`} ${enGroup(r.peerGroup, r.groupSize)}`,
  },
  lastPlace: {
    "zh-CN": (r) => `${zhGroup(r.peerGroup, r.groupSize)}排末位`,
    en: (r) => `last ${enGroup(r.peerGroup, r.groupSize)}`,
  },
  tiedSpared: {
    "zh-CN": (r, w) => `与 ${w.list(r.tiedWith)} 并列，按办法并列者不扣分（ties: none）`,
    en: (r, w) => `tied with ${w.list(r.tiedWith)}; ties: none`,
  },
  notBelow: {
    "zh-CN": (r) => `得分 ${r.score} 不低于 ${r.below}，不扣分`,
    en: (r) => `score ${r.score} is not below ${r.below}`,
  },
  smallGroup: {
    "zh-CN": (r) => `本组 ${r.size} 人，少于 ${r.minGroupSize} 人，免于末位扣分`,
    en: (r) => `group of ${r.size}, smaller than ${r.minGroupSize}`,
  },
  losesSlot: {
    "zh-CN": (r) =>
      `${zhGroup(r.peerGroup, r.groupSize)}${r.bottomPlace === 1 ? "排末位" : `排倒数第 ${r.bottomPlace} 名`}${r.vacancy ? "" : "；无实际空缺，改为扣减职级职数"}${r.to ? `；转给${zhWho(r.to, false)}` : "；排名靠前者中已无人接收"}`,
    en: (r) =>
      `${r.bottomPlace === 1 ? "last" : `place ${r.bottomPlace} from the bottom`} ${enGroup(r.peerGroup, r.groupSize)}${r.vacancy ? "" : "; no real vacancy, so rank-level quota"}${r.to ? `; goes to ${enWho(r.to)}` : "; no one at the top to receive it"}`,
  },
  gainsSlot: {
    "zh-CN": (r) => `${zhGroup(r.peerGroup, r.groupSize)}排第 ${r.position} 名；接收${zhWho(r.from)}扣减的${r.vacancy ? "晋升名额" : "职级职数"}`,
    en: (r) => `place ${r.position} ${enGroup(r.peerGroup, r.groupSize)}; receives what ${enWho(r.from)} loses`,
  },
};
