import { getLocation, parse } from "jsonc-parser";
import { pickText } from "../../../base";
import { readPaths, type Manifest } from "../../../engine";
import { entriesAfter } from "./pathEntries";
import { code, md, word } from "./strings";
import { manifestRuleFiles, relativePath, packScope, type RuleSource } from "./scope";
import type { LanguageCompletion, LanguageContext, OffsetRange } from "./types";

/** What the manifest services know: the workspace's rules and the manifest's own place. */
export interface ManifestContext extends LanguageContext {
  /** The manifest's workspace path, for rule paths relative to it. */
  file: string;
  rules: readonly RuleSource[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The manifest as far as the half-typed text says, with the members the scope needs defaulted. */
export function lenientManifest(text: string): Manifest {
  const value: unknown = parse(text, [], { allowTrailingComma: true });
  const doc = isObject(value) ? value : {};
  return {
    name: typeof doc.name === "string" ? doc.name : "",
    version: typeof doc.version === "string" ? doc.version : "",
    title: { en: "" },
    params: isObject(doc.params) ? (doc.params as Manifest["params"]) : {},
    population: Array.isArray(doc.population)
      ? (doc.population.filter(
          (op) => isObject(op) && typeof op.out === "string" && /^pop\../.test(op.out),
        ) as Manifest["population"])
      : [],
    rules: Array.isArray(doc.rules) ? doc.rules.filter((r): r is string => typeof r === "string") : [],
    changelog: [],
  };
}

/**
 * The scope the population operators of this manifest see: its own parameters, the outputs of its
 * rules and the results of its other operators, as a {@link LanguageContext} for path completion.
 */
function manifestScope(text: string, ctx: ManifestContext): LanguageContext {
  const manifest = lenientManifest(text);
  const source = { file: ctx.file, manifest };
  const scope = packScope([source], ctx.rules);
  return { ...ctx, params: scope.params, outputs: scope.outputs, population: scope.population };
}

function stringContent(
  text: string,
  offset: number,
): { content: OffsetRange; typed: string; after: string } | undefined {
  const previous = getLocation(text, offset).previousNode;
  if (previous?.type !== "string" || offset <= previous.offset || offset > previous.offset + previous.length)
    return undefined;
  const terminated = previous.length >= 2 && text[previous.offset + previous.length - 1] === '"';
  const content = {
    start: previous.offset + 1,
    end: previous.offset + previous.length - (terminated ? 1 : 0),
  };
  if (offset > content.end) return undefined;
  return { content, typed: text.slice(content.start, offset), after: text.slice(offset, content.end) };
}

function rulePathItems(text: string, range: OffsetRange, ctx: ManifestContext): LanguageCompletion[] {
  const listed = new Set(manifestRuleFiles({ file: ctx.file, manifest: lenientManifest(text) }));
  return ctx.rules
    .filter((r) => !listed.has(r.file))
    .map((r, i) => {
      const path = relativePath(ctx.file, r.file);
      return {
        label: path,
        labelDetail: ` ${pickText(r.rule.title, ctx.locale)}`,
        description: r.rule.kind,
        kind: "file" as const,
        insertText: path,
        documentation: `**${md(pickText(r.rule.title, ctx.locale))}**\n\n${code(r.rule.id)} · ${r.rule.kind} · ${r.rule.output.type}`,
        range,
        filterText: `${path} ${r.rule.id}`,
        sortText: String(i).padStart(4, "0"),
      };
    });
}

function pathItems(
  slot: { content: OffsetRange; typed: string; after: string },
  scope: LanguageContext,
): LanguageCompletion[] {
  const lastDot = slot.typed.lastIndexOf(".");
  const cursor = slot.content.start + slot.typed.length;
  const nextDot = slot.after.indexOf(".");
  const range = {
    start: slot.content.start + lastDot + 1,
    end: nextDot === -1 ? slot.content.end : cursor + nextDot,
  };
  const prefix = lastDot === -1 ? [] : slot.typed.slice(0, lastDot).split(".");
  return entriesAfter(prefix, scope).map((entry, i) => ({
    label: entry.name,
    ...(entry.labelDetail ? { labelDetail: ` ${entry.labelDetail}` } : {}),
    ...(entry.description ? { description: entry.description } : {}),
    kind: entry.kind,
    insertText: entry.hasChildren ? `${entry.name}.` : entry.name,
    documentation: entry.documentation,
    range,
    filterText: entry.name,
    sortText: `${entry.kind === "namespace" ? "1" : "0"}${String(i).padStart(4, "0")}`,
    ...(entry.hasChildren ? { retrigger: true } : {}),
  }));
}

/** Parameters the manifest's rules read (`params.x`) that its `params` does not declare yet. */
function undeclaredParamItems(text: string, offset: number, ctx: ManifestContext): LanguageCompletion[] {
  const manifest = lenientManifest(text);
  const files = new Set(manifestRuleFiles({ file: ctx.file, manifest }));
  const readers = new Map<string, string[]>();
  for (const { file, rule } of ctx.rules) {
    if (!files.has(file)) continue;
    for (const read of readPaths(rule.logic)) {
      const [head, name] = read.path.split(".");
      if (head !== "params" || !name || Object.hasOwn(manifest.params, name)) continue;
      const ids = readers.get(name) ?? [];
      if (!ids.includes(rule.id)) ids.push(rule.id);
      readers.set(name, ids);
    }
  }
  const previous = getLocation(text, offset).previousNode;
  const range =
    previous?.type === "property"
      ? { start: previous.offset, end: previous.offset + previous.length }
      : { start: offset, end: offset };
  const hasValue = text.slice(range.end).trimStart().startsWith(":");
  return [...readers].map(([name, ids]) => ({
    label: name,
    labelDetail: ` ${word("undeclaredParam", ctx.locale)}`,
    description: ids.join(", "),
    kind: "param" as const,
    insertText: hasValue
      ? JSON.stringify(name)
      : `${JSON.stringify(name)}: { "type": "\${1|number,integer,boolean,string|}", "default": \${2:0} }`,
    snippet: !hasValue,
    documentation: `${word("readBy", ctx.locale)}: ${ids.map(code).join(", ")}`,
    range,
    filterText: previous?.type === "property" ? JSON.stringify(name) : name,
  }));
}

/**
 * Completions at `offset` of a pack manifest beyond its JSON Schema: workspace rule files (as paths
 * relative to the manifest) in `rules`, paths (record fields, `params.`, `out.` of its rules,
 * `pop.` of its other operators) in a population operator's `measure`, `partitionBy` and `budget`,
 * `pop.<id>` for its `out`, and the parameters its rules read but `params` does not declare.
 */
export function completeManifest(text: string, offset: number, ctx: ManifestContext): LanguageCompletion[] {
  const location = getLocation(text, offset);
  const [head, index, member] = location.path;
  if (head === "params" && location.isAtPropertyKey && location.path.length === 2) {
    return undeclaredParamItems(text, offset, ctx);
  }
  const slot = location.isAtPropertyKey ? undefined : stringContent(text, offset);
  if (!slot) return [];
  if (head === "rules" && typeof index === "number" && location.path.length === 2) {
    return rulePathItems(text, slot.content, ctx);
  }
  if (head !== "population" || typeof index !== "number" || location.path.length !== 3) return [];
  if (member === "measure" || member === "partitionBy" || member === "budget") {
    return pathItems(slot, manifestScope(text, ctx));
  }
  if (member === "out") {
    const op: unknown = lenientManifestPopulation(text)[index];
    const id = isObject(op) && typeof op.id === "string" ? op.id : undefined;
    if (!id) return [];
    return [{ label: `pop.${id}`, kind: "population", insertText: `pop.${id}`, range: slot.content }];
  }
  return [];
}

function lenientManifestPopulation(text: string): unknown[] {
  const value: unknown = parse(text, [], { allowTrailingComma: true });
  return isObject(value) && Array.isArray(value.population) ? value.population : [];
}
