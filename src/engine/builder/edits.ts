/**
 * The builder's edits of a rule's logic, as the smallest changes of the JSON: replace a node, insert
 * into or remove from an array, swap two nodes, rename an operator. The workbench applies them to the
 * rule's text (jsonc-parser at `["logic", ...path]`, src/platform/documents/logicEdits.ts), so every
 * byte outside the edited node stays as the author wrote it; {@link applyLogicEdits} applies them to a
 * value, for previews and tests.
 */
import type { LogicPath } from "./model";

/** One change of the logic; paths are inside the logic (the rule's `logic` member is `[]`). */
export type LogicEdit =
  /** Replace the JSON at `path` by `value`. */
  | { path: LogicPath; value: unknown }
  /** Insert `insert` into the array holding `path`, at `path`'s last index (the array's length appends). */
  | { path: LogicPath; insert: unknown }
  /** Remove the array element at `path`. */
  | { path: LogicPath; remove: true }
  /** Swap the JSON at `path` with the JSON at `swapWith` (two nodes that do not contain each other). */
  | { path: LogicPath; swapWith: LogicPath }
  /** Rename the one key of the operation at `path` (`{"and": […]}` → `{"or": […]}`), keeping its operands' text. */
  | { path: LogicPath; rename: string }
  /** Wrap the JSON at `path` in `{"!": …}`, keeping its text as written inside. */
  | { path: LogicPath; wrapInNot: true }
  /** Replace the `!` operation at `path` by its one operand (`{"!": x}` or `{"!": [x]}` → `x`), as written. */
  | { path: LogicPath; unwrapNot: true };

function getAt(value: unknown, path: LogicPath): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** A copy of `value` with the container at `path` changed by `change` (arrays and objects copied on the way). */
function updateAt(value: unknown, path: LogicPath, change: (target: unknown) => unknown): unknown {
  if (path.length === 0) return change(value);
  const [head, ...rest] = path;
  if (Array.isArray(value))
    return (value as unknown[]).map((v, i) => (i === head ? updateAt(v, rest, change) : v));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === head ? updateAt(v, rest, change) : v]),
    );
  }
  return value;
}

/** The operand of a `!` operation (`{"!": x}` or `{"!": [x]}`), or not found for anything else. */
export function notOperand(
  node: unknown,
): { found: true; value: unknown; wrapped: boolean } | { found: false } {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return { found: false };
  const keys = Object.keys(node);
  if (keys.length !== 1 || keys[0] !== "!") return { found: false };
  const raw = (node as Record<string, unknown>)["!"];
  if (!Array.isArray(raw)) return { found: true, value: raw, wrapped: false };
  return raw.length === 1 ? { found: true, value: raw[0], wrapped: true } : { found: false };
}

function applyOne(logic: unknown, edit: LogicEdit): unknown {
  const parent = edit.path.slice(0, -1);
  const last = edit.path[edit.path.length - 1];
  if ("value" in edit) return updateAt(logic, edit.path, () => edit.value);
  if ("insert" in edit)
    return updateAt(logic, parent, (array) =>
      Array.isArray(array) && typeof last === "number"
        ? [...(array as unknown[]).slice(0, last), edit.insert, ...(array as unknown[]).slice(last)]
        : array,
    );
  if ("remove" in edit)
    return updateAt(logic, parent, (array) =>
      Array.isArray(array) ? array.filter((_, i) => i !== last) : array,
    );
  if ("swapWith" in edit) {
    const a = getAt(logic, edit.path);
    const b = getAt(logic, edit.swapWith);
    return updateAt(
      updateAt(logic, edit.path, () => b),
      edit.swapWith,
      () => a,
    );
  }
  if ("wrapInNot" in edit) return updateAt(logic, edit.path, (node) => ({ "!": node }));
  if ("unwrapNot" in edit)
    return updateAt(logic, edit.path, (node) => {
      const operand = notOperand(node);
      return operand.found ? operand.value : node;
    });
  return updateAt(logic, edit.path, (node) => {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return node;
    const [op] = Object.keys(node);
    return op === undefined ? node : { [edit.rename]: (node as Record<string, unknown>)[op] };
  });
}

/** Applies edits to a logic value, in order (each edit's paths are read on the result of the previous ones). */
export function applyLogicEdits(logic: unknown, edits: readonly LogicEdit[]): unknown {
  let result = logic;
  for (const edit of edits) result = applyOne(result, edit);
  return result;
}
