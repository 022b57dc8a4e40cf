import { describe, expect, it } from "vitest";
import type { Problem } from "../../../src/engine";
import {
  aggregateProblems,
  matchesProblemFilter,
  problemCounts,
  problemGroups,
  problemRows,
} from "../../../src/workbench/parts/problems/problems.selectors";

const problem = (
  file: string | undefined,
  line: number | undefined,
  severity: Problem["severity"],
): Problem => ({
  code: "json/syntax",
  severity,
  message: { en: `problem in ${file}`, "zh-CN": `${file} 有问题` },
  pointer: "",
  ...(file === undefined ? {} : { file }),
  ...(line === undefined ? {} : { line, column: 2 }),
});

describe("problemRows", () => {
  it("orders by file and position, reads messages in the UI language and prints file:line:col", () => {
    const rows = problemRows(
      [
        problem("rules/b.rule.json", 9, "warning"),
        problem("rules/a.rule.json", 12, "error"),
        problem("rules/a.rule.json", 3, "error"),
        problem("samples/x.json", undefined, "error"),
      ],
      "zh-CN",
    );
    expect(rows.map((r) => [r.location, r.message, r.severity])).toEqual([
      ["rules/a.rule.json:3:2", "rules/a.rule.json 有问题", "error"],
      ["rules/a.rule.json:12:2", "rules/a.rule.json 有问题", "error"],
      ["rules/b.rule.json:9:2", "rules/b.rule.json 有问题", "warning"],
      ["samples/x.json", "samples/x.json 有问题", "error"],
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(4);
  });

  it("counts problems by severity", () => {
    expect(
      problemCounts([problem("a", 1, "error"), problem("b", 2, "warning"), problem("c", 3, "error")]),
    ).toEqual({
      error: 2,
      warning: 1,
      info: 0,
    });
  });
});

describe("problem aggregation", () => {
  const at = (
    file: string,
    code: string,
    line: number,
    severity: Problem["severity"] = "error",
  ): Problem => ({
    code,
    severity,
    message: { en: `${code} here`, "zh-CN": `${code} 在此` },
    pointer: `/logic/${line}`,
    file,
    line,
    column: 3,
  });

  it("shows an open document's live problems instead of those of its stored version", () => {
    const workspace = [
      at("rules/a.rule.json", "lint/stale", 4, "warning"),
      at("rules/b.rule.json", "lint/other", 2, "warning"),
      { ...at("", "seed/x", 1), file: undefined } as Problem,
    ];
    const live = {
      uri: "rule:a",
      file: "rules/a.rule.json",
      problems: [{ ...at("", "logic/unknown-operator", 7), file: undefined } as Problem],
    };
    const all = aggregateProblems(workspace, [live]);
    expect(all.map((p) => [p.file, p.code])).toEqual([
      ["rules/b.rule.json", "lint/other"],
      [undefined, "seed/x"],
      ["rules/a.rule.json", "logic/unknown-operator"],
    ]);
    // Closing the editor (no live problems) brings the stored version's back.
    expect(aggregateProblems(workspace, []).map((p) => p.code)).toEqual([
      "lint/stale",
      "lint/other",
      "seed/x",
    ]);
  });

  it("groups by file in path order, rows by position then severity, with counts and jump targets", () => {
    const groups = problemGroups(
      [
        at("rules/b.rule.json", "lint/b", 9, "warning"),
        at("rules/a.rule.json", "lint/late", 12),
        at("rules/a.rule.json", "lint/warn", 3, "warning"),
        at("rules/a.rule.json", "lint/err", 3),
        { code: "seed/x", severity: "info", message: { en: "no file" }, pointer: "" },
      ],
      "zh-CN",
    );
    expect(groups.map((g) => [g.file, g.counts])).toEqual([
      ["rules/a.rule.json", { error: 2, warning: 1, info: 0 }],
      ["rules/b.rule.json", { error: 0, warning: 1, info: 0 }],
      ["", { error: 0, warning: 0, info: 1 }],
    ]);
    expect(groups[0]!.rows.map((r) => [r.code, r.location, r.message])).toEqual([
      ["lint/err", "3:3", "lint/err 在此"],
      ["lint/warn", "3:3", "lint/warn 在此"],
      ["lint/late", "12:3", "lint/late 在此"],
    ]);
    expect(groups[0]!.rows[0]).toMatchObject({
      file: "rules/a.rule.json",
      line: 3,
      column: 3,
      pointer: "/logic/3",
    });
  });

  it("filters by words of the message, code or file, with ! to leave out", () => {
    const problems = [
      at("rules/a.rule.json", "lint/division", 1),
      at("rules/b.rule.json", "logic/unknown-operator", 2),
    ];
    const codes = (filter: string) =>
      problemGroups(problems, "en", filter).flatMap((g) => g.rows.map((r) => r.code));
    expect(codes("DIVISION")).toEqual(["lint/division"]);
    expect(codes("b.rule here")).toEqual(["logic/unknown-operator"]);
    expect(codes("!division")).toEqual(["logic/unknown-operator"]);
    expect(codes("nothing-like-it")).toEqual([]);
    expect(codes("  ")).toHaveLength(2);
    expect(matchesProblemFilter({ message: "消息", code: "c", file: "f" }, "消息")).toBe(true);
  });
});
