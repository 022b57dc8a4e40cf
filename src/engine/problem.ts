import type { LocalizedText } from "../base";

export type Severity = "error" | "warning" | "info";

/**
 * One finding of any validation stage (schema, operators, lint, pack build), reported all together.
 * `code` is stable across releases so tools and tests can match on it; `message` is shown to people.
 */
export interface Problem {
  /** Stable identifier such as `logic/unknown-operator` or `pack/cycle`. */
  code: string;
  severity: Severity;
  message: LocalizedText;
  /** File the problem is in, when known (CLI and pack build set it). */
  file?: string;
  /** RFC 6901 JSON pointer to the offending value inside the file or document. */
  pointer: string;
  /** 1-based line and column of that value in the source text, when the source text is known. */
  line?: number;
  column?: number;
}
