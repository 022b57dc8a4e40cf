import { readPaths } from "../jsonlogic";
import { getPath, type PackContent, type RecordError, type RecordResult } from "../pack";
import { reportPaths, type ReportSpec } from "./reportSpec";

/**
 * A run's results, columnar: one array per output and per record field the report reads, in input
 * order. This is what a run keeps (the `runs` store) and what the report and comparison read; a
 * record's `crw eval` line is rebuilt from it exactly ({@link resultAt}).
 */
export interface RunTable {
  count: number;
  ids: unknown[];
  /** Member names of `out` and `pop`, in the order the pipeline wrote them. */
  outKeys: string[];
  popKeys: string[];
  /** `out.<id>` columns by rule id; `undefined` where a record has no such member. */
  out: Record<string, unknown[]>;
  pop: Record<string, unknown[]>;
  /** Record fields, by path (`profile.name`, `sales.net_ytd`, the inputs of elimination rules). */
  fields: Record<string, unknown[]>;
  /** Records with errors, by position. */
  errors: { index: number; errors: RecordError[] }[];
}

/** The record fields a run keeps for a report: the spec's and the elimination rules' inputs. */
export function tableFieldPaths(spec: ReportSpec, content: PackContent): string[] {
  const paths = new Set<string>();
  const add = (p: string) => {
    if (
      p &&
      !p.startsWith("out.") &&
      !p.startsWith("pop.") &&
      !p.startsWith("params.") &&
      !p.startsWith("ctx.")
    )
      paths.add(p);
  };
  reportPaths(spec).forEach(add);
  for (const e of spec.elimination) {
    const rule = content.rules.find((r) => `out.${r.id}` === e.output);
    if (rule) for (const read of readPaths(rule.logic)) if (!read.dynamic) add(read.path);
  }
  return [...paths];
}

/** Fills a {@link RunTable} chunk by chunk as results arrive with their records. */
export class RunTableBuilder {
  private readonly table: RunTable;
  private readonly outSeen = new Set<string>();
  private readonly popSeen = new Set<string>();

  constructor(private readonly fieldPaths: readonly string[]) {
    this.table = { count: 0, ids: [], outKeys: [], popKeys: [], out: {}, pop: {}, fields: {}, errors: [] };
    for (const p of fieldPaths) this.table.fields[p] = [];
  }

  private static put(
    target: Record<string, unknown[]>,
    keys: string[],
    seen: Set<string>,
    values: Record<string, unknown>,
    index: number,
  ): void {
    for (const key in values) {
      let column = target[key];
      if (column === undefined) {
        // A member first seen later: earlier records did not have it.
        column = target[key] = new Array<unknown>(index).fill(undefined);
        if (!seen.has(key)) {
          seen.add(key);
          keys.push(key);
        }
      }
      column[index] = values[key];
    }
  }

  /** `records[i]` is the record whose result is `results[i]` (or undefined for a rejected one). */
  add(records: readonly unknown[], results: readonly RecordResult[]): void {
    this.addFields(records);
    this.addResults(results);
  }

  /**
   * Keeps the report's fields of records as they are read, before the pipeline has their results
   * (a pack with population operators gives results only after the last record).
   */
  addFields(records: readonly unknown[]): void {
    for (const p of this.fieldPaths) {
      const column = this.table.fields[p]!;
      for (const record of records) column.push(getPath(record, p));
    }
  }

  /** Results in input order, after (or alongside) {@link addFields} of the same records. */
  addResults(results: readonly RecordResult[]): void {
    const t = this.table;
    for (const result of results) {
      const index = t.count++;
      t.ids.push(result.id);
      RunTableBuilder.put(t.out, t.outKeys, this.outSeen, result.out, index);
      RunTableBuilder.put(t.pop, t.popKeys, this.popSeen, result.pop, index);
      if (result.errors.length > 0) t.errors.push({ index, errors: result.errors });
    }
  }

  finish(): RunTable {
    const t = this.table;
    for (const column of [...Object.values(t.out), ...Object.values(t.pop)]) column.length = t.count;
    return t;
  }
}

/** A path's value for record `index`: `out.<id>`, `pop.<name>` or a kept record field. */
export function valueAt(table: RunTable, path: string, index: number): unknown {
  if (path.startsWith("out.")) return table.out[path.slice(4)]?.[index];
  if (path.startsWith("pop.")) return table.pop[path.slice(4)]?.[index];
  return table.fields[path]?.[index];
}

/** A whole column of a path (see {@link valueAt}); an empty array when the run does not have it. */
export function columnOf(table: RunTable, path: string): readonly unknown[] {
  if (path.startsWith("out.")) return table.out[path.slice(4)] ?? [];
  if (path.startsWith("pop.")) return table.pop[path.slice(4)] ?? [];
  return table.fields[path] ?? [];
}

/** Record `index`'s result as the pipeline gave it (members in the same order), for `crw eval` lines. */
export function resultAt(table: RunTable, index: number, errors?: RecordError[]): RecordResult {
  const out: Record<string, unknown> = {};
  const pop: Record<string, unknown> = {};
  for (const key of table.outKeys) {
    const v = table.out[key]![index];
    if (v !== undefined) out[key] = v;
  }
  for (const key of table.popKeys) {
    const v = table.pop[key]![index];
    if (v !== undefined) pop[key] = v;
  }
  return { id: table.ids[index], out, pop, errors: errors ?? [] };
}

/** Errors by record position, for rebuilding results in order. */
export function errorsByIndex(table: RunTable): Map<number, RecordError[]> {
  return new Map(table.errors.map((e) => [e.index, e.errors]));
}
