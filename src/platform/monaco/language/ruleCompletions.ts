import { pickText, type Locale } from "../../../base";
import { operatorSpecs, type OperatorName, type OperatorSpec } from "../../../engine";
import { logicSlotAt, type LogicSlot } from "./logicLocation";
import { entriesAfter, type PathEntry } from "./pathEntries";
import { code, md, showValue, word } from "./strings";
import type { LanguageCompletion, LanguageContext, OffsetRange } from "./types";

const operators = Object.keys(operatorSpecs) as OperatorName[];

/** Markdown documentation of an operator: label, docs and its example with the result. */
export function operatorDocumentation(op: OperatorName, locale: Locale): string {
  const spec: OperatorSpec = operatorSpecs[op];
  const example = spec.example;
  return [
    `**${md(pickText(spec.label, locale))}** ${code(op)}`,
    "",
    md(pickText(spec.docs, locale)),
    "",
    `${word("example", locale)}: ${code(JSON.stringify(example.logic))} → ${code(showValue(example.result))}`,
  ].join("\n");
}

/** The snippet of an operation without its braces, for completing a key: `"if": [${1:…}]`. */
function memberSnippet(snippet: string): string {
  return snippet.replace(/^\{\s*/, "").replace(/\s*\}$/, "");
}

function operatorItems(
  slot: Extract<LogicSlot, { kind: "operatorKey" | "value" }>,
  locale: Locale,
): LanguageCompletion[] {
  return operators.map((op, i) => {
    const spec: OperatorSpec = operatorSpecs[op];
    const item: LanguageCompletion = {
      label: op,
      labelDetail: ` ${pickText(spec.label, locale)}`,
      description: spec.category,
      kind: "operator",
      insertText: spec.snippet,
      snippet: true,
      documentation: operatorDocumentation(op, locale),
      range: slot.range,
      sortText: String(i).padStart(3, "0"),
    };
    if (slot.kind === "operatorKey") {
      item.insertText = slot.hasValue ? JSON.stringify(op) : memberSnippet(spec.snippet);
      item.snippet = !slot.hasValue;
      item.filterText = slot.quoted ? JSON.stringify(op) : op;
    }
    return item;
  });
}

function entryItem(entry: PathEntry, range: OffsetRange, index: number): LanguageCompletion {
  const item: LanguageCompletion = {
    label: entry.name,
    kind: entry.kind,
    insertText: entry.hasChildren ? `${entry.name}.` : entry.name,
    documentation: entry.documentation,
    range,
    filterText: entry.name,
    // Record fields in schema order, then the namespaces.
    sortText: `${entry.kind === "namespace" ? "1" : "0"}${String(index).padStart(4, "0")}`,
  };
  if (entry.labelDetail) item.labelDetail = ` ${entry.labelDetail}`;
  if (entry.description) item.description = entry.description;
  if (entry.hasChildren) item.retrigger = true;
  return item;
}

function elementItems(scope: "element" | "reduce", range: OffsetRange, locale: Locale): LanguageCompletion[] {
  if (scope === "element") return [];
  return (["current", "accumulator"] as const).map((name, i) => ({
    label: name,
    labelDetail: ` ${word(name, locale)}`,
    kind: "value" as const,
    insertText: name,
    range,
    sortText: String(i),
  }));
}

function pathItems(slot: Extract<LogicSlot, { kind: "path" }>, ctx: LanguageContext): LanguageCompletion[] {
  const lastDot = slot.typed.lastIndexOf(".");
  const cursor = slot.content.start + slot.typed.length;
  // The segment being replaced runs from the last dot before the cursor to the next one after it.
  const nextDot = slot.after.indexOf(".");
  const range = {
    start: slot.content.start + lastDot + 1,
    end: nextDot === -1 ? slot.content.end : cursor + nextDot,
  };
  if (slot.scope !== "outer") return elementItems(slot.scope, range, ctx.locale);
  const prefix = lastDot === -1 ? [] : slot.typed.slice(0, lastDot).split(".");
  return entriesAfter(prefix, ctx).map((entry, i) => entryItem(entry, range, i));
}

/**
 * Completions at `offset` of a rule file: operators (their snippet and documentation in the user's
 * language) where an operation or an operator key may go, and the next segment of a `var` or
 * `missing` path from the dataset schema and the pack scope (`params.`, `out.`, `pop.`, `ctx.`).
 * The JSON Schema of the rule file completes its other members (Monaco's JSON language does that).
 */
export function completeRule(text: string, offset: number, ctx: LanguageContext): LanguageCompletion[] {
  const slot = logicSlotAt(text, offset);
  switch (slot.kind) {
    case "operatorKey":
    case "value":
      return operatorItems(slot, ctx.locale);
    case "path":
      return pathItems(slot, ctx);
    case "none":
      return [];
  }
}
