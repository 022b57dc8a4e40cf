import type { Node } from "jsonc-parser";
import type { LocalizedText } from "../../../base";
import { pickText } from "../../../base";
import { operatorNames, type Problem } from "../../../engine";
import { fieldAt } from "./fields";
import { nodeAtPointer, nodeRange, operationOf, parseLenient } from "./jsonTree";
import { closest } from "./similar";
import type { FieldInfo, LanguageContext, QuickFix, TextEditByOffset } from "./types";

const titles = {
  changeTo: (name: string): LocalizedText => ({ en: `Change to "${name}"`, "zh-CN": `改为 "${name}"` }),
  strict: (op: string): LocalizedText => ({ en: `Use strict "${op}"`, "zh-CN": `改用严格比较 "${op}"` }),
  initial: (): LocalizedText => ({ en: "Start the fold from 0", "zh-CN": "以 0 作为初始值" }),
  defaultTo: (paths: string[], value: number): LocalizedText => ({
    en: `Default ${paths.join(", ")} to ${value} when missing`,
    "zh-CN": `${paths.join("、")} 缺失时默认为 ${value}`,
  }),
  dropExtra: (count: number): LocalizedText => ({
    en: `Remove the ${count} ignored operand(s)`,
    "zh-CN": `删除被忽略的 ${count} 个操作数`,
  }),
  guardDivision: (): LocalizedText => ({
    en: "Return 0 when the divisor is 0",
    "zh-CN": "除数为 0 时返回 0",
  }),
};

const textOf = (text: string, node: Node) => text.slice(node.offset, node.offset + node.length);

/** Operands of an operation node: the array's items, or the single non-array operand. */
function operandNodes(operation: NonNullable<ReturnType<typeof operationOf>>): Node[] {
  const value = operation.property.children?.[1];
  if (!value) return [];
  return value.type === "array" ? (value.children ?? []) : [value];
}

/** The path a `var` operation reads when it is a literal string, and whether it has a non-null default. */
function varRead(node: Node): { path: string; pathNode: Node; hasDefault: boolean } | undefined {
  const operation = operationOf(node);
  if (operation?.op !== "var") return undefined;
  const operands = operandNodes(operation);
  const pathNode = operands[0];
  if (pathNode?.type !== "string" || typeof pathNode.value !== "string") return undefined;
  const fallback = operands[1];
  const hasDefault = fallback !== undefined && fallback.type !== "null";
  return { path: pathNode.value, pathNode, hasDefault };
}

/** The lint's test for a `var` that may read null (pack-format §7), from the dataset fields. */
function mayBeNull(path: string, fields: ReadonlyMap<string, FieldInfo>): boolean {
  if (path === "") return false;
  const segments = path.split(".");
  const head = segments[0]!;
  if (head === "out") return segments.length !== 2;
  if (head === "pop") return true;
  if (head === "params" || head === "ctx") return false;
  const field = fieldAt(fields, path);
  return field ? !field.alwaysPresent || (field.share !== undefined && field.share < 1) : true;
}

function allPaths(fields: ReadonlyMap<string, FieldInfo>, into: string[] = []): string[] {
  for (const field of fields.values()) {
    into.push(field.path);
    allPaths(field.children, into);
  }
  return into;
}

type Fixer = (problem: Problem, node: Node, text: string, ctx: LanguageContext) => QuickFix[];

const fix = (
  problem: Problem,
  title: LocalizedText,
  edits: TextEditByOffset[],
  ctx: LanguageContext,
  preferred = false,
): QuickFix => ({
  title: pickText(title, ctx.locale),
  problem,
  edits,
  ...(preferred ? { preferred } : {}),
});

/** Replaces the path string of a `var` with each close candidate. */
function renamePath(
  problem: Problem,
  node: Node,
  ctx: LanguageContext,
  candidates: (path: string) => string[],
): QuickFix[] {
  const read = varRead(node);
  if (!read) return [];
  return candidates(read.path).map((path, i) =>
    fix(
      problem,
      titles.changeTo(path),
      [{ ...nodeRange(read.pathNode), text: JSON.stringify(path) }],
      ctx,
      i === 0,
    ),
  );
}

const fixers: Record<string, Fixer> = {
  "logic/unknown-operator": (problem, node, _text, ctx) => {
    const operation = operationOf(node);
    const key = operation?.property.children?.[0];
    if (!operation || !key) return [];
    return closest(operation.op, operatorNames).map((name, i) =>
      fix(problem, titles.changeTo(name), [{ ...nodeRange(key), text: JSON.stringify(name) }], ctx, i === 0),
    );
  },
  "lint/loose-equality": (problem, node, _text, ctx) => {
    const operation = operationOf(node);
    const key = operation?.property.children?.[0];
    if (!operation || !key || (operation.op !== "==" && operation.op !== "!=")) return [];
    const strict = `${operation.op}=`;
    return [
      fix(problem, titles.strict(strict), [{ ...nodeRange(key), text: JSON.stringify(strict) }], ctx, true),
    ];
  },
  "lint/reduce-without-initial": (problem, node, _text, ctx) => {
    const operation = operationOf(node);
    const operands = operation ? operandNodes(operation) : [];
    const last = operands[operands.length - 1];
    if (operation?.op !== "reduce" || operands.length !== 2 || !last) return [];
    const at = last.offset + last.length;
    return [fix(problem, titles.initial(), [{ start: at, end: at, text: ", 0" }], ctx, true)];
  },
  "lint/nullable-arithmetic": (problem, node, text, ctx) => {
    const operation = operationOf(node);
    if (!operation || (operation.op !== "+" && operation.op !== "*")) return [];
    const nullable = operandNodes(operation)
      .map((operand) => ({ operand, read: varRead(operand) }))
      .filter((o) => o.read && !o.read.hasDefault && mayBeNull(o.read.path, ctx.fields));
    if (nullable.length === 0) return [];
    const paths = nullable.map((o) => o.read!.path);
    return (operation.op === "*" ? [0, 1] : [0]).map((value, i) =>
      fix(
        problem,
        titles.defaultTo(paths, value),
        nullable.map(({ operand, read }) => ({
          ...nodeRange(operand),
          text: `{ "var": [${textOf(text, read!.pathNode)}, ${value}] }`,
        })),
        ctx,
        i === 0,
      ),
    );
  },
  "lint/extra-operands": (problem, node, _text, ctx) => {
    const operation = operationOf(node);
    const operands = operation ? operandNodes(operation) : [];
    const second = operands[1];
    const last = operands[operands.length - 1];
    if (operands.length <= 2 || !second || !last) return [];
    const edit = { start: second.offset + second.length, end: last.offset + last.length, text: "" };
    return [fix(problem, titles.dropExtra(operands.length - 2), [edit], ctx, true)];
  },
  "lint/unguarded-division": (problem, divisorNode, text, ctx) => {
    // The lint points at the divisor; the division is the operation around its operand array.
    const division = divisorNode.parent?.parent?.parent;
    const operation = operationOf(division);
    const divisor = operation ? operandNodes(operation)[1] : undefined;
    if (!division || operation?.op !== "/" || divisor !== divisorNode) return [];
    const guarded = `{ "if": [${textOf(text, divisor)}, ${textOf(text, division)}, 0] }`;
    return [fix(problem, titles.guardDivision(), [{ ...nodeRange(division), text: guarded }], ctx)];
  },
  "logic/unknown-param": (problem, node, _text, ctx) =>
    renamePath(problem, node, ctx, (path) =>
      closest(
        path.replace(/^params\./, ""),
        ctx.params.map((p) => p.name),
      ).map((name) => `params.${name}`),
    ),
  "lint/unknown-field": (problem, node, _text, ctx) =>
    renamePath(problem, node, ctx, (path) => closest(path, allPaths(ctx.fields))),
};
fixers["pack/unknown-param"] = fixers["logic/unknown-param"]!;

/**
 * Quick fixes for the problems of a rule file where the lint knows the fix: the closest operator,
 * parameter or field for an unknown one, `===` for `==`, a default for a `var` that may be missing
 * in arithmetic, an initial value for `reduce`, the operands json-logic-js ignores removed, a guard
 * around a division. Each edit is computed from the problem's JSON pointer in the current `text`.
 */
export function quickFixes(text: string, problems: readonly Problem[], ctx: LanguageContext): QuickFix[] {
  const root = parseLenient(text);
  return problems.flatMap((problem) => {
    const fixer = fixers[problem.code];
    const node = fixer ? nodeAtPointer(root, problem.pointer) : undefined;
    return fixer && node ? fixer(problem, node, text, ctx) : [];
  });
}
