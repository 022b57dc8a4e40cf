import { describe, expect, it } from "vitest";
import { fuzzyMatch } from "../../../src/workbench/commands/fuzzy";
import { visibleEntries, highlightPieces } from "../../../src/workbench/quickinput/quickInput.selectors";

describe("fuzzy matching", () => {
  it("matches characters in order, case-insensitively, and reports the ranges", () => {
    expect(fuzzyMatch("rt", "Rules: Run Tests")?.ranges).toBeDefined();
    expect(fuzzyMatch("xyz", "Rules: Run Tests")).toBeUndefined();
    expect(fuzzyMatch("run", "Rules: Run Tests")?.ranges).toEqual([[7, 10]]);
    expect(fuzzyMatch("", "anything")).toEqual({ score: 0, ranges: [] });
  });

  it("prefers contiguous runs and word starts over scattered letters", () => {
    const contiguous = fuzzyMatch("split", "View: Split Editor Right")!.score;
    const scattered = fuzzyMatch("split", "Simulation: Pin Record as Test")?.score ?? -Infinity;
    expect(contiguous).toBeGreaterThan(scattered);
    const wordStarts = fuzzyMatch("te", "Run Tests")!.score;
    const inside = fuzzyMatch("te", "Run Intervals")!.score;
    expect(wordStarts).toBeGreaterThan(inside);
  });

  it("matches Chinese titles character by character", () => {
    expect(fuzzyMatch("返利", "台阶返利（全额累进）")?.ranges).toEqual([[2, 4]]);
  });
});

describe("quick pick filtering", () => {
  const items = [
    { label: "View: Toggle Panel" },
    { label: "Rules: Run All Tests" },
    { label: "Rules: Run Tests" },
    { label: "运行测试", searchText: "Rules: Run Tests" },
  ];
  it("keeps the caller's order with no text, with group headings where a group starts", () => {
    const grouped = [
      { label: "a", group: "recently used" },
      { label: "b", group: "other commands" },
      { label: "c", group: "other commands" },
    ];
    expect(visibleEntries(grouped, "").map((v) => v.heading)).toEqual([
      "recently used",
      "other commands",
      undefined,
    ]);
  });
  it("ranks the best match first and also matches the search text", () => {
    const visible = visibleEntries(items, "run tests");
    expect(visible[0]!.entry.label).toBe("Rules: Run Tests");
    expect(visible.map((v) => v.entry.label)).toContain("运行测试");
    expect(visible.map((v) => v.entry.label)).not.toContain("View: Toggle Panel");
  });
  it("ranks a title typed out in full first, though its letters align more tightly in a longer one", () => {
    const workspace = [{ label: "Workspace: Restore from Backup…" }, { label: "Workspace: Back Up…" }];
    expect(visibleEntries(workspace, "Workspace: Back Up…")[0]!.entry.label).toBe("Workspace: Back Up…");
    expect(visibleEntries(workspace, "back up")[0]!.labelRanges).toEqual([[11, 18]]);
    // Without spaces the letters decide, as before.
    expect(visibleEntries(workspace, "backup")[0]!.entry.label).toBe("Workspace: Restore from Backup…");
  });
  it("splits labels into highlighted pieces", () => {
    expect(highlightPieces("Run Tests", [[0, 3]])).toEqual([
      { text: "Run", match: true },
      { text: " Tests", match: false },
    ]);
  });
});
