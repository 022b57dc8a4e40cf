import { pickText, type Locale } from "../../../base";
import type { Problem, Severity } from "../../../engine";

/** One line of the Problems view. */
export interface ProblemRow {
  key: string;
  severity: Severity;
  message: string;
  /** `file:line:col` (as the CLI prints it), or as much of it as is known. */
  location: string;
  code: string;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Problems sorted by file, then position, then severity; messages in the UI language. */
export function problemRows(problems: readonly Problem[], locale: Locale): ProblemRow[] {
  return [...problems]
    .sort(
      (a, b) =>
        byCodeUnits(a.file ?? "", b.file ?? "") ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0) ||
        severityOrder[a.severity] - severityOrder[b.severity],
    )
    .map((p, i) => ({
      key: `${i}:${p.file ?? ""}:${p.pointer}:${p.code}`,
      severity: p.severity,
      message: pickText(p.message, locale),
      location: [p.file, p.line, p.line === undefined ? undefined : p.column]
        .filter((x) => x !== undefined)
        .join(":"),
      code: p.code,
    }));
}

/** Problem counts by severity, for the panel tab and the status bar. */
export function problemCounts(problems: readonly Problem[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.severity]++;
  return counts;
}

/** The live problems of one open document (its editor's text, validated as the user types). */
export interface DocumentProblems {
  uri: string;
  file: string;
  problems: readonly Problem[];
}

/**
 * Every problem the Problems panel shows: the workspace's (seed, pack checks, lint of the stored
 * documents, datasets) with, for each open document, its live problems in place of the stored
 * version's, since the editor's text is what the user is looking at. A problem the workspace
 * analysis found about another file (a pack problem on a manifest) stays.
 */
export function aggregateProblems(
  workspace: readonly Problem[],
  documents: readonly DocumentProblems[],
): Problem[] {
  const open = new Set(documents.map((d) => d.file));
  const located = (d: DocumentProblems) =>
    d.problems.map((p) => (p.file === undefined ? { ...p, file: d.file } : p));
  return [
    ...workspace.filter((p) => p.file === undefined || !open.has(p.file)),
    ...documents.flatMap(located),
  ];
}

/** Problems of one file, for a group of the Problems tree. */
export interface ProblemGroup {
  /** "" for problems that name no file. */
  file: string;
  counts: Record<Severity, number>;
  rows: LocatedProblemRow[];
}

/** A problem row with what a jump needs. */
export interface LocatedProblemRow extends ProblemRow {
  file: string;
  line?: number;
  column?: number;
  pointer: string;
}

/**
 * Whether a problem passes the filter box: every word must occur in its message (in the UI
 * language), code or file, case-insensitively; a word starting with `!` must not occur.
 */
export function matchesProblemFilter(
  row: Pick<ProblemRow, "message" | "code"> & { file: string },
  filter: string,
) {
  const haystack = `${row.message}\n${row.code}\n${row.file}`.toLowerCase();
  return filter
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) =>
      word.startsWith("!") ? word.length === 1 || !haystack.includes(word.slice(1)) : haystack.includes(word),
    );
}

/** The Problems tree: files in path order (problems without a file last), each sorted by position and severity. */
export function problemGroups(problems: readonly Problem[], locale: Locale, filter = ""): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  const sorted = [...problems].sort(
    (a, b) =>
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      severityOrder[a.severity] - severityOrder[b.severity] ||
      byCodeUnits(a.code, b.code),
  );
  sorted.forEach((p, i) => {
    const file = p.file ?? "";
    const row: LocatedProblemRow = {
      key: `${i}:${file}:${p.pointer}:${p.code}`,
      severity: p.severity,
      message: pickText(p.message, locale),
      location: p.line === undefined ? "" : `${p.line}:${p.column ?? 1}`,
      code: p.code,
      file,
      pointer: p.pointer,
      ...(p.line === undefined ? {} : { line: p.line, column: p.column ?? 1 }),
    };
    if (!matchesProblemFilter(row, filter)) return;
    let group = groups.get(file);
    if (!group) {
      group = { file, counts: { error: 0, warning: 0, info: 0 }, rows: [] };
      groups.set(file, group);
    }
    group.counts[p.severity]++;
    group.rows.push(row);
  });
  return [...groups.values()].sort((a, b) =>
    a.file === "" ? 1 : b.file === "" ? -1 : byCodeUnits(a.file, b.file),
  );
}
