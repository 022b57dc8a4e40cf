/**
 * The plain-language sentence of a statement, generated from a rule's evaluation tree (the engine's
 * `explain`), the vocabulary of the paths it read and the operator specs: what the value is, how it
 * was computed along the branches taken, and why each branch was taken ("target attainment 96 % is at
 * least the gate 90 %"). Alongside it, for every comparison that decided a branch, the value that
 * would flip it ("needs attainment ≥ 90 %, has 85 %").
 */
import type { Locale, LocalizedText } from "../../base";
import { operatorSpecs, truthy, type ExplainNode } from "../jsonlogic";
import { formatValue, labelOf, type Vocabulary } from "./vocabulary";

/** A comparison that decided a branch, and what would flip it. */
export interface FlipValue {
  /** Pointer of the comparison inside the rule's logic. */
  pointer: string;
  /** The path on the moving side (a dataset field or an output), when it is a plain read. */
  path?: string;
  /** Whether the comparison held. */
  held: boolean;
  /** The moving side's value now. */
  current: unknown;
  /** The operator the moving side must satisfy for the opposite outcome, e.g. `>=`. */
  op: string;
  /** The value on the other side of the comparison. */
  threshold: unknown;
  /** "needs target attainment ≥ 90 %, has 85 %" (what the other outcome needs), in each language. */
  text: LocalizedText;
}

type Cmp = "<" | "<=" | ">" | ">=" | "==" | "===" | "!=" | "!==";
const COMPARISONS = new Set<string>(["<", "<=", ">", ">=", "==", "===", "!=", "!=="]);
const COMPLEMENT: Record<Cmp, Cmp> = {
  "<": ">=",
  "<=": ">",
  ">": "<=",
  ">=": "<",
  "==": "!=",
  "===": "!==",
  "!=": "==",
  "!==": "===",
};
const MIRROR: Record<Cmp, Cmp> = {
  "<": ">",
  "<=": ">=",
  ">": "<",
  ">=": "<=",
  "==": "==",
  "===": "===",
  "!=": "!=",
  "!==": "!==",
};
const SYMBOL: Record<Cmp, string> = {
  "<": "<",
  "<=": "≤",
  ">": ">",
  ">=": "≥",
  "==": "=",
  "===": "=",
  "!=": "≠",
  "!==": "≠",
};
const WORDS: Record<Cmp, { en: string; "zh-CN": string }> = {
  "<": { en: "is below", "zh-CN": "低于" },
  "<=": { en: "is at most", "zh-CN": "不高于" },
  ">": { en: "is above", "zh-CN": "高于" },
  ">=": { en: "is at least", "zh-CN": "达到" },
  "==": { en: "is", "zh-CN": "为" },
  "===": { en: "is", "zh-CN": "为" },
  "!=": { en: "is not", "zh-CN": "不为" },
  "!==": { en: "is not", "zh-CN": "不为" },
};
const ARITHMETIC: Record<string, string> = { "+": " + ", "-": " − ", "*": " × ", "/": " ÷ ", "%": " mod " };

/** Reads the sub-expression at an RFC 6901 pointer of the logic. */
function at(logic: unknown, pointer: string): unknown {
  if (pointer === "") return logic;
  let current: unknown = logic;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The static path a `var` node reads, when it is a plain string or number. */
function varPath(node: ExplainNode, logic: unknown): string | undefined {
  if (node.op !== "var") return undefined;
  const operand = at(logic, node.args[0]?.pointer ?? "");
  if (typeof operand === "string" || typeof operand === "number") return String(operand);
  const whole = (at(logic, node.pointer) as { var?: unknown } | undefined)?.var;
  if (typeof whole === "string" || typeof whole === "number") return String(whole);
  if (Array.isArray(whole) && (typeof whole[0] === "string" || typeof whole[0] === "number"))
    return String(whole[0]);
  return undefined;
}

interface Walk {
  locale: Locale;
  vocabulary: Vocabulary;
  logic: unknown;
  reasons: string[];
  flips: FlipValue[];
  /** Flips are collected in the first language's walk only (they carry both languages' text). */
  collectFlips: boolean;
}

const zh = (w: Walk) => w.locale === "zh-CN";
const joinAnd = (w: Walk, parts: string[]) => parts.join(zh(w) ? "，且" : " and ");

/** The unit a node's value is in, when it reads a labelled path (directly or through min/max/if). */
function unitOf(node: ExplainNode, w: Walk): string | undefined {
  const path = varPath(node, w.logic);
  if (path !== undefined) return w.vocabulary(path)?.unit;
  if (["min", "max", "+", "-"].includes(node.op) || node.op === "if" || node.op === "?:") {
    for (const arg of node.args) {
      const unit = unitOf(arg, w);
      if (unit && unit !== "ratio") return unit;
    }
  }
  if (node.op === "*") {
    const units = node.args.map((a) => unitOf(a, w)).filter((u) => u && u !== "ratio");
    return units.length === 1 ? units[0] : undefined;
  }
  return undefined;
}

/** A value with its label: "target attainment 96 %"; a literal is just its value in `unitHint`. */
function side(node: ExplainNode, w: Walk, unitHint: string | undefined, depth: number): string {
  const path = varPath(node, w.logic);
  if (path !== undefined) {
    const unit = w.vocabulary(path)?.unit;
    return `${labelOf(w.vocabulary, path, w.locale)} ${formatValue(node.value, unit, w.locale)}`;
  }
  if (node.op === "literal") return formatValue(node.value, unitHint, w.locale);
  return phrase(node, w, depth, unitHint);
}

/** A number to the threshold's unit, for flips: the moving side's unit decides. */
function describeCompare(node: ExplainNode, w: Walk, held: boolean, decisive: boolean): string {
  const op = node.op as Cmp;
  const [left, right] = node.args;
  if (!left || !right) return phrase(node, w, 1, undefined);
  if (node.args.length === 3 && (op === "<" || op === "<=")) {
    const [low, mid, high] = node.args as [ExplainNode, ExplainNode, ExplainNode];
    const unit = unitOf(mid, w);
    const range = `${formatValue(low.value, unit, w.locale)}${SYMBOL[op]}…${SYMBOL[op]}${formatValue(high.value, unit, w.locale)}`;
    const subject = side(mid, w, unit, 2);
    return zh(w)
      ? `${subject}${held ? "在" : "不在"}区间 ${range} 内`
      : `${subject} is ${held ? "" : "not "}within ${range}`;
  }
  const unit = unitOf(left, w) ?? unitOf(right, w);
  const shown: Cmp = held ? op : COMPLEMENT[op];
  const word = WORDS[shown][w.locale];
  const text = `${side(left, w, unit, 2)} ${word} ${side(right, w, unit, 2)}`;
  if (decisive && w.collectFlips) collectFlip(node, w, held, unit);
  return text;
}

/** Which side of a comparison moves (a record field or an output) and which is the threshold. */
function movingSide(node: ExplainNode, w: Walk): "left" | "right" {
  const [left, right] = node.args as [ExplainNode, ExplainNode];
  const fixed = (n: ExplainNode) => {
    const path = varPath(n, w.logic);
    return n.op === "literal" || (path !== undefined && path.startsWith("params."));
  };
  if (fixed(left) && !fixed(right)) return "right";
  return "left";
}

function collectFlip(node: ExplainNode, w: Walk, held: boolean, unit: string | undefined): void {
  const op = node.op as Cmp;
  const moving = movingSide(node, w);
  const [left, right] = node.args as [ExplainNode, ExplainNode];
  const subject = moving === "left" ? left : right;
  const other = moving === "left" ? right : left;
  // The condition the moving side must meet for the opposite outcome.
  const asLeft = moving === "left" ? op : MIRROR[op];
  const needed: Cmp = held ? COMPLEMENT[asLeft] : asLeft;
  const path = varPath(subject, w.logic);
  const name = (locale: Locale) =>
    path !== undefined ? labelOf(w.vocabulary, path, locale) : expressionName(subject, w, locale);
  const value = (v: unknown, locale: Locale) => formatValue(v, unit, locale);
  // The same words whichever way it went: what the moving side needs for the other outcome.
  const text = {
    en: `needs ${name("en")} ${SYMBOL[needed]} ${value(other.value, "en")}, has ${value(subject.value, "en")}`,
    "zh-CN": `需要 ${name("zh-CN")} ${SYMBOL[needed]} ${value(other.value, "zh-CN")}，当前 ${value(subject.value, "zh-CN")}`,
  };
  w.flips.push({
    pointer: node.pointer,
    ...(path !== undefined ? { path } : {}),
    held,
    current: subject.value,
    op: needed,
    threshold: other.value,
    text,
  });
}

/** A computed side named by its shape, without values: "net sales ÷ annual target". */
function expressionName(node: ExplainNode, w: Walk, locale: Locale): string {
  const path = varPath(node, w.logic);
  if (path !== undefined) return labelOf(w.vocabulary, path, locale);
  if (node.op === "literal") return formatValue(at(w.logic, node.pointer), undefined, locale);
  const sep = ARITHMETIC[node.op];
  if (sep) return node.args.map((a) => expressionName(a, w, locale)).join(sep);
  const spec = (operatorSpecs as Record<string, { label: LocalizedText }>)[node.op];
  return spec ? (spec.label[locale] ?? spec.label.en) : node.op;
}

/**
 * Why a condition had the truth it had; pushes flips for comparisons that decided it. `decisive`: a
 * change of this node's truth would change the branch taken.
 */
function condition(node: ExplainNode, w: Walk, decisive: boolean): string {
  const held = truthy(node.value);
  if (COMPARISONS.has(node.op)) return describeCompare(node, w, held, decisive);
  const evaluated = node.args.filter((a) => a.evaluated);
  if (node.op === "and" || node.op === "or") {
    // and: true needs all (each decisive); false is decided by the operand that was false (the last
    // evaluated). or: the other way round.
    const allSame = (node.op === "and") === held;
    const parts = allSame ? evaluated : evaluated.slice(-1);
    return joinAnd(
      w,
      parts.map((p) => condition(p, w, decisive)),
    );
  }
  if (node.op === "!" || node.op === "!!") {
    const [operand] = node.args;
    if (!operand) return phrase(node, w, 1, undefined);
    return condition(operand, w, decisive);
  }
  if (node.op === "in" && node.args[1]) {
    const [needle, list] = node.args as [ExplainNode, ExplainNode];
    const items = Array.isArray(list.value) ? list.value.map((v) => formatValue(v, undefined, w.locale)) : [];
    const subject = side(needle, w, undefined, 2);
    if (Array.isArray(list.value))
      return zh(w)
        ? `${subject} ${held ? "属于" : "不属于"} ${items.join("、")}`
        : `${subject} is ${held ? "one of" : "none of"} ${items.join(", ")}`;
  }
  const path = varPath(node, w.logic);
  if (path !== undefined) {
    const label = labelOf(w.vocabulary, path, w.locale);
    if (typeof node.value === "boolean")
      return zh(w) ? `${label}：${node.value ? "是" : "否"}` : `${label}: ${node.value ? "yes" : "no"}`;
    return side(node, w, undefined, 2);
  }
  const text = phrase(node, w, 1, undefined);
  return zh(w) ? `${text}${held ? "成立" : "不成立"}` : `${text} ${held ? "holds" : "does not hold"}`;
}

/** Whether an `if` is a tier table: every condition compares the same expression with `<`/`<=` (or `>`/`>=`). */
function tierChain(node: ExplainNode, w: Walk): "ascending" | "descending" | undefined {
  const conditions = node.args.filter((_, i) => i % 2 === 0 && i < node.args.length - 1);
  if (conditions.length < 2 || node.args.length % 2 === 0) return undefined;
  const shapes = conditions.map((c) => c.op);
  const asc = shapes.every((s) => s === "<" || s === "<=");
  const desc = shapes.every((s) => s === ">" || s === ">=");
  if (!asc && !desc) return undefined;
  if (conditions.some((c) => c.args.length !== 2)) return undefined;
  const key = (c: ExplainNode) => JSON.stringify(at(w.logic, c.args[0]!.pointer));
  const first = key(conditions[0]!);
  return conditions.every((c) => key(c) === first) ? (asc ? "ascending" : "descending") : undefined;
}

function ifPhrase(node: ExplainNode, w: Walk, depth: number, unitHint: string | undefined): string {
  const n = node.args.length;
  let taken = -1;
  const evaluatedConditions: ExplainNode[] = [];
  for (let i = 0; i < n - 1; i += 2) {
    const c = node.args[i]!;
    if (!c.evaluated) break;
    evaluatedConditions.push(c);
    if (truthy(c.value)) {
      taken = i + 1;
      break;
    }
  }
  if (taken === -1) taken = n % 2 === 1 ? n - 1 : -1;
  const chain = tierChain(node, w);
  if (chain) {
    const count = (n - 1) / 2 + 1;
    // The band's 0-based number: condition j's value is argument 2j + 1, the else is the last one.
    const k = taken === n - 1 ? count - 1 : (taken - 1) / 2;
    const tier = chain === "ascending" ? k + 1 : count - k;
    const subjectNode = evaluatedConditions[0]!.args[0]!;
    const unit = unitOf(subjectNode, w);
    const subject = side(subjectNode, w, unit, 2);
    // The bound crossed: the previous (false) condition's threshold; the next one when in the first band.
    const crossed = k > 0 ? evaluatedConditions[k - 1] : undefined;
    const bound = crossed
      ? `${SYMBOL[COMPLEMENT[crossed.op as Cmp]]} ${side(crossed.args[1]!, w, unit, 3)}`
      : `${SYMBOL[evaluatedConditions[0]!.op as Cmp]} ${side(evaluatedConditions[0]!.args[1]!, w, unit, 3)}`;
    w.reasons.push(
      zh(w)
        ? `${subject} 处于第 ${tier} 档（共 ${count} 档，${bound}）`
        : `${subject} falls in band ${tier} of ${count} (${bound})`,
    );
    // Every condition evaluated decided the band: each one is a flip.
    if (w.collectFlips) for (const c of evaluatedConditions) collectFlip(c, w, truthy(c.value), unit);
  } else if (taken !== -1) {
    const isElse = taken === n - 1 && n % 2 === 1 && !evaluatedConditions.some((c) => truthy(c.value));
    const decided = isElse
      ? evaluatedConditions.map((c) => condition(c, w, true))
      : [condition(evaluatedConditions[evaluatedConditions.length - 1]!, w, true)];
    if (decided.length) w.reasons.push(joinAnd(w, decided));
  }
  const branch = taken === -1 ? undefined : node.args[taken];
  if (!branch) return formatValue(null, unitHint, w.locale);
  return phrase(branch, w, depth, unitHint);
}

/** How a value came about: "net sales ¥3,750,085 × band 3 rate 1.5 %"; reasons go to `w.reasons`. */
function phrase(node: ExplainNode, w: Walk, depth: number, unitHint: string | undefined): string {
  if (node.error) return zh(w) ? `出错（${node.error}）` : `an error (${node.error})`;
  if (node.op === "if" || node.op === "?:") return ifPhrase(node, w, depth, unitHint);
  const path = varPath(node, w.logic);
  if (path !== undefined || node.op === "literal") return side(node, w, unitHint, depth);
  const unit = unitOf(node, w) ?? unitHint;
  const value = formatValue(node.value, unit, w.locale);
  if (depth > 3) return value;
  const sep = ARITHMETIC[node.op];
  if (sep) {
    const parts = node.args.map((a) => {
      const text = phrase(a, w, depth + 1, unit);
      return ARITHMETIC[a.op] && a.args.length > 1 ? `(${text})` : text;
    });
    return parts.length === 1 && node.op === "-" ? `−${parts[0]}` : parts.join(sep);
  }
  if (node.op === "min" || node.op === "max") {
    const parts = node.args.map((a) => phrase(a, w, depth + 1, unit));
    const name =
      node.op === "min" ? (zh(w) ? "取较小值" : "the smaller of") : zh(w) ? "取较大值" : "the larger of";
    return zh(w) ? `${name}（${parts.join("，")}）= ${value}` : `${name} (${parts.join(", ")}) = ${value}`;
  }
  if (COMPARISONS.has(node.op) || ["and", "or", "!", "!!", "in"].includes(node.op)) {
    return condition(node, w, depth <= 1);
  }
  const spec = (operatorSpecs as Record<string, { label: LocalizedText }>)[node.op];
  const name = spec ? (spec.label[w.locale] ?? spec.label.en) : node.op;
  return zh(w) ? `${name} = ${value}` : `${name} = ${value}`;
}

/** What {@link ruleSentence} produces for one language. */
export interface Sentence {
  text: string;
  /** The computation (the taken branch's value, described). */
  computation: string;
  /** Why each branch was taken, in evaluation order. */
  reasons: string[];
}

/**
 * The sentence of one rule's value for one record, in both languages, and the flip values.
 * @param title the rule's title
 * @param unit the rule's output unit (CNY, ratio…)
 * @param value the rule's checked output value
 * @param trace the engine's `explain` of the rule's logic on the record's context
 */
export function ruleSentence(
  title: LocalizedText,
  unit: string | undefined,
  value: unknown,
  trace: ExplainNode,
  logic: unknown,
  vocabulary: Vocabulary,
): { sentence: LocalizedText; parts: Record<Locale, Sentence>; flips: FlipValue[] } {
  const flips: FlipValue[] = [];
  const make = (locale: Locale): Sentence => {
    const w: Walk = { locale, vocabulary, logic, reasons: [], flips, collectFlips: locale === "en" };
    const computation = trace.error ? "" : phrase(trace, w, 0, unit);
    const name = title[locale] ?? title.en;
    const shown = formatValue(value, unit, locale);
    const head = `${name} ${shown}`;
    const trivial = computation === shown || computation === "";
    const body = [trivial ? "" : computation, ...w.reasons].filter(Boolean);
    const sep = locale === "zh-CN" ? "；" : "; ";
    const colon = locale === "zh-CN" ? "：" : ": ";
    const end = locale === "zh-CN" ? "。" : ".";
    const error = trace.error
      ? locale === "zh-CN"
        ? `求值出错：${trace.error}`
        : `evaluation failed: ${trace.error}`
      : "";
    const text =
      head + (body.length || error ? colon + [...body, error].filter(Boolean).join(sep) : "") + end;
    return { text, computation: trivial ? "" : computation, reasons: w.reasons };
  };
  const en = make("en");
  const zhCN = make("zh-CN");
  return { sentence: { en: en.text, "zh-CN": zhCN.text }, parts: { en, "zh-CN": zhCN }, flips };
}
