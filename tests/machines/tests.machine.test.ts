import { describe, expect, it, vi } from "vitest";
import { createActor, fromPromise, waitFor } from "xstate";
import type { LoadedFile } from "../../src/engine";
import { testsMachine } from "../../src/machines";
import type { RuleTestReport, WorkspaceAnalysis, WorkspaceAnalysisInput } from "../../src/platform";

const report = (ruleId: string, passed: boolean): RuleTestReport => ({
  ruleId,
  file: `rules/incentive/${ruleId}.rule.json`,
  results: [{ name: "t", pointer: "/tests/0", passed }],
});
const input = (at: string): WorkspaceAnalysisInput => ({ rules: [], manifests: [], at });
const source = (ruleId: string, text = "{}"): LoadedFile => ({
  file: `rules/incentive/${ruleId}.rule.json`,
  text,
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function start() {
  const analyses: { input: WorkspaceAnalysisInput; answer: (a: WorkspaceAnalysis) => void }[] = [];
  const runs: { source: LoadedFile; answer: (r: RuleTestReport) => void }[] = [];
  const finished = vi.fn();
  const machine = testsMachine.provide({
    actors: {
      analyze: fromPromise<WorkspaceAnalysis, WorkspaceAnalysisInput>(({ input }) => {
        const d = deferred<WorkspaceAnalysis>();
        analyses.push({ input, answer: d.resolve });
        return d.promise;
      }),
      runTests: fromPromise<RuleTestReport, LoadedFile>(({ input }) => {
        const d = deferred<RuleTestReport>();
        runs.push({ source: input, answer: d.resolve });
        return d.promise;
      }),
    },
    actions: { finished: (_, params) => void finished(params) },
  });
  const actor = createActor(machine).start();
  return { actor, analyses, runs, finished };
}

describe("tests machine", () => {
  it("coalesces analysis requests: one runs, only the newest waits, then it runs", async () => {
    const { actor, analyses, finished } = start();
    actor.send({ type: "analysis.request", input: input("1") });
    actor.send({ type: "analysis.request", input: input("2") });
    actor.send({ type: "analysis.request", input: input("3") });
    expect(analyses.map((a) => a.input.at)).toEqual(["1"]);
    analyses[0]!.answer({ problems: [], tests: [report("a", true)] });
    await waitFor(actor, () => analyses.length === 2);
    expect(analyses.map((a) => a.input.at)).toEqual(["1", "3"]);
    analyses[1]!.answer({ problems: [], tests: [report("a", false)] });
    await waitFor(actor, (s) => s.matches({ analysis: "idle" }));
    expect(actor.getSnapshot().context.analysis?.tests[0]?.results[0]?.passed).toBe(false);
    expect(finished).toHaveBeenCalledTimes(2);
  });

  it("says a Run All analysis finished as such", async () => {
    const { actor, analyses, finished } = start();
    actor.send({ type: "analysis.request", input: input("1"), all: true });
    analyses[0]!.answer({ problems: [], tests: [] });
    await waitFor(actor, (s) => s.matches({ analysis: "idle" }));
    expect(finished).toHaveBeenCalledWith(expect.objectContaining({ reason: "all" }));
    actor.send({ type: "analysis.request", input: input("2") });
    analyses[1]!.answer({ problems: [], tests: [] });
    await waitFor(actor, (s) => s.matches({ analysis: "idle" }));
    expect(finished).toHaveBeenLastCalledWith(expect.objectContaining({ reason: "save" }));
  });

  it("runs single rules in order, the newest text of a rule replacing one still waiting", async () => {
    const { actor, runs, finished } = start();
    actor.send({ type: "tests.run", source: source("a", "a1"), reason: "command" });
    actor.send({ type: "tests.run", source: source("b"), reason: "save" });
    actor.send({ type: "tests.run", source: source("b", "b2"), reason: "save" });
    expect(runs.map((r) => r.source.text)).toEqual(["a1"]);
    runs[0]!.answer(report("a", true));
    await waitFor(actor, () => runs.length === 2);
    expect(runs[1]!.source.text).toBe("b2");
    runs[1]!.answer(report("b", false));
    await waitFor(actor, (s) => s.matches({ runs: "idle" }) && s.context.queue.length === 0);
    const { runs: done } = actor.getSnapshot().context;
    expect(Object.keys(done)).toEqual(["a", "b"]);
    expect(done.a).toMatchObject({ reason: "command" });
    expect(finished).toHaveBeenLastCalledWith({ report: report("b", false), reason: "save" });
  });

  it("keeps a command run over a later analysis, but lets the analysis replace on-save runs", async () => {
    const { actor, analyses, runs } = start();
    actor.send({ type: "tests.run", source: source("a"), reason: "command" });
    runs[0]!.answer(report("a", false));
    actor.send({ type: "tests.run", source: source("b"), reason: "save" });
    await waitFor(actor, () => runs.length === 2);
    runs[1]!.answer(report("b", false));
    await waitFor(actor, (s) => Object.keys(s.context.runs).length === 2);
    actor.send({ type: "analysis.request", input: input("1") });
    analyses[0]!.answer({ problems: [], tests: [report("a", true), report("b", true)] });
    await waitFor(actor, (s) => s.context.analysis !== null);
    expect(Object.keys(actor.getSnapshot().context.runs)).toEqual(["a"]);
  });

  it("records a failed run or analysis and goes on", async () => {
    const machine = testsMachine.provide({
      actors: {
        analyze: fromPromise<WorkspaceAnalysis, WorkspaceAnalysisInput>(() =>
          Promise.reject(new Error("worker gone")),
        ),
        runTests: fromPromise<RuleTestReport, LoadedFile>(() => Promise.reject(new Error("worker gone"))),
      },
    });
    const actor = createActor(machine).start();
    actor.send({ type: "tests.run", source: source("a"), reason: "command" });
    await waitFor(actor, (s) => s.context.error === "worker gone" && s.context.queue.length === 0);
    actor.send({ type: "analysis.request", input: input("1") });
    await waitFor(actor, (s) => s.matches({ analysis: "idle" }));
    expect(actor.getSnapshot().context.error).toBe("worker gone");
  });
});
