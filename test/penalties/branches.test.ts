import { describe, expect, it } from "vitest";
import { withPenalties, type LastPlaceResult } from "../../src/index.js";

// The branch of the penalties module the other tests leave out, with the behaviour it is for.

describe("withPenalties", () => {
  it("carries a flag without a name as a flag without a name, after the subject's own flags", () => {
    const subjects = [{ id: "a", values: {}, flags: [{ id: "own", reason: "r0" }] }, { id: "b", values: {} }];
    const last = { kind: "lastPlace", groupSize: 2, peerGroup: "征管" } as const;
    const result = { deductions: [], flags: [{ subjectId: "a", id: "defer", reason: last }, { subjectId: "b", id: "defer", name: "缓晋", reason: last }] } as unknown as LastPlaceResult;
    const out = withPenalties(subjects, result);
    expect(out[0]!.flags).toEqual([{ id: "own", reason: "r0" }, { id: "defer", reason: "「征管」组 2 人中排末位" }]);
    expect(Object.keys(out[0]!.flags![1]!)).toEqual(["id", "reason"]);
    expect(out[1]!.flags).toEqual([{ id: "defer", name: "缓晋", reason: "「征管」组 2 人中排末位" }]);
    expect(out[1]).not.toHaveProperty("deductions");
  });
});
