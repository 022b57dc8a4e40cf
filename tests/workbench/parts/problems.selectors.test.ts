import { describe, expect, it } from "vitest";
import type { Problem } from "../../../src/engine";
import { problemCounts, problemRows } from "../../../src/workbench/parts/problems/problems.selectors";

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
