import { describe, expect, it } from "vitest";
import type { RestorePlan } from "../../../../src/platform";
import { RestoreConflictQuestion } from "../../../../src/workbench/parts/workspace/restoreConflicts";

const counts = { rule: 0, manifest: 0, draft: 0, dataset: 0, release: 0, run: 0 };
const plan: RestorePlan = {
  empty: false,
  added: counts,
  same: counts,
  kept: counts,
  conflicts: [
    { key: "rule:a", kind: "rule", id: "a", differences: [{ field: "content" }], immutable: false },
    { key: "dataset:d", kind: "dataset", id: "d", differences: [{ field: "content" }], immutable: false },
    {
      key: "release:p@1.0.0",
      kind: "release",
      id: "p@1.0.0",
      differences: [{ field: "integrity", mine: "x", backup: "y" }],
      immutable: true,
    },
  ],
};

describe("the restore conflict question", () => {
  it("starts at Keep mine, takes one choice or all, and never offers a release a choice", async () => {
    const question = new RestoreConflictQuestion();
    const answer = question.ask("b.zip", "2026-12-04T00:00:00.000Z", plan);
    expect(question.current()?.choices).toEqual({ "rule:a": "mine", "dataset:d": "mine" });
    question.chooseAll("backup");
    question.choose("rule:a", "mine");
    question.choose("release:p@1.0.0", "backup");
    question.confirm();
    expect(await answer).toEqual({ "rule:a": "mine", "dataset:d": "backup" });
    expect(question.current()).toBeUndefined();
  });

  it("cancel (Escape) answers nothing", async () => {
    const question = new RestoreConflictQuestion();
    const answer = question.ask("b.zip", "2026-12-04T00:00:00.000Z", plan);
    question.chooseAll("backup");
    question.cancel();
    expect(await answer).toBeUndefined();
  });
});
