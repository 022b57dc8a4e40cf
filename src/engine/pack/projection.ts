import type { PreparedStep } from "./prepare";

/** A tree of the record paths later steps read; `true` marks a value kept whole. */
export type PathTree = Map<string, PathTree | true>;

/**
 * Which record fields the steps after the first population operator read, so held records keep only
 * those (plus `id`). `undefined` means "keep everything": some step reads the whole context or a
 * computed path, which cannot be known before evaluation.
 */
export function neededFields(steps: readonly PreparedStep[]): PathTree | undefined {
  const tree: PathTree = new Map([["id", true]]);
  for (const step of steps) {
    for (const read of step.node.allReads) {
      if (read.path === "") return undefined;
      const segments = read.path.split(".");
      if (["params", "ctx", "pop", "out"].includes(segments[0]!)) continue;
      let node = tree;
      segments.forEach((segment, i) => {
        const existing = node.get(segment);
        if (existing === true) return;
        if (i === segments.length - 1) {
          node.set(segment, true);
          return;
        }
        const child: PathTree = existing ?? new Map<string, PathTree | true>();
        node.set(segment, child);
        node = child;
      });
    }
  }
  return tree;
}

/** Copies the parts of `value` the tree names; arrays are kept whole so element reads stay exact. */
export function project(value: Record<string, unknown>, tree: PathTree): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, sub] of tree) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const item = value[key];
    copy[key] =
      sub === true || typeof item !== "object" || item === null || Array.isArray(item)
        ? item
        : project(item as Record<string, unknown>, sub);
  }
  return copy;
}

/** {@link project} compiled once for a tree, for projecting every held record. */
export function projector(tree: PathTree): (value: Record<string, unknown>) => Record<string, unknown> {
  const entries = [...tree].map(([key, sub]) => ({ key, sub: sub === true ? undefined : projector(sub) }));
  return (value) => {
    const copy: Record<string, unknown> = {};
    for (const { key, sub } of entries) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      const item = value[key];
      copy[key] =
        sub === undefined || typeof item !== "object" || item === null || Array.isArray(item)
          ? item
          : sub(item as Record<string, unknown>);
    }
    return copy;
  };
}
