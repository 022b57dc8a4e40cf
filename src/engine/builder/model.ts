/**
 * The visual builder's view model of a JsonLogic expression, and its printer. `parseLogic` recognises
 * what the builder can show as a form (condition groups, comparisons, `var`/`params.` references,
 * arithmetic and min/max formulas, if/else-if cases, threshold steps, band tables and lookup
 * tables); anything else becomes an opaque block that keeps the JSON exactly as it was. The contract,
 * proved by the round-trip tests: `printNode(parseLogic(x))` deep-equals `x` for every `x`, so showing
 * a rule in the builder never changes it, and every node knows its JSON path so an edit replaces
 * that node's JSON only.
 */
import { jsonEqual } from "../pack";
import { isLogic, operatorOf } from "../jsonlogic";

/** A JSON path inside the logic (object keys and array indexes), as jsonc-parser's `modify` takes. */
export type LogicPath = (string | number)[];

export type Literal = null | boolean | number | string;

export type CompareOp = "<" | "<=" | ">" | ">=" | "==" | "===" | "!=" | "!==";
export type FormulaOp = "+" | "-" | "*" | "/" | "%" | "min" | "max";
export type ThresholdOp = "<" | "<=" | ">" | ">=";

interface Base {
  path: LogicPath;
}

export interface LiteralNode extends Base {
  kind: "literal";
  value: Literal;
}

/** `{"var": …}`: a record field, `out.`/`pop.`/`ctx.` value, or a pack parameter (`params.`). */
export interface VarNode extends Base {
  kind: "var";
  name: string;
  /** How the operand was written: `"a.b"`, `["a.b"]` or `["a.b", default]`. */
  form: "string" | "array" | "default";
  default?: Literal;
}

export interface GroupNode extends Base {
  kind: "group";
  op: "and" | "or";
  items: BuilderNode[];
}

export interface NotNode extends Base {
  kind: "not";
  op: "!" | "!!";
  item: BuilderNode;
  /** `{"!": [x]}` rather than `{"!": x}`. */
  wrapped: boolean;
}

export interface CompareNode extends Base {
  kind: "compare";
  op: CompareOp;
  /** Two operands, or three for the `between` forms of `<` and `<=`. */
  args: BuilderNode[];
}

export interface FormulaNode extends Base {
  kind: "formula";
  op: FormulaOp;
  args: BuilderNode[];
}

export interface CasesNode extends Base {
  kind: "cases";
  cases: { when: BuilderNode; then: BuilderNode }[];
  /** Absent when the chain has no else (it then gives null). */
  otherwise?: BuilderNode;
}

/** An if chain of thresholds over one measure: `< t1 → v1, < t2 → v2, …, else`. */
export interface StepsNode extends Base {
  kind: "steps";
  op: ThresholdOp;
  measure: VarNode;
  rows: { bound: BuilderNode; value: BuilderNode }[];
  otherwise: BuilderNode;
}

/** An if chain of equalities over one field: `= "gold" → v1, = "silver" → v2, …, else`. */
export interface LookupNode extends Base {
  kind: "lookup";
  op: "==" | "===";
  field: VarNode;
  rows: { key: LiteralNode; value: BuilderNode }[];
  otherwise: BuilderNode;
}

/**
 * A band table applied to a measure. Retroactive: `measure × (rate of the band it reaches)`, written
 * `{"*": [measure, {"if": [{"<": [measure, from₂]}, rate₁, …, rateₙ]}]}`. Marginal: the sum over the
 * bands of `rate × the slice of measure inside the band`, written as `min`/`max` terms. Row k's band
 * is [from, upTo); `from` of the first row and `upTo` of the last are absent (0 and unbounded).
 */
export interface BandsNode extends Base {
  kind: "bands";
  mode: "retroactive" | "marginal";
  measure: VarNode;
  rows: { from?: BuilderNode; upTo?: BuilderNode; rate: BuilderNode }[];
  /** Retroactive only: the measure written after the rate chain (`{"*": [chain, measure]}`). */
  measureLast?: boolean;
}

/** Anything the builder does not recognise, kept byte for byte. */
export interface OpaqueNode extends Base {
  kind: "opaque";
  json: unknown;
}

export type BuilderNode =
  | LiteralNode
  | VarNode
  | GroupNode
  | NotNode
  | CompareNode
  | FormulaNode
  | CasesNode
  | StepsNode
  | LookupNode
  | BandsNode
  | OpaqueNode;

const compareOps = new Set<string>(["<", "<=", ">", ">=", "==", "===", "!=", "!=="]);
const formulaOps = new Set<string>(["+", "-", "*", "/", "%", "min", "max"]);
const thresholdOps = new Set<string>(["<", "<=", ">", ">="]);

const isLiteral = (v: unknown): v is Literal =>
  v === null ||
  typeof v === "boolean" ||
  typeof v === "string" ||
  (typeof v === "number" && Number.isFinite(v));

const at = (path: LogicPath, ...more: (string | number)[]): LogicPath => [...path, ...more];

function parseVar(operand: unknown, path: LogicPath): VarNode | undefined {
  if (typeof operand === "string") return { kind: "var", path, name: operand, form: "string" };
  if (Array.isArray(operand) && typeof operand[0] === "string") {
    if (operand.length === 1) return { kind: "var", path, name: operand[0], form: "array" };
    if (operand.length === 2 && isLiteral(operand[1]))
      return { kind: "var", path, name: operand[0], form: "default", default: operand[1] };
  }
  return undefined;
}

/** Whether a parsed node prints to exactly this JSON (the structural checks of the table recognisers). */
const same = (a: BuilderNode, b: BuilderNode) => jsonEqual(printNode(a), printNode(b));

/** The (when, then) pairs and else of an if chain's operands. */
function chainOf(args: unknown[]) {
  const pairs: [unknown, unknown][] = [];
  for (let i = 0; i + 1 < args.length; i += 2) pairs.push([args[i], args[i + 1]]);
  return {
    pairs,
    otherwise: args.length % 2 === 1 ? args[args.length - 1] : undefined,
    hasElse: args.length % 2 === 1,
  };
}

function operands(value: Record<string, unknown>, op: string): unknown[] | undefined {
  const v = value[op];
  return Array.isArray(v) ? v : undefined;
}

function parseSteps(args: unknown[], path: LogicPath): StepsNode | undefined {
  const { pairs, otherwise, hasElse } = chainOf(args);
  if (!hasElse || pairs.length < 2) return undefined;
  let op: ThresholdOp | undefined;
  let measure: VarNode | undefined;
  const rows: StepsNode["rows"] = [];
  for (const [k, [when, then]] of pairs.entries()) {
    if (!isLogic(when)) return undefined;
    const o = operatorOf(when);
    const ab = operands(when, o);
    if (!thresholdOps.has(o) || !ab || ab.length !== 2) return undefined;
    if (op !== undefined && o !== op) return undefined;
    op = o as ThresholdOp;
    const m = parseVar((ab[0] as Record<string, unknown> | null)?.["var"], at(path, "if", 2 * k, o, 0));
    if (!m || !isLogic(ab[0]) || operatorOf(ab[0]) !== "var") return undefined;
    if (measure && (m.name !== measure.name || !same(m, measure))) return undefined;
    measure ??= m;
    rows.push({
      bound: parseNode(ab[1], at(path, "if", 2 * k, o, 1)),
      value: parseNode(then, at(path, "if", 2 * k + 1)),
    });
  }
  return {
    kind: "steps",
    path,
    op: op!,
    measure: measure!,
    rows,
    otherwise: parseNode(otherwise, at(path, "if", args.length - 1)),
  };
}

function parseLookup(args: unknown[], path: LogicPath): LookupNode | undefined {
  const { pairs, otherwise, hasElse } = chainOf(args);
  if (!hasElse || pairs.length < 2) return undefined;
  let op: "==" | "===" | undefined;
  let field: VarNode | undefined;
  const rows: LookupNode["rows"] = [];
  for (const [k, [when, then]] of pairs.entries()) {
    if (!isLogic(when)) return undefined;
    const o = operatorOf(when);
    const ab = operands(when, o);
    if ((o !== "==" && o !== "===") || !ab || ab.length !== 2 || !isLiteral(ab[1])) return undefined;
    if (op !== undefined && o !== op) return undefined;
    op = o;
    if (!isLogic(ab[0]) || operatorOf(ab[0]) !== "var") return undefined;
    const f = parseVar(ab[0]["var"], at(path, "if", 2 * k, o, 0));
    if (!f || (field && !same(f, field))) return undefined;
    field ??= f;
    rows.push({
      key: { kind: "literal", path: at(path, "if", 2 * k, o, 1), value: ab[1] },
      value: parseNode(then, at(path, "if", 2 * k + 1)),
    });
  }
  return {
    kind: "lookup",
    path,
    op: op!,
    field: field!,
    rows,
    otherwise: parseNode(otherwise, at(path, "if", args.length - 1)),
  };
}

/** `{"*": [M, steps over M with "<"]}` (or the chain first): a retroactive band table. */
function parseRetroactive(args: unknown[], path: LogicPath): BandsNode | undefined {
  if (args.length !== 2) return undefined;
  for (const chainIndex of [1, 0]) {
    const chain = args[chainIndex];
    const m = args[1 - chainIndex];
    if (!isLogic(chain) || operatorOf(chain) !== "if" || !isLogic(m) || operatorOf(m) !== "var") continue;
    const chainArgs = operands(chain, "if");
    const steps = chainArgs && parseSteps(chainArgs, at(path, "*", chainIndex));
    const measure = parseVar(m["var"], at(path, "*", 1 - chainIndex, "var"));
    if (!steps || steps.op !== "<" || !measure || !same(measure, steps.measure)) continue;
    // The measure node's path is the top-level one; the chain's occurrences print from it too.
    const measureNode = { ...measure, path: at(path, "*", 1 - chainIndex) };
    const rows: BandsNode["rows"] = steps.rows.map((r, k) => ({
      ...(k > 0 ? { from: steps.rows[k - 1]!.bound } : {}),
      upTo: r.bound,
      rate: r.value,
    }));
    rows.push({ from: steps.rows[steps.rows.length - 1]!.bound, rate: steps.otherwise });
    return {
      kind: "bands",
      path,
      mode: "retroactive",
      measure: measureNode,
      rows,
      ...(chainIndex === 0 ? { measureLast: true } : {}),
    };
  }
  return undefined;
}

/** Matches `{"op": [a, b]}` and returns the operands. */
function binary(value: unknown, op: string): [unknown, unknown] | undefined {
  if (!isLogic(value) || operatorOf(value) !== op) return undefined;
  const ab = operands(value, op);
  return ab && ab.length === 2 ? [ab[0], ab[1]] : undefined;
}

/** The marginal form: `+` of `rate × min(M, upTo)`, `rate × max(0, min(M, upTo) − from)`, `rate × max(0, M − from)`. */
function parseMarginal(args: unknown[], path: LogicPath): BandsNode | undefined {
  if (args.length < 2) return undefined;
  let measure: VarNode | undefined;
  const rows: BandsNode["rows"] = [];
  const sameMeasure = (v: unknown, p: LogicPath) => {
    if (!isLogic(v) || operatorOf(v) !== "var") return false;
    const m = parseVar(v["var"], p);
    if (!m || (measure && !same(m, measure))) return false;
    measure ??= { ...m, path: p };
    return true;
  };
  for (const [k, term] of args.entries()) {
    const p = at(path, "+", k, "*");
    const product = binary(term, "*");
    if (!product) return undefined;
    const [rate, slice] = product;
    const last = k === args.length - 1;
    if (k === 0) {
      const mm = binary(slice, "min");
      if (!mm || !sameMeasure(mm[0], at(p, 1, "min", 0))) return undefined;
      rows.push({ upTo: parseNode(mm[1], at(p, 1, "min", 1)), rate: parseNode(rate, at(p, 0)) });
      continue;
    }
    const mx = binary(slice, "max");
    if (!mx || mx[0] !== 0) return undefined;
    const diff = binary(mx[1], "-");
    if (!diff) return undefined;
    const dp = at(p, 1, "max", 1, "-");
    if (last) {
      if (!sameMeasure(diff[0], at(dp, 0))) return undefined;
      rows.push({ from: parseNode(diff[1], at(dp, 1)), rate: parseNode(rate, at(p, 0)) });
    } else {
      const mm = binary(diff[0], "min");
      if (!mm || !sameMeasure(mm[0], at(dp, 0, "min", 0))) return undefined;
      rows.push({
        from: parseNode(diff[1], at(dp, 1)),
        upTo: parseNode(mm[1], at(dp, 0, "min", 1)),
        rate: parseNode(rate, at(p, 0)),
      });
    }
  }
  return { kind: "bands", path, mode: "marginal", measure: measure!, rows };
}

/** Parses logic into the builder's model; `path` is where it sits inside the rule's logic. */
export function parseNode(value: unknown, path: LogicPath = []): BuilderNode {
  if (isLiteral(value)) return { kind: "literal", path, value };
  if (!isLogic(value)) return { kind: "opaque", path, json: value };
  const op = operatorOf(value);
  const raw = value[op];
  const args = Array.isArray(raw) ? raw : undefined;
  if (op === "var") return parseVar(raw, path) ?? { kind: "opaque", path, json: value };
  if ((op === "and" || op === "or") && args && args.length > 0)
    return { kind: "group", path, op, items: args.map((a, i) => parseNode(a, at(path, op, i))) };
  if (op === "!" || op === "!!") {
    if (!args) return { kind: "not", path, op, item: parseNode(raw, at(path, op)), wrapped: false };
    if (args.length === 1)
      return { kind: "not", path, op, item: parseNode(args[0], at(path, op, 0)), wrapped: true };
  }
  if (compareOps.has(op) && args && (args.length === 2 || (args.length === 3 && (op === "<" || op === "<="))))
    return {
      kind: "compare",
      path,
      op: op as CompareOp,
      args: args.map((a, i) => parseNode(a, at(path, op, i))),
    };
  if (op === "*" && args) {
    const bands = parseRetroactive(args, path);
    if (bands) return bands;
  }
  if (op === "+" && args) {
    const bands = parseMarginal(args, path);
    if (bands) return bands;
  }
  if (formulaOps.has(op) && args && args.length > 0)
    return {
      kind: "formula",
      path,
      op: op as FormulaOp,
      args: args.map((a, i) => parseNode(a, at(path, op, i))),
    };
  if (op === "if" && args && args.length >= 3) {
    const table = parseLookup(args, path) ?? parseSteps(args, path);
    if (table) return table;
    const { pairs, hasElse } = chainOf(args);
    return {
      kind: "cases",
      path,
      cases: pairs.map((_, k) => ({
        when: parseNode(args[2 * k], at(path, "if", 2 * k)),
        then: parseNode(args[2 * k + 1], at(path, "if", 2 * k + 1)),
      })),
      ...(hasElse ? { otherwise: parseNode(args[args.length - 1], at(path, "if", args.length - 1)) } : {}),
    };
  }
  return { kind: "opaque", path, json: value };
}

/** The whole rule logic as a model (its root path is `[]`, relative to the rule's `logic` member). */
export const parseLogic = (logic: unknown): BuilderNode => parseNode(logic, []);

function printVar(node: VarNode): unknown {
  const operand =
    node.form === "string"
      ? node.name
      : node.form === "array"
        ? [node.name]
        : [node.name, node.default ?? null];
  return { var: operand };
}

/** Prints a model back to JsonLogic. */
export function printNode(node: BuilderNode): unknown {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "var":
      return printVar(node);
    case "opaque":
      return node.json;
    case "group":
      return { [node.op]: node.items.map(printNode) };
    case "not":
      return { [node.op]: node.wrapped ? [printNode(node.item)] : printNode(node.item) };
    case "compare":
    case "formula":
      return { [node.op]: node.args.map(printNode) };
    case "cases":
      return {
        if: [
          ...node.cases.flatMap((c) => [printNode(c.when), printNode(c.then)]),
          ...(node.otherwise ? [printNode(node.otherwise)] : []),
        ],
      };
    case "steps":
      return {
        if: [
          ...node.rows.flatMap((r) => [
            { [node.op]: [printVar(node.measure), printNode(r.bound)] },
            printNode(r.value),
          ]),
          printNode(node.otherwise),
        ],
      };
    case "lookup":
      return {
        if: [
          ...node.rows.flatMap((r) => [
            { [node.op]: [printVar(node.field), r.key.value] },
            printNode(r.value),
          ]),
          printNode(node.otherwise),
        ],
      };
    case "bands":
      return printBands(node);
  }
}

function printBands(node: BandsNode): unknown {
  const m = printVar(node.measure);
  const last = node.rows.length - 1;
  if (node.mode === "retroactive") {
    const chain = {
      if: [
        ...node.rows.slice(0, -1).flatMap((r) => [{ "<": [m, printNode(r.upTo!)] }, printNode(r.rate)]),
        printNode(node.rows[last]!.rate),
      ],
    };
    return { "*": node.measureLast ? [chain, m] : [m, chain] };
  }
  return {
    "+": node.rows.map((r, k) => {
      const rate = printNode(r.rate);
      if (k === 0) return { "*": [rate, { min: [m, printNode(r.upTo!)] }] };
      const top = k === last ? m : { min: [m, printNode(r.upTo!)] };
      return { "*": [rate, { max: [0, { "-": [top, printNode(r.from!)] }] }] };
    }),
  };
}

/** The direct children of a node, in reading order. */
export function childrenOf(node: BuilderNode): BuilderNode[] {
  switch (node.kind) {
    case "group":
      return node.items;
    case "not":
      return [node.item];
    case "compare":
    case "formula":
      return node.args;
    case "cases":
      return [...node.cases.flatMap((c) => [c.when, c.then]), ...(node.otherwise ? [node.otherwise] : [])];
    case "steps":
      return [node.measure, ...node.rows.flatMap((r) => [r.bound, r.value]), node.otherwise];
    case "lookup":
      return [node.field, ...node.rows.flatMap((r) => [r.key, r.value]), node.otherwise];
    case "bands":
      return [
        node.measure,
        ...node.rows.flatMap((r, k) => [
          ...(r.from && (node.mode === "marginal" || k === 0) ? [r.from] : []),
          ...(r.upTo ? [r.upTo] : []),
          r.rate,
        ]),
      ];
    default:
      return [];
  }
}

/** Every node of a model, depth first. */
export function allNodes(node: BuilderNode): BuilderNode[] {
  return [node, ...childrenOf(node).flatMap(allNodes)];
}
