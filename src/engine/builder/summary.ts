/**
 * The plain-language summary of a rule's logic, without values: what the simulation statement says
 * for one record ("rebate base ¥3,750,085 × band 3 rate 1.5 %"), said for every record at once
 * ("if target attainment < attainment gate then 0; otherwise rebate base × 2 % when ≥ ¥6,000,000, …").
 * It reads the builder's model, so band, threshold and lookup tables read as tables, and it uses the
 * statement's vocabulary and number formats, so both texts name things alike.
 */
import type { Locale, LocalizedText } from "../../base";
import { isLogic, operatorOf, operatorSpecs } from "../jsonlogic";
import type { ParamSpec } from "../pack";
import { formatValue, labelOf, type Vocabulary } from "../statement";
import { parseLogic, type BandsNode, type BuilderNode, type LookupNode, type StepsNode } from "./model";

/** What the summary needs besides the logic: labels of paths, and parameters (for table defaults). */
export interface SummaryContext {
  vocabulary: Vocabulary;
  /** Parameters by name: a table threshold or rate that is a parameter reads as its default value. */
  params?: Readonly<Record<string, ParamSpec>>;
  /** The rule's output unit, for the literals it returns (CNY, ratio…). */
  unit?: string;
}

const SYMBOL: Record<string, string> = {
  "<": "<",
  "<=": "≤",
  ">": ">",
  ">=": "≥",
  "==": "=",
  "===": "=",
  "!=": "≠",
  "!==": "≠",
};
const ARITHMETIC: Record<string, string> = { "+": " + ", "-": " − ", "*": " × ", "/": " ÷ ", "%": " mod " };
/** Beyond this nesting, a sub-expression is shown as an ellipsis: a summary is read, not parsed. */
const MAX_DEPTH = 6;

interface Walk extends SummaryContext {
  locale: Locale;
}

const zh = (w: Walk) => w.locale === "zh-CN";
const words = (w: Walk, en: string, zhCN: string) => (zh(w) ? zhCN : en);

/** The unit of what a node reads (a labelled field or parameter), for formatting the literals beside it. */
function unitOf(node: BuilderNode, w: Walk): string | undefined {
  if (node.kind === "var") return w.vocabulary(node.name)?.unit;
  if (node.kind === "formula" && ["min", "max", "+", "-"].includes(node.op)) {
    for (const arg of node.args) {
      const unit = unitOf(arg, w);
      if (unit && unit !== "ratio") return unit;
    }
  }
  return undefined;
}

const grouped = (node: BuilderNode) =>
  (node.kind === "formula" && node.op in ARITHMETIC && node.args.length > 1) ||
  ["group", "cases", "steps", "lookup", "bands"].includes(node.kind);

/** A value a table row shows: a literal or a parameter's default, formatted in `unit`. */
function tableValue(node: BuilderNode, w: Walk, unit: string | undefined, depth: number): string {
  if (node.kind === "var" && node.name.startsWith("params.")) {
    const spec = w.params?.[node.name.slice(7)];
    if (spec && typeof spec.default === "number")
      return formatValue(spec.default, spec.unit ?? unit ?? w.vocabulary(node.name)?.unit, w.locale);
  }
  return say(node, w, depth, unit);
}

function bands(node: BandsNode, w: Walk, depth: number): string {
  const measure = labelOf(w.vocabulary, node.measure.name, w.locale);
  const unit = unitOf(node.measure, w);
  const rate = (r: BandsNode["rows"][number]) => tableValue(r.rate, w, "ratio", depth + 1);
  const at = (b: BuilderNode | undefined) => (b ? tableValue(b, w, unit, depth + 1) : "");
  if (node.mode === "retroactive") {
    // Highest band first, as a rate card reads: "≥ ¥6,000,000 × 2 %, ≥ ¥3,000,000 × 1.5 %, … else × 0.5 %".
    const rows = [...node.rows].reverse();
    const parts = rows.map((r, k) =>
      k === rows.length - 1
        ? words(w, `otherwise × ${rate(r)}`, `其余 × ${rate(r)}`)
        : words(w, `× ${rate(r)} when ≥ ${at(r.from)}`, `≥ ${at(r.from)} 时 × ${rate(r)}`),
    );
    return zh(w) ? `${measure} ${parts.join("，")}` : `${measure} ${parts.join(", ")}`;
  }
  const parts = node.rows.map((r, k) =>
    k === 0
      ? words(w, `${rate(r)} up to ${at(r.upTo)}`, `${at(r.upTo)} 以内 ${rate(r)}`)
      : r.upTo
        ? words(w, `${rate(r)} from ${at(r.from)} to ${at(r.upTo)}`, `${at(r.from)}–${at(r.upTo)} ${rate(r)}`)
        : words(w, `${rate(r)} above ${at(r.from)}`, `${at(r.from)} 以上 ${rate(r)}`),
  );
  return zh(w)
    ? `${measure}分段累计：${parts.join("，")}`
    : `each slice of ${measure} at its band's rate: ${parts.join(", ")}`;
}

function steps(node: StepsNode, w: Walk, depth: number): string {
  const measure = labelOf(w.vocabulary, node.measure.name, w.locale);
  const unit = unitOf(node.measure, w);
  const parts = node.rows.map((r) => {
    const bound = `${SYMBOL[node.op]} ${tableValue(r.bound, w, unit, depth + 1)}`;
    const value = say(r.value, w, depth + 1, w.unit);
    return words(w, `${value} when ${bound}`, `${bound} 时 ${value}`);
  });
  const otherwise = say(node.otherwise, w, depth + 1, w.unit);
  return zh(w)
    ? `按${measure}：${parts.join("，")}，否则${otherwise}`
    : `by ${measure}: ${parts.join(", ")}, otherwise ${otherwise}`;
}

function lookup(node: LookupNode, w: Walk, depth: number): string {
  const field = labelOf(w.vocabulary, node.field.name, w.locale);
  const parts = node.rows.map((r) => {
    const key = formatValue(r.key.value, undefined, w.locale);
    const value = say(r.value, w, depth + 1, w.unit);
    return words(w, `${value} for ${key}`, `为 ${key} 时 ${value}`);
  });
  const otherwise = say(node.otherwise, w, depth + 1, w.unit);
  return zh(w)
    ? `按${field}：${parts.join("，")}，否则${otherwise}`
    : `by ${field}: ${parts.join(", ")}, otherwise ${otherwise}`;
}

/** Something the builder has no form for: `in` over a list reads as a choice; others by the operator's label. */
function opaque(json: unknown, w: Walk, depth: number): string {
  if (!isLogic(json)) return formatValue(json, undefined, w.locale);
  const op = operatorOf(json);
  const args = Array.isArray(json[op]) ? (json[op] as unknown[]) : [json[op]];
  if (op === "in" && args.length === 2 && Array.isArray(args[1])) {
    const subject = say(parseLogic(args[0]), w, depth + 1, undefined);
    const items = args[1].map((v) => formatValue(v, undefined, w.locale));
    return words(w, `${subject} is one of ${items.join(", ")}`, `${subject}属于 ${items.join("、")}`);
  }
  const spec = (operatorSpecs as Record<string, { label: LocalizedText } | undefined>)[op];
  const name = spec ? (spec.label[w.locale] ?? spec.label.en) : op;
  return zh(w) ? `${name}（…）` : `${name} (…)`;
}

/** One node, as words. `unit` is the unit its literals are in (from what they are compared with). */
function say(node: BuilderNode, w: Walk, depth: number, unit: string | undefined): string {
  if (depth > MAX_DEPTH) return "…";
  const inner = (n: BuilderNode, u: string | undefined) => {
    const text = say(n, w, depth + 1, u);
    return grouped(n) ? `(${text})` : text;
  };
  switch (node.kind) {
    case "literal":
      return formatValue(node.value, unit, w.locale);
    case "var":
      return labelOf(w.vocabulary, node.name, w.locale);
    case "opaque":
      return opaque(node.json, w, depth);
    case "group":
      return node.items
        .map((i) => inner(i, undefined))
        .join(words(w, node.op === "and" ? " and " : " or ", node.op === "and" ? " 且 " : " 或 "));
    case "not": {
      const item = inner(node.item, undefined);
      return node.op === "!!" ? item : words(w, `not ${item}`, `非${item}`);
    }
    case "compare": {
      const sideUnit = node.args.map((a) => unitOf(a, w)).find((u) => u !== undefined);
      const sides = node.args.map((a) => inner(a, sideUnit));
      const symbol = SYMBOL[node.op]!;
      return sides.join(` ${symbol} `);
    }
    case "formula": {
      const argUnit = unitOf(node, w) ?? unit;
      if (node.op === "min" || node.op === "max") {
        const parts = node.args.map((a) => say(a, w, depth + 1, argUnit));
        return node.op === "min"
          ? words(w, `the smaller of (${parts.join(", ")})`, `取较小值（${parts.join("，")}）`)
          : words(w, `the larger of (${parts.join(", ")})`, `取较大值（${parts.join("，")}）`);
      }
      const parts = node.args.map((a) => inner(a, node.op === "*" || node.op === "/" ? undefined : argUnit));
      return parts.length === 1 && node.op === "-" ? `−${parts[0]}` : parts.join(ARITHMETIC[node.op]);
    }
    case "cases": {
      const parts = node.cases.map((c, k) => {
        const when = say(c.when, w, depth + 1, undefined);
        const then = say(c.then, w, depth + 1, unit);
        return k === 0
          ? words(w, `if ${when} then ${then}`, `若${when} 则 ${then}`)
          : words(w, `else if ${when} then ${then}`, `否则若${when} 则 ${then}`);
      });
      const otherwise = node.otherwise
        ? say(node.otherwise, w, depth + 1, unit)
        : formatValue(null, undefined, w.locale);
      parts.push(words(w, `otherwise ${otherwise}`, `否则${otherwise}`));
      return parts.join(words(w, "; ", "；"));
    }
    case "steps":
      return steps(node, w, depth);
    case "lookup":
      return lookup(node, w, depth);
    case "bands":
      return bands(node, w, depth);
  }
}

/**
 * The summary of a rule's logic in both languages, e.g. "若目标达成率 < 目标达成门槛 则 0；否则返利基数
 * ≥ ¥6,000,000 时 × 2%，…". Never throws: what it cannot read is named by its operator.
 */
export function logicSummary(logic: unknown, context: SummaryContext): LocalizedText {
  const model = parseLogic(logic);
  const make = (locale: Locale) => {
    const text = say(model, { ...context, locale }, 0, context.unit);
    return text + (locale === "zh-CN" ? "。" : ".");
  };
  const en = make("en");
  // The sentence's own first word is capitalised ("If …", "The smaller of …"), never a path.
  const capital = /^(if|the|by|each|not) /.test(en) ? en.charAt(0).toUpperCase() + en.slice(1) : en;
  return { en: capital, "zh-CN": make("zh-CN") };
}
