import { describe, expect, it } from "vitest";
import {
  focusedRowId,
  pathTo,
  treeKeyAction,
  visibleRows,
  type TreeNode,
} from "../../../src/workbench/widgets/tree/tree.selectors";

const leaf = (id: string): TreeNode => ({ id, label: id });
const nodes: TreeNode[] = [
  {
    id: "a",
    label: "a",
    children: [{ id: "a1", label: "a1", children: [leaf("a1x"), leaf("a1y")] }, leaf("a2")],
  },
  { id: "empty", label: "empty", children: [] },
  leaf("b"),
];
const ids = (open: string[]) => visibleRows(nodes, new Set(open)).map((r) => r.node.id);

describe("visibleRows", () => {
  it("lists only rows whose ancestors are all open, with level, position and set size", () => {
    expect(ids([])).toEqual(["a", "empty", "b"]);
    expect(ids(["a"])).toEqual(["a", "a1", "a2", "empty", "b"]);
    expect(ids(["a1"])).toEqual(["a", "empty", "b"]);
    const rows = visibleRows(nodes, new Set(["a", "a1"]));
    expect(rows.map((r) => [r.node.id, r.level, r.posInSet, r.setSize, r.parentId, r.expanded])).toEqual([
      ["a", 1, 1, 3, null, true],
      ["a1", 2, 1, 2, "a", true],
      ["a1x", 3, 1, 2, "a1", undefined],
      ["a1y", 3, 2, 2, "a1", undefined],
      ["a2", 2, 2, 2, "a", undefined],
      // A group without children is not expandable: no aria-expanded.
      ["empty", 1, 2, 3, null, undefined],
      ["b", 1, 3, 3, null, undefined],
    ]);
  });
});

describe("focusedRowId", () => {
  it("keeps a visible row, climbs to the nearest visible ancestor of a hidden one, else takes the first", () => {
    const collapsed = visibleRows(nodes, new Set(["a"]));
    expect(focusedRowId(nodes, collapsed, "a2")).toBe("a2");
    expect(focusedRowId(nodes, collapsed, "a1y")).toBe("a1");
    expect(focusedRowId(nodes, visibleRows(nodes, new Set()), "a1y")).toBe("a");
    expect(focusedRowId(nodes, collapsed, null)).toBe("a");
    expect(focusedRowId(nodes, collapsed, "gone")).toBe("a");
    expect(focusedRowId([], [], null)).toBeNull();
    expect(pathTo(nodes, "a1x")).toEqual(["a", "a1", "a1x"]);
  });
});

describe("treeKeyAction", () => {
  const rows = visibleRows(nodes, new Set(["a"]));
  const press = (id: string, key: string) => treeKeyAction(rows, id, key);

  it("moves between visible rows with Up, Down, Home and End, and stops at the edges", () => {
    expect(press("a", "ArrowDown")).toEqual({ type: "focus", id: "a1" });
    expect(press("a2", "ArrowDown")).toEqual({ type: "focus", id: "empty" });
    expect(press("a1", "ArrowUp")).toEqual({ type: "focus", id: "a" });
    expect(press("b", "Home")).toEqual({ type: "focus", id: "a" });
    expect(press("a", "End")).toEqual({ type: "focus", id: "b" });
    expect(press("a", "ArrowUp")).toBeUndefined();
    expect(press("b", "ArrowDown")).toBeUndefined();
    expect(press("b", "End")).toBeUndefined();
  });

  it("opens with Right, then enters; closes with Left, then goes to the parent", () => {
    expect(press("a1", "ArrowRight")).toEqual({ type: "expand", id: "a1" });
    expect(press("a", "ArrowRight")).toEqual({ type: "focus", id: "a1" });
    expect(press("a2", "ArrowRight")).toBeUndefined();
    expect(press("a", "ArrowLeft")).toEqual({ type: "collapse", id: "a" });
    expect(press("a1", "ArrowLeft")).toEqual({ type: "focus", id: "a" });
    expect(press("b", "ArrowLeft")).toBeUndefined();
    expect(press("empty", "ArrowRight")).toBeUndefined();
  });

  it("toggles groups and activates leaves with Enter and Space, and ignores other keys", () => {
    expect(press("a", "Enter")).toEqual({ type: "collapse", id: "a" });
    expect(press("a1", " ")).toEqual({ type: "expand", id: "a1" });
    expect(press("b", "Enter")).toEqual({ type: "activate", id: "b" });
    expect(press("a2", " ")).toEqual({ type: "activate", id: "a2" });
    expect(press("a", "x")).toBeUndefined();
    expect(press("not-visible", "ArrowDown")).toBeUndefined();
  });
});
