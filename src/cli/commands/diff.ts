import {
  ImpactCollector,
  diffPacks,
  runPack,
  type NumberStats,
  type OutputImpact,
  type PackDiff,
} from "../../engine";
import { resolveRunDate, runDateNote } from "../io/asOf";
import { CliError } from "../io/files";
import { readRecords } from "../io/records";
import { loadTarget, type Target } from "../io/target";
import { loadDatasetSchema } from "./eval";
import { runParams } from "./params";

function listLines(diff: PackDiff): string[] {
  const lines: string[] = [];
  const list = (label: string, items: string[]) => {
    if (items.length > 0) lines.push(`${label}: ${items.join(", ")}`);
  };
  list("rules added", diff.rules.added);
  list("rules removed", diff.rules.removed);
  for (const c of diff.rules.changed) lines.push(`rule changed: ${c.id} (${c.parts.join(", ")})`);
  list("params added", diff.params.added);
  list("params removed", diff.params.removed);
  list("params changed", diff.params.changed);
  list("population added", diff.population.added);
  list("population removed", diff.population.removed);
  for (const c of diff.population.changed) lines.push(`population changed: ${c.id} (${c.parts.join(", ")})`);
  if (diff.orderChanged) lines.push("evaluation order changed");
  return lines;
}

/** 1234567.5 → "1,234,567.5": thousands separators on the whole part of a decimal string. */
function grouped(decimal: string): string {
  const [whole = "", fraction] = decimal.split(".");
  const text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? text : `${text}.${fraction}`;
}

/** A statistic shown to six significant digits: enough to compare, free of float noise. */
function shown(value: number): string {
  return grouped(String(Number(value.toPrecision(6))));
}

function statsPart(name: keyof NumberStats, old?: NumberStats, now?: NumberStats): string {
  const side = (s?: NumberStats) => (s ? shown(s[name]) : "–");
  return `${name} ${side(old)} → ${side(now)}`;
}

/**
 * One impact line: numeric rule outputs as exact totals with the output's decimals; string and
 * boolean outputs as records per value; numeric population values as min/mean/max.
 */
function impactLine(i: OutputImpact): string {
  const changed = `${grouped(String(i.changed))} changed`;
  switch (i.kind) {
    case "total": {
      const side = (total?: string) => (total === undefined ? "–" : grouped(total));
      return `${i.output}: total ${side(i.oldTotal)} → ${side(i.newTotal)}, ${changed}`;
    }
    case "counts": {
      const counts = i.counts.map((c) => `${c.value} ${grouped(String(c.old))} → ${grouped(String(c.new))}`);
      return `${i.output}: ${[...counts, changed].join(", ")}`;
    }
    case "stats": {
      const parts = (["min", "mean", "max"] as const).map((n) => statsPart(n, i.old, i.new));
      return `${i.output}: ${parts.join(", ")}, ${changed}`;
    }
  }
}

async function impact(
  oldT: Target,
  newT: Target,
  data: string,
  schemaPath: string | undefined,
  asOf: string | undefined,
) {
  const schema = await loadDatasetSchema(schemaPath);
  const collector = new ImpactCollector(oldT.prepared.content.rules, newT.prepared.content.rules);
  // Each side reads the data itself, so a large JSONL file streams twice instead of being held; the
  // first read decides the date (from --as-of or the records) and both sides run with it.
  const date = await resolveRunDate(asOf, readRecords(data, schema));
  for (const [target, records, add] of [
    [oldT, date.records, (r: Parameters<ImpactCollector["addOld"]>[0]) => collector.addOld(r)],
    [newT, readRecords(data, schema), (r: Parameters<ImpactCollector["addNew"]>[0]) => collector.addNew(r)],
  ] as const) {
    const params = runParams(target.prepared.content.params, {});
    for await (const chunk of runPack(target.prepared, records, {
      params,
      ctx: date.ctx,
      reuseRecords: true,
    }))
      add(chunk);
  }
  return { impacts: collector.summary(), note: runDateNote("crw pack diff", date) };
}

/** `crw pack diff`: what changed between two versions, whether the bump fits, and the impact on data. */
export async function packDiffCommand(
  oldPath: string,
  newPath: string,
  options: { data?: string; schema?: string; asOf?: string },
): Promise<number> {
  const [oldT, newT] = [await loadTarget(oldPath), await loadTarget(newPath)];
  if (!oldT.side || !newT.side)
    throw new CliError("crw pack diff compares manifests or packs, not single rule files.");
  const diff = diffPacks(oldT.side, newT.side);
  const out = (s: string) => process.stdout.write(s + "\n");
  out(`${oldT.side.name} ${oldT.side.version} → ${newT.side.name} ${newT.side.version}`);
  for (const l of listLines(diff)) out(l);
  if (diff.identical) out("content identical");
  const { required, actual, fits } = diff.bump;
  out(`version bump: ${actual}; changes need at least ${required}: ${fits ? "fits" : "does NOT fit"}`);
  for (const e of diff.errors) process.stderr.write(`${newT.file.file}:1:1: error: ${e.en}\n`);
  if (options.data) {
    out("impact (old → new, records changed):");
    const { impacts, note } = await impact(oldT, newT, options.data, options.schema, options.asOf);
    for (const i of impacts) out(`  ${impactLine(i)}`);
    if (note !== undefined) process.stderr.write(`${note}\n`);
  }
  return diff.identical && diff.errors.length === 0 ? 0 : 1;
}
