import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { CapabilityAssessment, CapabilityRequirement, LinkPartKind, PersonLink, PersonLinkPart } from "../../src/index.js";

const dir = join(import.meta.dirname, "../../src/personnel");

/** The declarations a file publishes (what a user's compiler reads), internals stripped. */
function declarations(file: string): string {
  const source = readFileSync(join(dir, file), "utf8");
  return ts.transpileDeclaration(source, { compilerOptions: { declaration: true, stripInternal: true, module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }, reportDiagnostics: false }).outputText;
}

describe("the published personnel types", () => {
  it("never name the library's internal decimal type (TS2344 under NodeNext with skipLibCheck: false)", () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
    expect(files).toContain("linkage.ts");
    for (const file of files) {
      const d = declarations(file);
      expect(d, file).not.toMatch(/core\/decimal|decimal\.js"|\bDec\b/);
    }
  });

  it("give a linked score's parts as plain data, every number exact text", () => {
    expectTypeOf<PersonLink["parts"][number]>().toEqualTypeOf<PersonLinkPart>();
    expectTypeOf<PersonLinkPart["part"]>().toEqualTypeOf<LinkPartKind>();
    expectTypeOf<PersonLinkPart["weight"]>().toEqualTypeOf<string>();
    expectTypeOf<PersonLinkPart["mean"]>().toEqualTypeOf<string>();
    expectTypeOf<PersonLinkPart["members"][number]["score"]>().toEqualTypeOf<string>();
    expectTypeOf<CapabilityAssessment["criteria"][number]["required"]>().toEqualTypeOf<CapabilityRequirement>();
  });
});
