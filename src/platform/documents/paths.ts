import type { RuleKind } from "../../engine";

/** The folder part of a `/`-separated repository path (`rules/incentive`). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

/** Resolves `relative` against the folder of `from`, both `/`-separated repository paths. */
export function resolvePath(from: string, relative: string): string {
  const parts = folderOf(from).split("/").filter(Boolean);
  for (const segment of relative.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

/** The path from the folder of `from` to `to`, as manifests name their rules (`../incentive/x.rule.json`). */
export function relativePath(from: string, to: string): string {
  const base = folderOf(from).split("/").filter(Boolean);
  const target = to.split("/").filter(Boolean);
  let common = 0;
  while (common < base.length && common < target.length - 1 && base[common] === target[common]) common++;
  const up = base.slice(common).map(() => "..");
  const rest = target.slice(common);
  return [...up, ...rest].join("/");
}

/** Where a new rule of this kind is filed, as the shipped library does. */
export function ruleFileFor(kind: RuleKind, id: string): string {
  return `rules/${kind}/${id}.rule.json`;
}

/** Where a new manifest is filed. */
export function manifestFileFor(name: string, version: string): string {
  return `rules/manifests/${name}-${version}.manifest.json`;
}

/** A rule's file after a rename: same folder, new id. */
export function renamedRuleFile(file: string, id: string): string {
  const folder = folderOf(file);
  return folder === "" ? `${id}.rule.json` : `${folder}/${id}.rule.json`;
}
