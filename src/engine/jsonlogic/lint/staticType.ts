import { isLogic, operandsOf, operatorOf } from "../logicShape";
import { operatorsIn } from "../operators";
import type { PathInfo } from "./schema";

/** A JSON type a logic value is certain to have, when it can be told without running it. */
export type StaticType = "number" | "string" | "boolean" | "array" | "object" | "null";

const booleanOps: ReadonlySet<string> = new Set([
  ...operatorsIn("comparison"),
  "!",
  "!!",
  "in",
  "all",
  "some",
  "none",
]);
const numberOps = new Set(["+", "-", "/", "%", "min", "max"]);
const arrayOps = new Set(["merge", "map", "filter", "missing", "missing_some"]);

/**
 * The static type of `node`, or undefined when it depends on the data. `describeVar` answers for
 * literal-path `var`s (from the dataset schema) in the scope being linted.
 */
export function staticType(
  node: unknown,
  describeVar: (path: string) => PathInfo | undefined = () => undefined,
): StaticType | undefined {
  if (node === null) return "null";
  if (Array.isArray(node)) return "array";
  switch (typeof node) {
    case "number":
      return "number";
    case "string":
      return "string";
    case "boolean":
      return "boolean";
    case "object":
      break;
    default:
      return undefined;
  }
  if (!isLogic(node)) return "object";
  const op = operatorOf(node);
  const values = operandsOf(node, op);
  if (booleanOps.has(op)) return "boolean";
  if (numberOps.has(op)) return "number";
  if (op === "*") return values.length >= 2 ? "number" : undefined;
  if (op === "cat" || op === "substr") return "string";
  if (arrayOps.has(op)) return "array";
  if (op === "var") {
    const [path, fallback] = values;
    if (typeof path !== "string" || path === "") return undefined;
    const info = describeVar(path);
    const type = info && info.types.length === 1 ? info.types[0] : undefined;
    const known = type === "integer" ? "number" : type;
    if (!known || !["number", "string", "boolean", "array", "object"].includes(known)) return undefined;
    if (!info?.alwaysPresent && staticType(fallback) !== known) return undefined;
    return known as StaticType;
  }
  if (op === "if" || op === "?:" || op === "and" || op === "or") {
    const results =
      op === "if" || op === "?:" ? values.filter((_, i) => i % 2 === 1 || i === values.length - 1) : values;
    if (results.length === 0 || ((op === "if" || op === "?:") && values.length % 2 === 0)) return undefined;
    const types = results.map((r) => staticType(r, describeVar));
    const first = types[0];
    return first !== undefined && types.every((t) => t === first) ? first : undefined;
  }
  return undefined;
}
