import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import {
  activeEditor,
  editorsMachine,
  editorsSnapshot,
  type EditorInput,
  type EditorsSnapshot,
} from "../../src/machines";

const rule = (id: string): EditorInput => ({ kind: "rule", resource: id });
const start = (options: { input?: Partial<EditorsSnapshot> } = {}) =>
  createActor(editorsMachine, { input: options.input }).start();
const tabs = (actor: ReturnType<typeof start>, group = 0) =>
  actor.getSnapshot().context.groups[group]!.tabs.map((t) => `${t.input.resource}${t.pinned ? "" : "*"}`);

describe("editors machine", () => {
  it("a preview replaces the previous preview; a pinned open keeps it", () => {
    const actor = start();
    actor.send({ type: "editor.open", input: rule("a"), preview: true });
    actor.send({ type: "editor.open", input: rule("b"), preview: true });
    expect(tabs(actor)).toEqual(["b*"]);
    actor.send({ type: "editor.pin", key: "rule:b" });
    actor.send({ type: "editor.open", input: rule("c"), preview: true });
    expect(tabs(actor)).toEqual(["b", "c*"]);
    // Opening the preview again without preview (double click) pins it.
    actor.send({ type: "editor.open", input: rule("c") });
    expect(tabs(actor)).toEqual(["b", "c"]);
  });

  it("opens next to the active tab, closes to the right neighbour, and reopens closed editors", () => {
    const actor = start();
    for (const id of ["a", "b", "c"]) actor.send({ type: "editor.open", input: rule(id) });
    actor.send({ type: "editor.activate", key: "rule:a", group: 0 });
    actor.send({ type: "editor.open", input: rule("d") });
    expect(tabs(actor)).toEqual(["a", "d", "b", "c"]);
    actor.send({ type: "editor.close", key: "rule:d", group: 0 });
    expect(activeEditor(actor.getSnapshot().context)).toEqual(rule("b"));
    actor.send({ type: "editor.closeActive" });
    actor.send({ type: "editor.reopenClosed" });
    expect(activeEditor(actor.getSnapshot().context)).toEqual(rule("b"));
    actor.send({ type: "editor.reopenClosed" });
    expect(tabs(actor)).toContain("d");
  });

  it("reorders by drag and by Move Editor Left/Right", () => {
    const actor = start();
    for (const id of ["a", "b", "c"]) actor.send({ type: "editor.open", input: rule(id) });
    actor.send({ type: "editor.move", group: 0, from: 0, to: 2 });
    expect(tabs(actor)).toEqual(["b", "c", "a"]);
    // "c" is active (opened last): it moves, clamped at the ends.
    actor.send({ type: "editor.moveActive", delta: -1 });
    expect(tabs(actor)).toEqual(["c", "b", "a"]);
    actor.send({ type: "editor.moveActive", delta: 5 });
    expect(tabs(actor)).toEqual(["b", "a", "c"]);
  });

  it("splits right into a new group and drops an emptied group", () => {
    const actor = start();
    actor.send({ type: "editor.open", input: rule("a") });
    actor.send({ type: "editor.split" });
    const context = actor.getSnapshot().context;
    expect(context.groups).toHaveLength(2);
    expect(context.activeGroup).toBe(1);
    expect(tabs(actor, 1)).toEqual(["a"]);
    actor.send({ type: "editor.closeActive" });
    expect(actor.getSnapshot().context.groups).toHaveLength(1);
    expect(actor.getSnapshot().context.activeGroup).toBe(0);
  });

  it("renames and closes a resource everywhere, moving its view state", () => {
    const actor = start();
    actor.send({ type: "editor.open", input: rule("a") });
    actor.send({ type: "editor.viewState", key: "rule:a", state: { line: 7 } });
    actor.send({ type: "editor.replaceResource", from: rule("a"), to: rule("z") });
    expect(activeEditor(actor.getSnapshot().context)).toEqual(rule("z"));
    expect(actor.getSnapshot().context.viewStates).toEqual({ "rule:z": { line: 7 } });
    actor.send({ type: "editor.closeResource", input: rule("z") });
    expect(tabs(actor)).toEqual([]);
  });

  it("restores from a snapshot that keeps only open editors' view states", () => {
    const actor = start();
    actor.send({ type: "editor.open", input: rule("a") });
    actor.send({ type: "editor.open", input: rule("b") });
    actor.send({ type: "editor.viewState", key: "rule:a", state: 1 });
    actor.send({ type: "editor.viewState", key: "rule:gone", state: 2 });
    const snapshot = editorsSnapshot(actor.getSnapshot().context);
    expect(Object.keys(snapshot.viewStates)).toEqual(["rule:a"]);
    const restored = start({ input: JSON.parse(JSON.stringify(snapshot)) });
    expect(tabs(restored)).toEqual(["a", "b"]);
    expect(activeEditor(restored.getSnapshot().context)).toEqual(rule("b"));
  });
});
