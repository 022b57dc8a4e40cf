import { diffChars, diffLines } from "diff";
import { pickText, type Locale } from "../../../base";
import type { RuleTestReport, TestResult } from "../../../platform";

/** A piece of a shown value; `changed` pieces are the difference, highlighted. */
export interface DiffSegment {
  text: string;
  changed: boolean;
}

/** Expected and actual as texts split so that what differs between them can be highlighted. */
export interface ValueDiff {
  expected: DiffSegment[];
  actual: DiffSegment[];
}

/** How a value is shown: JSON, indented when it spans lines. */
export function showValue(value: unknown): string {
  if (value === undefined) return "";
  // JSON.stringify gives undefined only for functions and symbols, which test data never hold.
  return JSON.stringify(value, null, 2) ?? "";
}

/**
 * The difference between two shown values: by lines for values that span lines (objects,
 * arrays), by characters for one-line values (`1234.5` vs `1243.5` marks the swapped digits).
 */
export function diffTexts(expected: string, actual: string): ValueDiff {
  const multiline = expected.includes("\n") || actual.includes("\n");
  const changes = multiline ? diffLines(expected, actual) : diffChars(expected, actual);
  const result: ValueDiff = { expected: [], actual: [] };
  for (const change of changes) {
    if (!change.added) result.expected.push({ text: change.value, changed: change.removed });
    if (!change.removed) result.actual.push({ text: change.value, changed: change.added });
  }
  return result;
}

/** One test as the Tests panel shows it. */
export interface TestRow {
  key: string;
  name: string;
  passed: boolean;
  line?: number;
  column?: number;
  /** For a failure: expected and actual side by side, the difference marked. */
  diff?: ValueDiff;
  /** Why it failed, in the UI language (the error the rule ended with, or the engine's message). */
  reason?: string;
}

export interface TestGroup {
  ruleId: string;
  file: string;
  passed: number;
  failed: number;
  /** Problems that kept the rule from loading, in the UI language. */
  problems: string[];
  rows: TestRow[];
}

function row(ruleId: string, result: TestResult, locale: Locale, labels: TestLabels): TestRow {
  const base: TestRow = {
    key: `${ruleId}${result.pointer}`,
    name: result.name,
    passed: result.passed,
    ...(result.line === undefined ? {} : { line: result.line, column: result.column ?? 1 }),
  };
  if (result.passed) return base;
  const expected = result.expectError ? labels.anError : showValue(result.expected);
  const actual = result.error ? labels.error(pickText(result.error, locale)) : showValue(result.actual);
  const within = result.tolerance === undefined ? "" : labels.tolerance(result.tolerance);
  const reason = result.message ? pickText(result.message, locale) : undefined;
  return {
    ...base,
    diff: diffTexts(expected + within, actual),
    ...(reason === undefined ? {} : { reason }),
  };
}

/** Words the selector needs, translated by the caller. */
export interface TestLabels {
  /** Shown as the expected value of an `expectError` test. */
  anError: string;
  error: (message: string) => string;
  tolerance: (tolerance: number) => string;
}

/** The Tests panel: one group per rule (failures first, then by file), each test a row. */
export function testGroups(
  reports: readonly RuleTestReport[],
  locale: Locale,
  labels: TestLabels,
): TestGroup[] {
  return reports
    .map((report) => {
      const rows = report.results.map((r) => row(report.ruleId, r, locale, labels));
      return {
        ruleId: report.ruleId,
        file: report.file,
        ...countOf(report),
        problems: (report.problems ?? []).map((p) => pickText(p.message, locale)),
        rows,
      };
    })
    .sort(
      (a, b) =>
        Number(b.failed > 0) - Number(a.failed > 0) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0),
    );
}

/** Passed and failed tests of one report; a rule that could not load counts as one failure. */
function countOf(report: RuleTestReport): { passed: number; failed: number } {
  const failing = report.results.filter((r) => !r.passed).length;
  const unloadable = report.problems && report.problems.length > 0 ? 1 : 0;
  return { passed: report.results.length - failing, failed: failing + unloadable };
}

/** Passed and failed tests per rule id, for the Explorer's badges. */
export function testBadges(
  reports: readonly RuleTestReport[],
): Map<string, { passed: number; failed: number }> {
  const badges = new Map<string, { passed: number; failed: number }>();
  for (const report of reports) badges.set(report.ruleId, countOf(report));
  return badges;
}

/** Totals over every rule, for the status bar. */
export function testTotals(reports: readonly RuleTestReport[]): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const [, badge] of testBadges(reports)) {
    passed += badge.passed;
    failed += badge.failed;
  }
  return { passed, failed };
}

/**
 * The latest report of every rule: a run of one rule (Run Tests, on save) replaces what the
 * workspace analysis had for it; reports of rules that no longer exist are dropped.
 */
export function latestReports(
  analysis: readonly RuleTestReport[],
  runs: Readonly<Record<string, RuleTestReport>>,
  ruleIds?: ReadonlySet<string>,
): RuleTestReport[] {
  const byRule = new Map(analysis.map((r) => [r.ruleId, r] as const));
  for (const [id, report] of Object.entries(runs)) byRule.set(id, report);
  return [...byRule.values()].filter((r) => !ruleIds || ruleIds.has(r.ruleId));
}
