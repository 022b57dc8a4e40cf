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
