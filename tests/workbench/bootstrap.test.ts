import { describe, expect, it } from "vitest";
import { createDocumentStore, createMemoryRepositories, seedWorkspace } from "../../src/platform";
import { documentEffects, saveOutcome } from "../../src/workbench/bootstrap/documentEffects";
import { manifestNameProblem, ruleIdProblem, versionProblem } from "../../src/workbench/bootstrap/idRules";
import { diskSeedBundle } from "../platform/seed/seedFiles";

describe("id prompts", () => {
  it("accept a new id in the rule schema's pattern and say why anything else is refused", () => {
    const taken = new Set(["volume-rebate"]);
    expect(ruleIdProblem("spring-rebate-2", taken)).toBeUndefined();
    expect(ruleIdProblem("", taken)?.en).toMatch(/Type an id/);
    expect(ruleIdProblem("Spring", taken)?.en).toMatch(/lower-case/);
    expect(ruleIdProblem("a--b", taken)?.en).toMatch(/lower-case/);
    expect(ruleIdProblem("x".repeat(65), taken)?.en).toMatch(/64/);
    expect(ruleIdProblem("volume-rebate", taken)?.["zh-CN"]).toMatch(/已存在/);
    expect(manifestNameProblem("spring-program")).toBeUndefined();
    expect(manifestNameProblem("Spring Program")).toBeDefined();
    expect(versionProblem("1.0.0", "p", new Set())).toBeUndefined();
    expect(versionProblem("1.0", "p", new Set())?.en).toMatch(/1\.0\.0/);
    expect(versionProblem("1.0.0", "p", new Set(["p@1.0.0"]))?.en).toMatch(/exists/);
  });
});

describe("document effects over the document store", () => {
  it("map save results to the document machine's outcomes, a deletion elsewhere as an empty theirs", () => {
    expect(saveOutcome({ status: "saved", revision: 3, text: "x" })).toEqual({ kind: "saved", revision: 3 });
    expect(saveOutcome({ status: "conflict", theirs: { text: "t", revision: 4 } })).toEqual({
      kind: "conflict",
      theirs: "t",
      revision: 4,
    });
    expect(saveOutcome({ status: "conflict", theirs: null })).toEqual({
      kind: "conflict",
      theirs: "",
      revision: 0,
    });
    const invalid = saveOutcome({
      status: "invalid",
      problems: [
        {
          code: "json/syntax",
          severity: "error",
          message: { en: "bad", "zh-CN": "坏" },
          pointer: "",
          line: 3,
          column: 2,
        },
      ],
    });
    expect(invalid).toEqual({ kind: "invalid", message: { en: "bad (3:2)", "zh-CN": "坏 (3:2)" } });
  });

  it("open a document at its draft's base revision when the draft differs, so a stale draft conflicts", async () => {
    const repos = createMemoryRepositories();
    await seedWorkspace(repos, () =>
      Promise.resolve({ documents: diskSeedBundle().documents, datasets: [] }),
    );
    const store = createDocumentStore({ repos });
    const revisions = new Map<string, number>();
    const effects = documentEffects(
      store,
      () => 1000,
      (kind, id) => revisions.get(`${kind}:${id}`),
      () => undefined,
    );
    const ref = { kind: "rule", id: "volume-rebate" } as const;
    const { stored } = await store.open(ref);
    // Another tab saved revision 2 after this tab's draft (from revision 1) was written.
    await store.writeDraft(ref, `${stored!.text} `, 1);
    await store.save(ref, stored!.text.replace("Tiered", "Theirs"), 1);
    await store.writeDraft(ref, `${stored!.text} `, 1);
    expect(await effects.load("rule", "volume-rebate")).toMatchObject({ revision: 1 });
    expect(await effects.loadDraft("rule", "volume-rebate")).toBe(`${stored!.text} `);
    const outcome = await effects.save({
      kind: "rule",
      id: "volume-rebate",
      text: `${stored!.text} `,
      baseRevision: 1,
    });
    expect(outcome.kind).toBe("conflict");
    // Drafts are written with the revision the open document is at.
    revisions.set("rule:volume-rebate", 2);
    effects.drafts("rule", "volume-rebate").write("typed");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await store.open(ref)).draft).toMatchObject({ text: "typed", baseRevision: 2 });
    await store.clearDraft(ref);
    expect(await effects.load("rule", "volume-rebate")).toMatchObject({ revision: 2 });
  });
});
