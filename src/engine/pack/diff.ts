import type { LocalizedText } from "../../base";
import { jsonEqual } from "./json";
import type { PackContent, RuleFile } from "./model";

/** What a diff compares: a built pack, or a manifest with its rules resolved. */
export interface DiffSide extends PackContent {
  name: string;
  version: string;
  order?: string[];
}

export type Bump = "major" | "minor" | "patch" | "none";
type Change = { id: string; parts: string[] };

/** The differences between two versions of a pack (`crw pack diff`). */
export interface PackDiff {
  rules: { added: string[]; removed: string[]; changed: Change[] };
  params: { added: string[]; removed: string[]; changed: string[] };
  population: { added: string[]; removed: string[]; changed: Change[] };
  orderChanged: boolean;
  /** Content equal apart from `createdAt`, `integrity` and `order`. */
  identical: boolean;
  /** The bump the changes call for, the bump the versions show, and whether the latter is enough. */
  bump: { required: Bump; actual: Bump | "downgrade"; fits: boolean };
  /** Same name and version with different content: a released version changed (an error). */
  errors: LocalizedText[];
}

const rank: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function ruleParts(a: RuleFile, b: RuleFile): string[] {
  const parts: string[] = [];
  if (!jsonEqual(a.logic, b.logic)) parts.push("logic");
  if (!jsonEqual(a.output, b.output)) parts.push("output");
  if (!jsonEqual(a.tests, b.tests)) parts.push("tests");
  if (a.kind !== b.kind) parts.push("kind");
  if (a.version !== b.version) parts.push("version");
  if (!jsonEqual(a.title, b.title) || !jsonEqual(a.description, b.description)) parts.push("text");
  const ext = (r: RuleFile) => Object.entries(r).filter(([k]) => k.startsWith("x-"));
  if (!jsonEqual(Object.fromEntries(ext(a)), Object.fromEntries(ext(b)))) parts.push("extensions");
  return parts;
}

function parseSemver(v: string): [number, number, number] {
  const [core = ""] = v.split(/[-+]/);
  const [major = 0, minor = 0, patch = 0] = core.split(".").map(Number);
  return [major, minor, patch];
}

/** The bump from one version to the next: the first component that grew, or a downgrade. */
export function versionBump(from: string, to: string): Bump | "downgrade" {
  const a = parseSemver(from);
  const b = parseSemver(to);
  for (let i = 0; i < 3; i++) {
    if (b[i]! > a[i]!) return (["major", "minor", "patch"] as const)[i]!;
    if (b[i]! < a[i]!) return "downgrade";
  }
  return "none";
}

/** The members that make up a version's content; the rest is build metadata. */
function strip(side: DiffSide): Record<string, unknown> {
  const { createdAt: _c, integrity: _i, order: _o, ...rest } = side as DiffSide & Record<string, unknown>;
  return rest;
}

/**
 * Compares two versions of a pack. The required bump: removing a rule, operator or parameter, or
 * changing an output's type, enum or unit, or a parameter's type, is major (consumers break); adding
 * or changing logic, operators, parameter defaults or bounds is minor (results change); text, tests
 * and metadata alone are patch.
 */
export function diffPacks(oldSide: DiffSide, newSide: DiffSide): PackDiff {
  let required: Bump = "none";
  const need = (bump: Bump) => {
    if (rank[bump] > rank[required]) required = bump;
  };
  const oldRules = byId(oldSide.rules);
  const newRules = byId(newSide.rules);
  const rules = { added: [] as string[], removed: [] as string[], changed: [] as Change[] };
  for (const [id, rule] of newRules) {
    const before = oldRules.get(id);
    if (!before) {
      rules.added.push(id);
      need("minor");
      continue;
    }
    const parts = ruleParts(before, rule);
    if (parts.length === 0) continue;
    rules.changed.push({ id, parts });
    const o = before.output;
    const n = rule.output;
    if (o.type !== n.type || !jsonEqual(o.enum, n.enum) || o.unit !== n.unit) need("major");
    else if (parts.includes("logic") || parts.includes("output") || parts.includes("kind")) need("minor");
    else need("patch");
  }
  for (const id of oldRules.keys()) if (!newRules.has(id)) rules.removed.push(id);
  if (rules.removed.length > 0) need("major");

  const params = { added: [] as string[], removed: [] as string[], changed: [] as string[] };
  for (const [name, spec] of Object.entries(newSide.params)) {
    const before = oldSide.params[name];
    if (!before) {
      params.added.push(name);
      need("minor");
    } else if (!jsonEqual(before, spec)) {
      params.changed.push(name);
      need(before.type !== spec.type ? "major" : "minor");
    }
  }
  for (const name of Object.keys(oldSide.params)) if (!(name in newSide.params)) params.removed.push(name);
  if (params.removed.length > 0) need("major");

  const oldOps = byId(oldSide.population);
  const newOps = byId(newSide.population);
  const population = { added: [] as string[], removed: [] as string[], changed: [] as Change[] };
  for (const [id, op] of newOps) {
    const before = oldOps.get(id);
    if (!before) {
      population.added.push(id);
      need("minor");
    } else if (!jsonEqual(before, op)) {
      const keys = [...new Set([...Object.keys(before), ...Object.keys(op)])];
      const parts = keys.filter((k) => !jsonEqual((before as never)[k], (op as never)[k]));
      population.changed.push({ id, parts });
      need(before.out !== op.out ? "major" : "minor");
    }
  }
  for (const id of oldOps.keys()) if (!newOps.has(id)) population.removed.push(id);
  if (population.removed.length > 0) need("major");

  const identical = jsonEqual(strip(oldSide), strip(newSide));
  if (!identical) need("patch");
  const actual = versionBump(oldSide.version, newSide.version);
  const errors: LocalizedText[] = [];
  if (!identical && oldSide.name === newSide.name && oldSide.version === newSide.version) {
    errors.push({
      en: `${newSide.name} ${newSide.version} exists with different content; a released version is immutable, so bump the version.`,
      "zh-CN": `${newSide.name} ${newSide.version} 已存在且内容不同；已发布版本不可更改，请提升版本号。`,
    });
  }
  const fits = actual !== "downgrade" && rank[actual] >= rank[required] && (identical || actual !== "none");
  const orderChanged = !jsonEqual(oldSide.order, newSide.order);
  return { rules, params, population, orderChanged, identical, bump: { required, actual, fits }, errors };
}
