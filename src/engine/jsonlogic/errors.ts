/**
 * Why a logic expression was refused before it ran. Evaluation errors raised by the operators
 * themselves (for example `{"*":[]}` reducing an empty list) stay plain `Error`s, exactly as
 * json-logic-js throws them, so every evaluator fails on the same inputs.
 */
export type LogicErrorCode = "logic/unknown-operator" | "logic/too-deep" | "logic/too-large";

/** A logic expression refused by the hardening checks (allow-list, depth and size limits). */
export class LogicError extends Error {
  constructor(
    readonly code: LogicErrorCode,
    message: string,
    /** RFC 6901 pointer to the offending node inside the logic. */
    readonly pointer: string,
  ) {
    super(message);
    this.name = "LogicError";
  }
}
