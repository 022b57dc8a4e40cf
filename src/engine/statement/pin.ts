/**
 * "Pin record as test": a record's evaluation context cut down to what a rule reads (the engine's
 * read paths), with the rule's current output as the expected value, as a new embedded test.
 */
import { readPaths } from "../jsonlogic";
import type { RuleFile, RuleTest } from "../pack/model";
import { getPath } from "../pack/paths";

/** A deep copy of JSON-like data (records are JSON). */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * The part of `context` that `logic` reads: every statically known path set at its place (whole
 * arrays and objects where the logic reads them whole). When a read is computed (`{"var": {...}}`)
 * or reads the whole context, the whole record is kept, since what it reads cannot be known.
 */
export function readSubset(logic: unknown, context: Record<string, unknown>): Record<string, unknown> {
  const reads = readPaths(logic);
  if (reads.some((r) => r.dynamic || r.path === "")) return copy(context);
  const subset: Record<string, unknown> = {};
  for (const { path } of reads) {
    const value = getPath(context, path);
    if (value === undefined) continue;
    const segments = path.split(".");
    let target = subset;
    for (const segment of segments.slice(0, -1)) {
      const next = target[segment];
      if (typeof next !== "object" || next === null || Array.isArray(next)) target[segment] = {};
      target = target[segment] as Record<string, unknown>;
    }
    target[segments[segments.length - 1]!] = copy(value);
  }
  return subset;
}

/** A test name not yet used in the rule: `base`, else `base (2)`, `base (3)` … */
export function freeTestName(rule: Pick<RuleFile, "tests">, base: string): string {
  const used = new Set(rule.tests.map((t) => t.name));
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base} (${i})`)) return `${base} (${i})`;
}

/** The pinned test: the read subset of the record's context and the rule's output for it. */
export function pinnedTest(
  rule: Pick<RuleFile, "logic" | "tests">,
  context: Record<string, unknown>,
  value: unknown,
  name: string,
): RuleTest {
  return { name: freeTestName(rule, name), data: readSubset(rule.logic, context), expect: value };
}
