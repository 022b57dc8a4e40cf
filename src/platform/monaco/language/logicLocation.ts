import { getLocation, type JSONPath } from "jsonc-parser";
import type { OffsetRange } from "./types";

const arrayOperators = new Set(["map", "filter", "reduce", "all", "some", "none"]);

/** Whose data a `var` reads at a place in the logic (pack-format §3 and json-logic-js scoping). */
export type VarScope = "outer" | "element" | "reduce";

/** What the cursor is on, as far as JsonLogic is concerned. */
export type LogicSlot =
  /** Typing a key of an object inside the logic: an operator name. */
  | { kind: "operatorKey"; range: OffsetRange; quoted: boolean; hasValue: boolean }
  /** Where a value of the logic may start (after `[`, `,` or `:`): a whole operation. */
  | { kind: "value"; range: OffsetRange }
  /** Inside the string naming a path (`var`, `missing`, `missing_some`). */
  | {
      kind: "path";
      scope: VarScope;
      /** The string's content, without its quotes. */
      content: OffsetRange;
      /** The content before the cursor, and after it. */
      typed: string;
      after: string;
    }
  | { kind: "none" };

/** Where the logic starts in a rule file: the `logic` member (a bare expression is a logic document too). */
export function logicStart(path: JSONPath, bare: boolean): number | undefined {
  if (bare) return 0;
  return path[0] === "logic" ? 1 : undefined;
}

/** The scope of a path inside the logic: the body operand of an array operator reads the element. */
export function scopeOf(logicPath: JSONPath): VarScope {
  let scope: VarScope = "outer";
  for (let i = 0; i + 1 < logicPath.length; i++) {
    const op = logicPath[i];
    if (typeof op === "string" && arrayOperators.has(op) && logicPath[i + 1] === 1) {
      scope = op === "reduce" ? "reduce" : "element";
    }
  }
  return scope;
}

/** True when the logic path ends on a string naming a data path. */
export function isPathOperand(logicPath: JSONPath): boolean {
  const n = logicPath.length;
  const last = logicPath[n - 1];
  const before = logicPath[n - 2];
  if (last === "var" || last === "missing") return true;
  if (before === "var" && last === 0) return true;
  if (before === "missing" && typeof last === "number") return true;
  return logicPath[n - 3] === "missing_some" && before === 1 && typeof last === "number";
}

const wordChar = /[^\s,[\]{}:"]/;

/**
 * Classifies the cursor at `offset` of a rule file (or of a bare logic expression when `bare`).
 * Tolerates the half-typed text an editor holds: an unterminated string, a missing value.
 */
export function logicSlotAt(text: string, offset: number, bare = false): LogicSlot {
  const location = getLocation(text, offset);
  const start = logicStart(location.path, bare);
  if (start === undefined) return { kind: "none" };
  const logicPath = location.path.slice(start);
  const previous = location.previousNode;
  if (location.isAtPropertyKey) {
    if (logicPath.length === 0) return { kind: "none" };
    if (previous && previous.type === "property") {
      const range = { start: previous.offset, end: previous.offset + previous.length };
      const after = text.slice(range.end).trimStart();
      return { kind: "operatorKey", range, quoted: true, hasValue: after.startsWith(":") };
    }
    return { kind: "operatorKey", range: { start: offset, end: offset }, quoted: false, hasValue: false };
  }
  if (
    previous?.type === "string" &&
    offset > previous.offset &&
    offset <= previous.offset + previous.length
  ) {
    const terminated = previous.length >= 2 && text[previous.offset + previous.length - 1] === '"';
    const contentStart = previous.offset + 1;
    const contentEnd = previous.offset + previous.length - (terminated ? 1 : 0);
    if (offset > contentEnd && terminated) return { kind: "none" };
    if (!isPathOperand(logicPath)) return { kind: "none" };
    return {
      kind: "path",
      scope: scopeOf(logicPath),
      content: { start: contentStart, end: contentEnd },
      typed: text.slice(contentStart, offset),
      after: text.slice(offset, contentEnd),
    };
  }
  if (previous && previous.type !== "string") {
    // On a number, true, false or null literal: no operation starts inside it.
    if (offset > previous.offset && offset <= previous.offset + previous.length) return { kind: "none" };
  }
  let wordStart = offset;
  while (wordStart > 0 && wordChar.test(text[wordStart - 1]!)) wordStart--;
  let wordEnd = offset;
  while (wordEnd < text.length && wordChar.test(text[wordEnd]!)) wordEnd++;
  return { kind: "value", range: { start: wordStart, end: wordEnd } };
}
