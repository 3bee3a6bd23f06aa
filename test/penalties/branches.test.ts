import { describe, expect, it } from "vitest";
import { withPenalties, type LastPlaceResult } from "../../src/index.js";

// The branch of the penalties module the other tests leave out, with the behaviour it is for.

describe("withPenalties", () => {
  it("carries a flag without a name as a flag without a name, after the subject's own flags", () => {
    const subjects = [{ id: "a", values: {}, flags: [{ id: "own", reason: "r0" }] }, { id: "b", values: {} }];
    const result = { deductions: [], flags: [{ subjectId: "a", id: "defer", reason: "末位缓晋" }, { subjectId: "b", id: "defer", name: "缓晋", reason: "末位缓晋" }] } as unknown as LastPlaceResult;
    const out = withPenalties(subjects, result);
    expect(out[0]!.flags).toEqual([{ id: "own", reason: "r0" }, { id: "defer", reason: "末位缓晋" }]);
    expect(Object.keys(out[0]!.flags![1]!)).toEqual(["id", "reason"]);
    expect(out[1]!.flags).toEqual([{ id: "defer", name: "缓晋", reason: "末位缓晋" }]);
    expect(out[1]).not.toHaveProperty("deductions");
  });
});
