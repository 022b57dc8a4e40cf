import type { Manifest, ParamSpec, RuleFile } from "../../../engine";
import type { ContextFieldInfo, OutputInfo, ParamInfo, PopulationInfo } from "./types";

/** The run-wide `ctx` values every record sees (pack-format.md §3). */
export const contextFields: readonly ContextFieldInfo[] = [
  {
    name: "as_of",
    type: "string",
    label: { en: "Evaluation date (YYYY-MM-DD)", "zh-CN": "评估日期（YYYY-MM-DD）" },
  },
  {
    name: "eval_month",
    type: "integer",
    label: { en: "Evaluation month (1–12)", "zh-CN": "评估月份（1–12）" },
  },
];

/** A manifest as the workspace holds it: where it is and what it says. */
export interface ManifestSource {
  file: string;
  manifest: Manifest;
}

/** A rule file as the workspace holds it. */
export interface RuleSource {
  file: string;
  rule: RuleFile;
}

/** Resolves `relative` against the folder of `from`, both `/`-separated workspace paths. */
export function resolveRelative(from: string, relative: string): string {
  const parts = from.split("/").slice(0, -1);
  for (const segment of relative.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

/** The path of `to` relative to the folder of `from` (`../incentive/x.rule.json`). */
export function relativePath(from: string, to: string): string {
  const base = from.split("/").slice(0, -1);
  const target = to.split("/");
  let common = 0;
  while (common < base.length && common < target.length - 1 && base[common] === target[common]) common++;
  const ups = base.length - common;
  const rest = target.slice(common).join("/");
  return ups === 0 ? `./${rest}` : `${"../".repeat(ups)}${rest}`;
}

/** What a rule can read besides the record: from the manifests that include it. */
export interface RuleScope {
  params: ParamInfo[];
  outputs: OutputInfo[];
  population: PopulationInfo[];
  /** The manifests that include the rule, as `name@version`. */
  manifests: string[];
}

/** The files a manifest includes, resolved to workspace paths. */
export function manifestRuleFiles(source: ManifestSource): string[] {
  return source.manifest.rules.map((path) => resolveRelative(source.file, path));
}

/**
 * The parameters, other rules' outputs and population results visible to the rule in `ruleFile`:
 * the union over every manifest that lists it (a rule in no manifest sees none). Each entry says
 * which manifests provide it, since versions of a pack may differ.
 */
export function ruleScope(
  ruleFile: string,
  manifests: readonly ManifestSource[],
  rules: readonly RuleSource[],
): RuleScope {
  const including = manifests.filter((source) => manifestRuleFiles(source).includes(ruleFile));
  const self = rules.find((r) => r.file === ruleFile)?.rule.id;
  return packScope(including, rules, self);
}

/**
 * What the given manifests provide together: their parameters, the outputs of the rules they list
 * (but `exceptRule`) and their population results. A manifest's own population operators see this.
 */
export function packScope(
  manifests: readonly ManifestSource[],
  rules: readonly RuleSource[],
  exceptRule?: string,
): RuleScope {
  const byFile = new Map(rules.map((r) => [r.file, r.rule]));
  const params = new Map<string, ParamInfo>();
  const outputs = new Map<string, OutputInfo>();
  const population = new Map<string, PopulationInfo>();
  const tags: string[] = [];
  for (const source of manifests) {
    const { manifest } = source;
    const tag = `${manifest.name}@${manifest.version}`;
    tags.push(tag);
    for (const [name, spec] of Object.entries(manifest.params)) {
      const known = params.get(name);
      if (known) known.from.push(tag);
      else params.set(name, paramInfo(name, spec, tag));
    }
    for (const file of manifestRuleFiles(source)) {
      const rule = byFile.get(file);
      if (!rule || rule.id === exceptRule) continue;
      const known = outputs.get(rule.id);
      if (known) known.from.push(tag);
      else {
        const info: OutputInfo = { id: rule.id, title: rule.title, type: rule.output.type, from: [tag] };
        if (rule.output.unit !== undefined) info.unit = rule.output.unit;
        outputs.set(rule.id, info);
      }
    }
    for (const op of manifest.population) {
      const known = population.get(op.out);
      if (known) known.from.push(tag);
      else {
        const info: PopulationInfo = { path: op.out, op: op.op, measure: op.measure, from: [tag] };
        if (op.title) info.title = op.title;
        population.set(op.out, info);
      }
    }
  }
  return {
    params: [...params.values()],
    outputs: [...outputs.values()],
    population: [...population.values()],
    manifests: tags,
  };
}

function paramInfo(name: string, spec: ParamSpec, tag: string): ParamInfo {
  const info: ParamInfo = { name, type: spec.type, default: spec.default, from: [tag] };
  if (spec.title) info.title = spec.title;
  if (spec.unit !== undefined) info.unit = spec.unit;
  if (spec.min !== undefined) info.min = spec.min;
  if (spec.max !== undefined) info.max = spec.max;
  return info;
}
