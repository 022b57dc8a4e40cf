import type { LocalizedText } from "../../../base";
import {
  logicSummary,
  packVocabulary,
  type PackContent,
  type ParamSpec,
  type Vocabulary,
} from "../../../engine";
import type { WorkspaceLists } from "../../../platform";

/**
 * The workspace's pack content for naming things: every rule, and the parameters and population
 * values of the manifests in the workspace's order (by id; the first to declare a parameter gives
 * its default), the same defaults the builder's cells show.
 */
export function workspaceContent(lists: WorkspaceLists): PackContent {
  const manifests = lists.manifests;
  const params: Record<string, ParamSpec> = {};
  const population: PackContent["population"] = [];
  const seen = new Set<string>();
  for (const m of manifests) {
    for (const [k, p] of Object.entries(m.manifest.params ?? {})) params[k] ??= p;
    for (const op of m.manifest.population ?? []) {
      if (seen.has(op.out)) continue;
      seen.add(op.out);
      population.push(op);
    }
  }
  return { params, population, rules: lists.rules.map((r) => r.rule) };
}

/** The labels of the workspace's paths over a dataset schema (the active dataset's). */
export function workspaceVocabulary(lists: WorkspaceLists, schema: unknown): Vocabulary {
  return packVocabulary(workspaceContent(lists), schema);
}

/** Every rule's summary (rule id → both languages), for the Explorer's hover. */
export function ruleSummaries(lists: WorkspaceLists, schema: unknown): Map<string, LocalizedText> {
  const content = workspaceContent(lists);
  const vocabulary = packVocabulary(content, schema);
  const summaries = new Map<string, LocalizedText>();
  for (const stored of lists.rules) {
    const unit = stored.rule.output?.unit;
    summaries.set(
      stored.id,
      logicSummary(stored.rule.logic, {
        vocabulary,
        params: content.params,
        ...(unit ? { unit } : {}),
      }),
    );
  }
  return summaries;
}

/** A summary shortened for a tooltip: whole up to `max` characters, else cut at a word with an ellipsis. */
export function shortSummary(text: string, max = 320): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.search(/[\s，；、]\S*$/);
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()} …`;
}
