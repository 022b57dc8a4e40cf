import type { RuntimeProblem } from "./types";

/** What stopped a pack from loading or a run from going on; `code` is stable, `message` is English. */
export type RuntimeErrorCode =
  /** The pack's schema, integrity or order is wrong: it was not loaded. */
  | "pack/invalid"
  /** `verify: true` and an embedded test failed: the pack was not loaded. */
  | "pack/tests-failed"
  /** A parameter override is unknown, of the wrong type or out of bounds. */
  | "params/invalid"
  /** `asOf` is not a date in the form YYYY-MM-DD. */
  | "as-of/invalid"
  /** A record is not an object or carries a reserved top-level field. */
  | "dataset/invalid"
  /** The run's signal was aborted. */
  | "run/cancelled"
  /** A result stream was iterated a second time. */
  | "run/iterated"
  /** `explain` was asked about a rule the pack does not have. */
  | "explain/unknown-rule"
  /** `explain` needs the record's result: the rule depends on a population operator. */
  | "explain/needs-result"
  /** The result given to `explain` is another record's. */
  | "explain/wrong-result";

/** The one error type the runtime throws for bad input; anything else is a bug. */
export class RuntimeError extends Error {
  readonly code: RuntimeErrorCode;
  /** The findings behind it, each with its place when known. */
  readonly problems: RuntimeProblem[];

  constructor(code: RuntimeErrorCode, message: string, problems: RuntimeProblem[] = []) {
    super(message);
    this.name = "RuntimeError";
    this.code = code;
    this.problems = problems;
  }
}
