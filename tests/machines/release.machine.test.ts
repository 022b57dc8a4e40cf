import { describe, expect, it, vi } from "vitest";
import { createActor, fromPromise, waitFor } from "xstate";
import {
  blockingProblems,
  releaseMachine,
  type ReleaseCheck,
  type ReleaseOutcome,
  type ReleaseProblem,
} from "../../src/machines";

const check = (overrides: Partial<ReleaseCheck> = {}): ReleaseCheck => ({
  manifestId: "dealer-program@1.1.0",
  name: "dealer-program",
  manifestVersion: "1.1.0",
  problems: [],
  warnings: [],
  tests: { passed: 120, failed: 0 },
  earlier: ["1.0.0"],
  suggestion: {
    bump: "minor",
    evidence: [
      { kind: "outputs-changed", dataset: "d", records: 300, outputs: [{ output: "out.x", changed: 7 }] },
    ],
  },
  suggestedVersion: "1.1.0",
  notes: "Raised the gate.",
  ...overrides,
});

const failingTest: ReleaseProblem = {
  source: "test",
  code: "test/failed",
  message: { en: "volume-rebate: test “gate fails” expected 0, got 81" },
  file: "rules/incentive/volume-rebate.rule.json",
  line: 40,
  column: 7,
};

interface Fakes {
  check?: (input: { manifestId: string }) => Promise<ReleaseCheck>;
  guardrails?: () => Promise<ReleaseProblem[]>;
  release?: (input: {
    manifestId: string;
    version: string;
    notes: string;
    diffedAgainst?: string;
  }) => Promise<ReleaseOutcome>;
}

function start(fakes: Fakes = {}) {
  const checkFn = vi.fn(fakes.check ?? (() => Promise.resolve(check())));
  const guardrails = vi.fn(fakes.guardrails ?? (() => Promise.resolve([])));
  const release = vi.fn(
    fakes.release ??
      ((input: { version: string }) =>
        Promise.resolve({
          id: `dealer-program@${input.version}`,
          version: input.version,
          integrity: "sha256-ab",
        })),
  );
  const actor = createActor(
    releaseMachine.provide({
      actors: {
        check: fromPromise(({ input }) => checkFn(input)),
        guardrails: fromPromise(() => guardrails()),
        release: fromPromise(({ input }) => release(input)),
      },
    }),
  ).start();
  return { actor, checkFn, guardrails, release };
}

describe("releaseMachine", () => {
  it("draft → validating → ready → releasing → released, with the check's version and notes as defaults", async () => {
    const { actor, checkFn, release } = start();
    expect(actor.getSnapshot().value).toBe("draft");
    actor.send({ type: "release.start", manifestId: "dealer-program@1.1.0" });
    expect(actor.getSnapshot().matches("validating")).toBe(true);
    await waitFor(actor, (s) => s.matches("ready"));
    expect(checkFn).toHaveBeenCalledWith({ manifestId: "dealer-program@1.1.0" });
    expect(actor.getSnapshot().context).toMatchObject({
      version: "1.1.0",
      notes: "Raised the gate.",
      versionError: null,
    });
    actor.send({ type: "release.confirm" });
    expect(actor.getSnapshot().value).toBe("releasing");
    await waitFor(actor, (s) => s.matches("released"));
    expect(release).toHaveBeenCalledWith({
      manifestId: "dealer-program@1.1.0",
      version: "1.1.0",
      notes: "Raised the gate.",
      diffedAgainst: "dealer-program@1.0.0",
    });
    expect(actor.getSnapshot().context.released).toEqual({
      id: "dealer-program@1.1.0",
      version: "1.1.0",
      integrity: "sha256-ab",
    });
  });

  it("is blocked by validation errors and failing tests, and a recheck runs the checks again", async () => {
    let problems = [failingTest];
    const { actor, checkFn } = start({
      check: () => Promise.resolve(check({ problems, tests: { passed: 119, failed: 1 } })),
    });
    actor.send({ type: "release.start", manifestId: "dealer-program@1.1.0" });
    await waitFor(actor, (s) => s.matches("blocked"));
    expect(blockingProblems(actor.getSnapshot().context)).toEqual([failingTest]);
    actor.send({ type: "release.confirm" });
    expect(actor.getSnapshot().value).toBe("blocked");
    problems = [];
    actor.send({ type: "release.recheck" });
    await waitFor(actor, (s) => s.matches("ready"));
    expect(checkFn).toHaveBeenCalledTimes(2);
    expect(checkFn).toHaveBeenLastCalledWith({ manifestId: "dealer-program@1.1.0" });
  });

  it("is blocked by a guardrail on the reference dataset", async () => {
    const guard: ReleaseProblem = {
      source: "guardrail",
      code: "guardrail/budget",
      message: { en: "Total rebates exceed 50 M" },
    };
    const { actor } = start({ guardrails: () => Promise.resolve([guard]) });
    actor.send({ type: "release.start", manifestId: "dealer-program@1.1.0" });
    await waitFor(actor, (s) => s.matches("blocked"));
    expect(blockingProblems(actor.getSnapshot().context)).toEqual([guard]);
  });

  it("refuses invalid semver, a version not greater than every earlier release, and empty notes", async () => {
    const { actor, release } = start({
      check: () => Promise.resolve(check({ earlier: ["1.2.0", "1.0.0"], suggestedVersion: "1.3.0" })),
    });
    actor.send({ type: "release.start", manifestId: "m" });
    await waitFor(actor, (s) => s.matches("ready"));
    actor.send({ type: "release.version", value: "1.2" });
    expect(actor.getSnapshot().context.versionError).toEqual({ code: "invalid" });
    actor.send({ type: "release.confirm" });
    expect(actor.getSnapshot().value).toBe("ready");
    actor.send({ type: "release.version", value: "1.1.0" });
    expect(actor.getSnapshot().context.versionError).toEqual({ code: "not-greater", latest: "1.2.0" });
    actor.send({ type: "release.confirm" });
    expect(actor.getSnapshot().value).toBe("ready");
    actor.send({ type: "release.version", value: "1.3.0" });
    actor.send({ type: "release.notes", value: "   " });
    actor.send({ type: "release.confirm" });
    expect(actor.getSnapshot().value).toBe("ready");
    actor.send({ type: "release.notes", value: "Cut the bands." });
    actor.send({ type: "release.confirm" });
    await waitFor(actor, (s) => s.matches("released"));
    expect(release).toHaveBeenCalledTimes(1);
    expect(release.mock.calls[0]![0]).toMatchObject({
      version: "1.3.0",
      notes: "Cut the bands.",
      diffedAgainst: "dealer-program@1.2.0",
    });
  });

  it("fails with the store's message and goes back to the form on retry", async () => {
    let attempts = 0;
    const { actor } = start({
      release: () => {
        attempts++;
        return attempts === 1
          ? Promise.reject(new Error("dealer-program 1.1.0 is released already"))
          : Promise.resolve({ id: "dealer-program@1.1.0", version: "1.1.0", integrity: "sha256-cd" });
      },
    });
    actor.send({ type: "release.start", manifestId: "dealer-program@1.1.0" });
    await waitFor(actor, (s) => s.matches("ready"));
    actor.send({ type: "release.confirm" });
    await waitFor(actor, (s) => s.matches("failed"));
    expect(actor.getSnapshot().context.error).toBe("dealer-program 1.1.0 is released already");
    actor.send({ type: "release.retry" });
    expect(actor.getSnapshot().value).toBe("ready");
    actor.send({ type: "release.confirm" });
    await waitFor(actor, (s) => s.matches("released"));
  });

  it("a failed check fails, and retry checks the same manifest again; cancel returns to draft", async () => {
    let fail = true;
    const { actor, checkFn } = start({
      check: () => (fail ? Promise.reject(new Error("storage is blocked")) : Promise.resolve(check())),
    });
    actor.send({ type: "release.start", manifestId: "dealer-program@1.1.0" });
    await waitFor(actor, (s) => s.matches("failed"));
    expect(actor.getSnapshot().context.error).toBe("storage is blocked");
    fail = false;
    actor.send({ type: "release.retry" });
    await waitFor(actor, (s) => s.matches("ready"));
    expect(checkFn).toHaveBeenLastCalledWith({ manifestId: "dealer-program@1.1.0" });
    actor.send({ type: "release.cancel" });
    expect(actor.getSnapshot().value).toBe("draft");
    expect(actor.getSnapshot().context.manifestId).toBeNull();
  });

  it("unprovided actors fail and say which one is missing", async () => {
    const actor = createActor(releaseMachine).start();
    actor.send({ type: "release.start", manifestId: "m" });
    await waitFor(actor, (s) => s.matches("failed"));
    expect(actor.getSnapshot().context.error).toContain('provide the "check" actor');
  });
});
