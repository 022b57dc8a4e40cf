import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createActor, fromPromise } from "xstate";
import type { Problem } from "../../src/engine";
import { documentMachine, type SaveInput, type SaveOutcome } from "../../src/machines";

interface Harness {
  saves: SaveInput[];
  drafts: string[];
  cleared: number;
  outcome: (input: SaveInput) => SaveOutcome;
}

function start(options: { draftText?: string; autosaveDelay?: number; outcome?: Harness["outcome"] } = {}) {
  const h: Harness = {
    saves: [],
    drafts: [],
    cleared: 0,
    outcome: options.outcome ?? ((input) => ({ kind: "saved", revision: input.baseRevision + 1 })),
  };
  const problem = (text: string): Problem[] =>
    text.includes("bad")
      ? [{ code: "logic/unknown-operator", severity: "error", message: { en: "bad" }, pointer: "" }]
      : [];
  const machine = documentMachine.provide({
    actors: {
      save: fromPromise<SaveOutcome, SaveInput>(({ input }) => {
        h.saves.push(input);
        return Promise.resolve(h.outcome(input));
      }),
      validate: fromPromise<Problem[], { kind: "rule" | "manifest"; id: string; text: string }>(({ input }) =>
        Promise.resolve(problem(input.text)),
      ),
    },
  });
  const actor = createActor(machine, {
    input: {
      kind: "rule",
      id: "r",
      savedText: "{}",
      revision: 1,
      autosaveDelay: options.autosaveDelay ?? 1000,
      drafts: { write: (text) => h.drafts.push(text), clear: () => void h.cleared++ },
      ...(options.draftText !== undefined ? { draftText: options.draftText } : {}),
    },
  }).start();
  const state = () => actor.getSnapshot().value.lifecycle;
  return { actor, h, state };
}

describe("document machine", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("is clean until edited, keeps a draft of every edit, and autosaves after the pause", async () => {
    const { actor, h, state } = start();
    expect(state()).toBe("clean");
    actor.send({ type: "doc.edit", text: '{"a":1}' });
    actor.send({ type: "doc.edit", text: '{"a":12}' });
    expect(state()).toBe("dirty");
    expect(h.drafts).toEqual(['{"a":1}', '{"a":12}']);
    await vi.advanceTimersByTimeAsync(999);
    expect(h.saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2);
    expect(h.saves).toEqual([{ kind: "rule", id: "r", text: '{"a":12}', baseRevision: 1 }]);
    expect(state()).toBe("clean");
    expect(actor.getSnapshot().context).toMatchObject({ savedText: '{"a":12}', revision: 2 });
    expect(h.cleared).toBe(1);
  });

  it("each keystroke restarts the autosave pause; Ctrl+S saves at once; blur saves", async () => {
    const { actor, h } = start();
    actor.send({ type: "doc.edit", text: "1" });
    await vi.advanceTimersByTimeAsync(800);
    actor.send({ type: "doc.edit", text: "12" });
    await vi.advanceTimersByTimeAsync(800);
    expect(h.saves).toHaveLength(0);
    actor.send({ type: "doc.save" });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.saves.map((s) => s.text)).toEqual(["12"]);
    actor.send({ type: "doc.edit", text: "123" });
    actor.send({ type: "doc.blur" });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.saves.map((s) => s.text)).toEqual(["12", "123"]);
  });

  it("with autosave off, waits for Ctrl+S and ignores blur", async () => {
    const { actor, h, state } = start({ autosaveDelay: 0 });
    actor.send({ type: "doc.edit", text: "x" });
    actor.send({ type: "doc.blur" });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(h.saves).toHaveLength(0);
    expect(state()).toBe("dirty");
  });

  it("edits typed during a save stay dirty and are saved next", async () => {
    const { actor, h, state } = start();
    actor.send({ type: "doc.edit", text: "one" });
    actor.send({ type: "doc.save" });
    actor.send({ type: "doc.edit", text: "one two" });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.saves[0]!.text).toBe("one");
    expect(state()).toBe("dirty");
    expect(actor.getSnapshot().context.savedText).toBe("one");
  });

  it("opens dirty from a stored draft, and reverting forgets it", () => {
    const { actor, h, state } = start({ draftText: '{"draft":true}' });
    expect(state()).toBe("dirty");
    expect(actor.getSnapshot().context.text).toBe('{"draft":true}');
    actor.send({ type: "doc.revert" });
    expect(state()).toBe("clean");
    expect(actor.getSnapshot().context.text).toBe("{}");
    expect(h.cleared).toBe(1);
  });

  it("a save against a newer revision opens a conflict; keep mine saves over theirs on purpose", async () => {
    const { actor, h, state } = start({
      outcome: (input) =>
        input.baseRevision === 1
          ? { kind: "conflict", theirs: "theirs", revision: 5 }
          : { kind: "saved", revision: 6 },
    });
    actor.send({ type: "doc.edit", text: "mine" });
    actor.send({ type: "doc.save" });
    await vi.advanceTimersByTimeAsync(0);
    expect(state()).toBe("conflict");
    expect(actor.getSnapshot().context.theirs).toEqual({ text: "theirs", revision: 5 });
    actor.send({ type: "conflict.keepMine" });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.saves.map((s) => s.baseRevision)).toEqual([1, 5]);
    expect(state()).toBe("clean");
    expect(actor.getSnapshot().context).toMatchObject({ savedText: "mine", revision: 6 });
  });

  it("take theirs and merge by hand both end the conflict", async () => {
    const conflict = { kind: "conflict", theirs: "theirs", revision: 5 } as const;
    const a = start({ outcome: () => conflict });
    a.actor.send({ type: "doc.edit", text: "mine" });
    a.actor.send({ type: "doc.save" });
    await vi.advanceTimersByTimeAsync(0);
    a.actor.send({ type: "conflict.takeTheirs" });
    expect(a.state()).toBe("clean");
    expect(a.actor.getSnapshot().context).toMatchObject({ text: "theirs", savedText: "theirs", revision: 5 });

    const b = start({
      outcome: (input) => (input.baseRevision === 1 ? conflict : { kind: "saved", revision: 9 }),
    });
    b.actor.send({ type: "doc.edit", text: "mine" });
    b.actor.send({ type: "doc.save" });
    await vi.advanceTimersByTimeAsync(0);
    b.actor.send({ type: "conflict.merge", text: "merged" });
    await vi.advanceTimersByTimeAsync(0);
    expect(b.h.saves.at(-1)).toMatchObject({ text: "merged", baseRevision: 5 });
    expect(b.state()).toBe("clean");
  });

  it("an invalid save keeps the text and says why; the stored version is untouched", async () => {
    const { actor, h, state } = start({
      outcome: () => ({ kind: "invalid", message: { en: "Unexpected token" } }),
    });
    actor.send({ type: "doc.edit", text: "{ broken" });
    actor.send({ type: "doc.save" });
    await vi.advanceTimersByTimeAsync(0);
    expect(state()).toBe("error");
    expect(actor.getSnapshot().context).toMatchObject({
      text: "{ broken",
      savedText: "{}",
      error: { en: "Unexpected token" },
    });
    expect(h.cleared).toBe(0);
  });

  it("another tab's save replaces a clean document and is remembered by a dirty one", () => {
    const clean = start();
    clean.actor.send({ type: "doc.external", text: "new", revision: 3 });
    expect(clean.actor.getSnapshot().context).toMatchObject({ text: "new", savedText: "new", revision: 3 });
    const dirty = start();
    dirty.actor.send({ type: "doc.edit", text: "mine" });
    dirty.actor.send({ type: "doc.external", text: "new", revision: 3 });
    expect(dirty.actor.getSnapshot().context).toMatchObject({
      text: "mine",
      revision: 1,
      theirs: { text: "new", revision: 3 },
    });
  });

  it("validates after a pause in typing, and only the latest text", async () => {
    const { actor } = start();
    await vi.advanceTimersByTimeAsync(300);
    actor.send({ type: "doc.edit", text: "bad" });
    await vi.advanceTimersByTimeAsync(100);
    actor.send({ type: "doc.edit", text: "bad again" });
    await vi.advanceTimersByTimeAsync(100);
    expect(actor.getSnapshot().context.problems).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(actor.getSnapshot().context.problems.map((p) => p.code)).toEqual(["logic/unknown-operator"]);
    expect(actor.getSnapshot().context.validatedText).toBe("bad again");
    actor.send({ type: "doc.edit", text: "good" });
    await vi.advanceTimersByTimeAsync(300);
    expect(actor.getSnapshot().context.problems).toEqual([]);
  });
});
