/**
 * `explain`: evaluates logic like the reference and keeps the value of every sub-expression, so the
 * workbench can show why a rule gave its result (and why not another). Branches that did not run
 * (untaken `if` branches, operands after `and`/`or` short-circuited) are kept with
 * `evaluated: false`, so the whole expression can still be drawn.
 */
import { checkLogic, defaultLimits, type LogicLimits } from "./limits";
import { isLogic, operandPointer, operandsOf, operatorOf } from "./logicShape";
import { applyOperation, interpret } from "./reference";
import { truthy } from "./values";

/** One node of the evaluation tree. */
export interface ExplainNode {
  /** The operator; `"literal"` for a plain value, `"array"` for an array of expressions. */
  op: string;
  /** RFC 6901 pointer to this expression inside the logic. */
  pointer: string;
  args: ExplainNode[];
  /** Whether this expression ran. */
  evaluated: boolean;
  /** Its value, when it ran and returned. */
  value?: unknown;
  /** The error message, when it (or an operand) threw. */
  error?: string;
  /**
   * For map/filter/reduce/all/some/none: the body's trace per element (up to `maxIterations`). The
   * body in `args` stays unevaluated, since it never runs against this node's own data.
   */
  iterations?: { data: unknown; node: ExplainNode }[];
}

export interface ExplainOptions {
  /** Per array operator, how many element evaluations are traced (the rest still run). Default 50. */
  maxIterations?: number;
  limits?: LogicLimits;
}

/** Thrown upward once a node has recorded an error, so ancestors record it too. */
class Abort extends Error {}

/** Builds the tree of a sub-expression that never ran. */
function skeleton(node: unknown, pointer: string): ExplainNode {
  if (Array.isArray(node)) {
    return {
      op: "array",
      pointer,
      evaluated: false,
      args: node.map((item, i) => skeleton(item, `${pointer}/${i}`)),
    };
  }
  if (!isLogic(node)) return { op: "literal", pointer, evaluated: false, args: [] };
  const op = operatorOf(node);
  const args = operandsOf(node, op).map((operand, i) =>
    skeleton(operand, operandPointer(node, op, pointer, i)),
  );
  return { op, pointer, evaluated: false, args };
}

/**
 * Evaluates `logic` against `data`, returning the evaluation tree; its root value equals
 * {@link applyReference}'s result. A runtime error is recorded on the node that threw and on its
 * ancestors rather than thrown.
 * @throws LogicError when the logic is refused (allow-list, limits), before anything runs.
 */
export function explain(logic: unknown, data: unknown, options: ExplainOptions = {}): ExplainNode {
  checkLogic(logic, options.limits ?? defaultLimits);
  const maxIterations = options.maxIterations ?? 50;

  /** Evaluates `node` into its (skeleton) tree node `out`, in place. */
  const fill = (out: ExplainNode, node: unknown, scope: unknown): unknown => {
    out.evaluated = true;
    try {
      out.value = run(node, scope, out);
      return out.value;
    } catch (error) {
      out.error =
        error instanceof Abort ? error.message : error instanceof Error ? error.message : String(error);
      throw new Abort(out.error);
    }
  };

  /** Evaluates `node`, filling the skeleton `out`'s children as they run. */
  const run = (node: unknown, scope: unknown, out: ExplainNode): unknown => {
    if (Array.isArray(node)) return node.map((item, i) => fill(out.args[i]!, item, scope));
    if (!isLogic(node)) return node;
    const op = operatorOf(node);
    const values = operandsOf(node, op);
    // A missing operand (`{"map": []}`) is undefined, as json-logic-js reads it.
    const arg = (i: number) => (out.args[i] ? fill(out.args[i], values[i], scope) : undefined);
    switch (op) {
      case "if":
      case "?:": {
        let i = 0;
        for (; i < values.length - 1; i += 2) if (truthy(arg(i))) return arg(i + 1);
        return values.length === i + 1 ? arg(i) : null;
      }
      case "and":
      case "or": {
        let current: unknown;
        for (let i = 0; i < values.length; i++) {
          current = arg(i);
          if (truthy(current) !== (op === "and")) return current;
        }
        return current;
      }
      case "map":
      case "filter":
      case "reduce":
      case "all":
      case "some":
      case "none":
        return runArrayOp(op, values, scope, out, arg);
      default:
        return applyOperation(
          op,
          values.map((_, i) => arg(i)),
          scope,
        );
    }
  };

  const runArrayOp = (
    op: string,
    values: unknown[],
    scope: unknown,
    out: ExplainNode,
    arg: (i: number) => unknown,
  ): unknown => {
    const scoped = arg(0);
    const initial = op === "reduce" ? (typeof values[2] !== "undefined" ? arg(2) : null) : undefined;
    const iterations: NonNullable<ExplainNode["iterations"]> = [];
    out.iterations = iterations;
    const body = (element: unknown): unknown => {
      if (iterations.length >= maxIterations) return interpret(values[1], element);
      const entry = {
        data: element,
        node: skeleton(values[1], out.args[1]?.pointer ?? `${out.pointer}/${op}/1`),
      };
      iterations.push(entry);
      return fill(entry.node, values[1], element);
    };
    switch (op) {
      case "map":
        return Array.isArray(scoped) ? scoped.map((d) => body(d)) : [];
      case "filter":
        return Array.isArray(scoped) ? scoped.filter((d) => truthy(body(d))) : [];
      case "reduce":
        if (!Array.isArray(scoped)) return initial;
        return scoped.reduce(
          (accumulator: unknown, current: unknown) => body({ current, accumulator }),
          initial,
        );
      default: {
        if (!Array.isArray(scoped) || !scoped.length) return op === "none";
        for (const d of scoped) {
          const hit = truthy(body(d));
          if (op === "all" && !hit) return false;
          if (op !== "all" && hit) return op === "some";
        }
        return op !== "some";
      }
    }
  };

  const root = skeleton(logic, "");
  try {
    fill(root, logic, data);
  } catch (error) {
    if (!(error instanceof Abort)) throw error;
  }
  return root;
}
