import { findNodeAtOffset, getNodePath } from "jsonc-parser";
import { getPath, isOperatorName } from "../../../engine";
import { parseLenient, nodeRange } from "./jsonTree";
import { isPathOperand, logicStart, scopeOf } from "./logicLocation";
import { entryOf } from "./pathEntries";
import { operatorDocumentation } from "./ruleCompletions";
import { code, colon, labelled, md, showValue, word } from "./strings";
import type { LanguageContext, LanguageHover } from "./types";

function sampleLine(path: string, ctx: LanguageContext): string | undefined {
  if (ctx.sampleRecord === undefined) return undefined;
  const head = path.split(".")[0];
  if (head === "params" || head === "out" || head === "pop" || head === "ctx") return undefined;
  const value = getPath(ctx.sampleRecord, path);
  const shown = value === undefined ? word("noSampleValue", ctx.locale) : code(showValue(value, 120));
  return `${labelled("sampleValue", ctx.locale)}${shown}`;
}

/**
 * The hover at `offset` of a rule file: on an operator key, the operator's documentation; on a
 * `var` (or `missing`) path, what the dataset schema or the pack says about it (labels in both
 * languages, type, unit, share of records) and its value in the selected sample record.
 */
export function hoverRule(text: string, offset: number, ctx: LanguageContext): LanguageHover | undefined {
  const node = findNodeAtOffset(parseLenient(text) ?? { type: "null", offset: 0, length: 0 }, offset, true);
  if (node?.type !== "string" || typeof node.value !== "string") return undefined;
  const path = getNodePath(node);
  const start = logicStart(path, false);
  if (start === undefined) return undefined;
  const logicPath = path.slice(start);
  const isKey = node.parent?.type === "property" && node.parent.children?.[0] === node;
  if (isKey) {
    return isOperatorName(node.value)
      ? { range: nodeRange(node), contents: [operatorDocumentation(node.value, ctx.locale)] }
      : undefined;
  }
  if (!isPathOperand(logicPath) || node.value === "") return undefined;
  const scope = scopeOf(logicPath);
  if (scope !== "outer") {
    const head = node.value.split(".")[0];
    const key = scope === "element" ? "element" : head === "current" ? "current" : "accumulator";
    const label = word(key, ctx.locale);
    return { range: nodeRange(node), contents: [`**${md(label)}** ${code(node.value)}`] };
  }
  const entry = entryOf(node.value, ctx);
  const contents = [
    entry ? entry.documentation : `${code(node.value)}${colon(ctx.locale)}${word("notInSchema", ctx.locale)}`,
  ];
  const sample = sampleLine(node.value, ctx);
  if (sample) contents.push(sample);
  return { range: nodeRange(node), contents };
}
