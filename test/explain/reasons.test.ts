import { describe, expect, it } from "vitest";
import { explainReason, isJixiaoError, JixiaoError, type Reason } from "../../src/index.js";
import { REASON_KINDS } from "../../src/explain/reasons.js";
import { PENALTY_REASON_WORDS } from "../../src/messages/penalties.js";
import { HISTORY_CONDITION_WORDS, TIER_BARRIER_WORDS } from "../../src/messages/tiers.js";

/** One reason of each kind, with its words in English and Chinese: a kind without an entry here does not compile. */
const EVERY_KIND: { readonly [K in Reason["kind"]]: readonly [Extract<Reason, { kind: K }>, string, string] } = {
  vetoed: [{ kind: "vetoed", vetoes: [{ id: "discipline", name: "违纪违法" }, { id: "yellow" }] }, "has a veto (违纪违法, yellow)", "有否决项（违纪违法、yellow）"],
  flag: [{ kind: "flag", id: "promotion-deferred", name: "晋升暂缓" }, 'has the flag "晋升暂缓"', "带有标记「晋升暂缓」"],
  quotaFull: [{ kind: "quotaFull" }, "the quota was full", "名额已满"],
  below: [{ kind: "below", min: "89.5", compared: "89" }, "below 89.5 (compared: 89)", "低于 89.5 分（按整数部分 89 比较）"],
  deducted: [{ kind: "deducted", bottomPlace: 2, groupSize: 6, peerGroup: "征管股" }, "last-place deduction: place 2 from the bottom of 6 in 征管股", "末位扣分：「征管股」组 6 人中排倒数第 2 名"],
  lastPlace: [{ kind: "lastPlace", groupSize: 6, peerGroup: "征管股" }, "last of 6 in 征管股", "「征管股」组 6 人中排末位"],
  tiedSpared: [{ kind: "tiedSpared", tiedWith: ["n4", "n3"] }, "tied with n4, n3; ties: none", "与 n4、n3 并列，按办法并列者不扣分（ties: none）"],
  notBelow: [{ kind: "notBelow", score: "60", below: "60" }, "score 60 is not below 60", "得分 60 不低于 60，不扣分"],
  smallGroup: [{ kind: "smallGroup", size: 3, minGroupSize: 5 }, "group of 3, smaller than 5", "本组 3 人，少于 5 人，免于末位扣分"],
  losesSlot: [
    { kind: "losesSlot", bottomPlace: 1, groupSize: 5, peerGroup: "省局", vacancy: false, to: { id: "x1", name: "甲局" } },
    "last of 5 in 省局; no real vacancy, so rank-level quota; goes to 甲局 (x1)",
    "「省局」组 5 人中排末位；无实际空缺，改为扣减职级职数；转给甲局（x1）",
  ],
  gainsSlot: [
    { kind: "gainsSlot", position: 1, groupSize: 5, peerGroup: "省局", vacancy: true, from: { id: "x5" } },
    "place 1 of 5 in 省局; receives what x5 loses",
    "「省局」组 5 人中排第 1 名；接收 x5 扣减的晋升名额",
  ],
  atLeast: [{ kind: "atLeast", tiers: ["好", "较好"], atLeast: 3, passed: true, count: 3, of: 4 }, "3 of 4 periods in 好, 较好, at least 3 required: met", "4 个期间中有 3 个为「好」、「较好」，要求至少 3 个：符合"],
  atMost: [{ kind: "atMost", tiers: ["差"], atMost: 0, passed: false, count: 1, of: 4 }, "1 of 4 periods in 差, at most 0 allowed: not met", "4 个期间中有 1 个为「差」，要求至多 0 个：不符合"],
  atLeastShare: [{ kind: "atLeastShare", tiers: ["好"], share: "1/2", passed: true, count: 2, of: 4 }, "2 of 4 periods in 好, at least 1/2 of them required: met", "4 个期间中有 2 个为「好」，要求至少占 1/2：符合"],
  moreThanShare: [{ kind: "moreThanShare", tiers: ["好"], share: "0.5", passed: false, count: 2, of: 4 }, "2 of 4 periods in 好, more than 0.5 of them required: not met", "4 个期间中有 2 个为「好」，要求超过 0.5：不符合"],
  noneBelow: [{ kind: "noneBelow", tier: "中", passed: true, count: 0, of: 4 }, "0 of 4 periods below 中, none allowed: met", "4 个期间中有 0 个低于「中」，要求没有：符合"],
};

describe("explainReason", () => {
  it("words every kind of reason in Chinese (the default) and English", () => {
    expect([...REASON_KINDS].sort()).toEqual(Object.keys(EVERY_KIND).sort());
    for (const kind of REASON_KINDS) {
      const [reason, en, zh] = EVERY_KIND[kind];
      expect(explainReason(reason, { locale: "en" }), kind).toBe(en);
      expect(explainReason(reason), kind).toBe(zh);
      expect(explainReason(reason, { locale: "zh-CN" }), kind).toBe(zh);
    }
  });

  it("declares each kind in one part only, so none is worded by another part's words", () => {
    const parts = [TIER_BARRIER_WORDS, PENALTY_REASON_WORDS, HISTORY_CONDITION_WORDS].map((p) => Object.keys(p));
    expect(parts.flat().length).toBe(new Set(parts.flat()).size);
    expect(parts.flat().length).toBe(REASON_KINDS.length);
  });

  it("shows an id where no name is given, and leaves out what the data does not have", () => {
    expect(explainReason({ kind: "flag", id: "promotion-deferred" })).toBe("带有标记「promotion-deferred」");
    expect(explainReason({ kind: "vetoed", vetoes: [] }, { locale: "en" })).toBe("has a veto");
    expect(explainReason({ kind: "below", min: "90" })).toBe("低于 90 分");
    expect(explainReason({ kind: "deducted", label: "月度末位", bottomPlace: 1, groupSize: 3, peerGroup: null })).toBe("月度末位：同组 3 人中排末位");
    expect(explainReason({ kind: "losesSlot", bottomPlace: 2, groupSize: 2, peerGroup: null, vacancy: true, to: null }, { locale: "en" })).toBe(
      "place 2 from the bottom of 2; no one at the top to receive it",
    );
    expect(explainReason({ kind: "losesSlot", bottomPlace: 2, groupSize: 2, peerGroup: null, vacancy: true, to: null })).toBe("同组 2 人中排倒数第 2 名；排名靠前者中已无人接收");
    expect(explainReason({ kind: "gainsSlot", position: 1, groupSize: 5, peerGroup: null, vacancy: false, from: { id: "p4" } })).toBe("同组 5 人中排第 1 名；接收 p4 扣减的职级职数");
  });

  it("refuses what is not a reason, and bad options", () => {
    expect(() => explainReason({ kind: "luck" } as never)).toThrow(JixiaoError);
    expect(() => explainReason("below 90" as never)).toThrow(JixiaoError);
    expect(() => explainReason({ kind: "below" } as never)).toThrow(JixiaoError);
    try {
      explainReason({ kind: "quotaFull" }, { locale: "fr" } as never);
      expect.unreachable();
    } catch (e) {
      expect(isJixiaoError(e) && e.issues.map((i) => [i.code, i.path])).toEqual([["invalid_option", ["options", "locale"]]]);
    }
  });
});
