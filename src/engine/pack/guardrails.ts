/**
 * Guardrails (`x-guardrails` in a manifest, copied into the built pack): checks over a whole run that a
 * policy must pass before anyone announces it, such as "the cash paid stays within the budget" or "no
 * eliminated distributor is paid". They read the results only (`id`, `out`, `pop`) and the run's
 * `params`, never the record's inputs, so a stored run can be re-checked without recomputing.
 *
 * Kinds (pack-format extension, documented in README.md "Guardrails"):
 * - `total`: the exact decimal sum of one or more numeric paths (`out.<id>` / `pop.<name>`) against
 *   `max` and/or `min`, each a number or a `params.<name>` path;
 * - `none`: no record for which the JsonLogic condition `where` is truthy;
 * - `share` / `count`: the share (0…1) / number of records for which `where` holds, against `max`
 *   and/or `min`.
 */
import type { LocalizedText } from "../../base";
import { compile, readPaths, truthy } from "../jsonlogic";
import { DecimalSum } from "./decimalSum";
import type { PackContent } from "./model";
import { getPath, pathReader } from "./paths";

/** A bound: a number, or the path of a numeric parameter (`params.rebate_budget`). */
export type GuardrailBound = number | string;

interface GuardrailBase {
  /** Unique among the pack's guardrails. */
  id: string;
  title?: LocalizedText;
  description?: LocalizedText;
}

export interface TotalGuardrail extends GuardrailBase {
  kind: "total";
  /** The numeric path, or paths added together, whose total over the run is checked. */
  of: string | string[];
  max?: GuardrailBound;
  min?: GuardrailBound;
}

export interface NoneGuardrail extends GuardrailBase {
  kind: "none";
  /** JsonLogic over `{ id, out, pop, params }`: a record for which it is truthy fails the guardrail. */
  where: unknown;
}

export interface ShareGuardrail extends GuardrailBase {
  kind: "share" | "count";
  where: unknown;
  max?: GuardrailBound;
  min?: GuardrailBound;
}

/** One guardrail as declared in `x-guardrails`. */
export type Guardrail = TotalGuardrail | NoneGuardrail | ShareGuardrail;

/** The manifest or pack member holding the guardrails. */
export const GUARDRAILS_KEY = "x-guardrails";

/** A result a guardrail reads: what a `crw eval` line holds. */
export interface GuardrailLine {
  id?: unknown;
  out: Record<string, unknown>;
  pop: Record<string, unknown>;
}

/** A record a failed guardrail names, with the values it read from that record. */
export interface OffendingRecord {
  id: unknown;
  values: Record<string, unknown>;
}

/** What one guardrail found over a run. */
export interface GuardrailResult {
  id: string;
  kind: Guardrail["kind"];
  title?: LocalizedText;
  passed: boolean;
  /**
   * `total`: the exact decimal sum; `share`: the share of records as a decimal (`0.0267`);
   * `count` and `none`: the number of records matching `where`.
   */
  actual: string;
  /** The bounds as resolved for this run (decimal strings), and the parameter each came from. */
  max?: { value: string; param?: string };
  min?: { value: string; param?: string };
  /** Records read (all results, including those with errors). */
  records: number;
  /** Records where `where` matched (share, count, none) or whose value added to the total. */
  matched: number;
  /**
   * Records named as the cause when the guardrail failed: those matching `where`, or for a total
   * the largest contributors (above `max`) or nothing (below `min`). At most {@link OFFENDING_LIMIT}.
   */
  offending: OffendingRecord[];
  /** How many records were offending in all (the list is cut at {@link OFFENDING_LIMIT}). */
  offendingCount: number;
  /** Records for which `where` could not be evaluated (counted as not matching). */
  errors: number;
  /** One sentence saying what was checked and what was found. */
  message: LocalizedText;
}

/** Offending records listed per guardrail. */
export const OFFENDING_LIMIT = 100;
/** Largest contributors listed for a total over its maximum. */
const CONTRIBUTOR_LIMIT = 10;

/** A problem with the declaration, at a JSON pointer inside the manifest or pack. */
export interface GuardrailProblem {
  pointer: string;
  code: "guardrail/invalid";
  message: LocalizedText;
}

function produced(content: PackContent): Map<string, "number" | "other"> {
  const paths = new Map<string, "number" | "other">();
  for (const rule of content.rules) {
    const numeric = rule.output.type === "number" || rule.output.type === "integer";
    paths.set(`out.${rule.id}`, numeric ? "number" : "other");
  }
  for (const op of content.population) {
    paths.set(op.out, op.op === "cumulative_share_class" ? "other" : "number");
  }
  return paths;
}

/**
 * Checks the guardrails' references against the pack: paths that name a produced numeric value,
 * bounds that name numeric parameters, `where` logic the engine accepts, unique ids. The shape itself
 * is the JSON Schema's (manifest.v1.schema.json `#/definitions/guardrails`).
 */
export function guardrailProblems(
  guardrails: readonly Guardrail[],
  content: PackContent,
): GuardrailProblem[] {
  const problems: GuardrailProblem[] = [];
  const paths = produced(content);
  const seen = new Set<string>();
  const at = (i: number, key: string) => `/${GUARDRAILS_KEY}/${i}/${key}`;
  const problem = (pointer: string, en: string, zh: string) =>
    problems.push({ pointer, code: "guardrail/invalid", message: { en, "zh-CN": zh } });
  guardrails.forEach((g, i) => {
    if (seen.has(g.id))
      problem(at(i, "id"), `Guardrail id "${g.id}" is used twice.`, `护栏 id "${g.id}" 重复。`);
    seen.add(g.id);
    const checkBound = (key: "max" | "min") => {
      const bound = (g as { max?: GuardrailBound; min?: GuardrailBound })[key];
      if (typeof bound !== "string") return;
      const name = bound.startsWith("params.") ? bound.slice("params.".length) : undefined;
      const spec = name === undefined ? undefined : content.params[name];
      if (!spec || (spec.type !== "number" && spec.type !== "integer"))
        problem(
          at(i, key),
          `Guardrail "${g.id}": ${key} "${bound}" is not a numeric parameter of the pack (params.<name>).`,
          `护栏 "${g.id}"：${key} "${bound}" 不是规则包的数值参数（params.<名称>）。`,
        );
    };
    if (g.kind === "total") {
      const list = typeof g.of === "string" ? [g.of] : g.of;
      list.forEach((path, j) => {
        if (paths.get(path) !== "number")
          problem(
            typeof g.of === "string" ? at(i, "of") : `${at(i, "of")}/${j}`,
            `Guardrail "${g.id}": "${path}" is not a numeric output of the pack (out.<rule id> or pop.<name>).`,
            `护栏 "${g.id}"："${path}" 不是规则包的数值输出（out.<规则 id> 或 pop.<名称>）。`,
          );
      });
    } else {
      try {
        compile(g.where, { codegen: false });
      } catch (error) {
        problem(
          at(i, "where"),
          `Guardrail "${g.id}": where is not valid JsonLogic (${(error as Error).message}).`,
          `护栏 "${g.id}"：where 不是有效的 JsonLogic（${(error as Error).message}）。`,
        );
      }
      for (const read of readPaths(g.where)) {
        const head = read.path.split(".")[0];
        if (read.dynamic || !["id", "out", "pop", "params"].includes(head ?? ""))
          problem(
            at(i, "where"),
            `Guardrail "${g.id}": where reads "${read.path}"; guardrails read only id, out.*, pop.* and params.*.`,
            `护栏 "${g.id}"：where 读取了 "${read.path}"；护栏只能读取 id、out.*、pop.* 与 params.*。`,
          );
      }
    }
    if (g.kind !== "none") {
      checkBound("max");
      checkBound("min");
      if (g.max === undefined && g.min === undefined)
        problem(at(i, "kind"), `Guardrail "${g.id}" needs max or min.`, `护栏 "${g.id}" 需要 max 或 min。`);
    }
  });
  return problems;
}

/** The guardrails a manifest or pack declares (already schema-valid), or none. */
export function declaredGuardrails(document: object): Guardrail[] {
  const value = (document as Record<string, unknown>)[GUARDRAILS_KEY];
  return Array.isArray(value) ? (value as Guardrail[]) : [];
}

/** Compares two decimal strings exactly: negative, zero or positive as a < b, a = b, a > b. */
export function compareDecimal(a: string, b: string): number {
  const parse = (s: string): [bigint, number] => {
    const negative = s.startsWith("-");
    const [whole = "0", fraction = ""] = s.replace(/^-/, "").split(".");
    const units = BigInt(whole + fraction);
    return [negative ? -units : units, fraction.length];
  };
  const [ua, sa] = parse(a);
  const [ub, sb] = parse(b);
  const scale = Math.max(sa, sb);
  const x = ua * 10n ** BigInt(scale - sa);
  const y = ub * 10n ** BigInt(scale - sb);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A number's exact decimal reading (15 significant digits), as DecimalSum reads it. */
export function decimalText(x: number): string {
  const sum = new DecimalSum();
  sum.add(x);
  return sum.format();
}

interface Bound {
  value: string;
  param?: string;
}

function resolveBound(bound: GuardrailBound | undefined, params: Record<string, unknown>): Bound | undefined {
  if (bound === undefined) return undefined;
  if (typeof bound === "number") return { value: decimalText(bound) };
  const value = getPath({ params }, bound);
  return typeof value === "number" && Number.isFinite(value)
    ? { value: decimalText(value), param: bound }
    : { value: "NaN", param: bound };
}

function boundText(b: Bound): string {
  return b.param ? `${b.value} (${b.param})` : b.value;
}

/** Whether `actual` is within the bounds; a bound that did not resolve to a number fails. */
function withinBounds(actual: string, max?: Bound, min?: Bound): boolean {
  if (max && (max.value === "NaN" || compareDecimal(actual, max.value) > 0)) return false;
  if (min && (min.value === "NaN" || compareDecimal(actual, min.value) < 0)) return false;
  return true;
}

function boundsSentence(max?: Bound, min?: Bound): LocalizedText {
  const en = [max && `at most ${boundText(max)}`, min && `at least ${boundText(min)}`].filter(Boolean);
  const zh = [max && `不超过 ${boundText(max)}`, min && `不低于 ${boundText(min)}`].filter(Boolean);
  return { en: en.join(" and "), "zh-CN": zh.join("且") };
}

/** Checks one guardrail as results arrive. */
interface Check {
  add(line: GuardrailLine, context: Record<string, unknown>): void;
  result(records: number): GuardrailResult;
}

function totalCheck(g: TotalGuardrail, params: Record<string, unknown>): Check {
  const paths = typeof g.of === "string" ? [g.of] : g.of;
  const readers = paths.map((p) => pathReader(p));
  const sum = new DecimalSum(2);
  let matched = 0;
  // The largest contributors, kept sorted descending and cut at CONTRIBUTOR_LIMIT.
  const top: { id: unknown; value: number; values: Record<string, unknown> }[] = [];
  const max = resolveBound(g.max, params);
  const min = resolveBound(g.min, params);
  return {
    add(_line, context) {
      let value = 0;
      let any = false;
      const values: Record<string, unknown> = {};
      readers.forEach((read, i) => {
        const v = read(context);
        values[paths[i]!] = v ?? null;
        if (typeof v === "number" && Number.isFinite(v)) {
          sum.add(v);
          value += v;
          any = true;
        }
      });
      if (!any) return;
      matched++;
      if (top.length < CONTRIBUTOR_LIMIT || value > top[top.length - 1]!.value) {
        const at = top.findIndex((t) => value > t.value);
        top.splice(at === -1 ? top.length : at, 0, { id: context.id ?? null, value, values });
        if (top.length > CONTRIBUTOR_LIMIT) top.pop();
      }
    },
    result(records) {
      const actual = sum.format();
      const passed = withinBounds(actual, max, min);
      const over =
        max !== undefined && !passed && max.value !== "NaN" && compareDecimal(actual, max.value) > 0;
      const offending = over ? top.filter((t) => t.value > 0).map(({ id, values }) => ({ id, values })) : [];
      const bounds = boundsSentence(max, min);
      const of = paths.join(" + ");
      return {
        id: g.id,
        kind: g.kind,
        ...(g.title ? { title: g.title } : {}),
        passed,
        actual,
        ...(max ? { max } : {}),
        ...(min ? { min } : {}),
        records,
        matched,
        offending,
        offendingCount: offending.length,
        errors: 0,
        message: {
          en: `Total of ${of} is ${actual}; it must be ${bounds.en}${passed ? "" : ": failed"}.`,
          "zh-CN": `${of} 合计 ${actual}，应${bounds["zh-CN"]}${passed ? "" : "：未通过"}。`,
        },
      };
    },
  };
}

function whereCheck(g: NoneGuardrail | ShareGuardrail, params: Record<string, unknown>): Check {
  const test = compile(g.where, { codegen: false });
  const reads = [...new Set(readPaths(g.where).map((r) => r.path))].filter((p) => !p.startsWith("params."));
  const readers = reads.map((p) => pathReader(p));
  const offending: OffendingRecord[] = [];
  let matched = 0;
  let errors = 0;
  const max = g.kind === "none" ? { value: "0" } : resolveBound(g.max, params);
  const min = g.kind === "none" ? undefined : resolveBound(g.min, params);
  return {
    add(_line, context) {
      let hit: boolean;
      try {
        hit = truthy(test(context));
      } catch {
        errors++;
        return;
      }
      if (!hit) return;
      matched++;
      if (offending.length < OFFENDING_LIMIT) {
        const values: Record<string, unknown> = {};
        readers.forEach((read, i) => (values[reads[i]!] = read(context) ?? null));
        offending.push({ id: context.id ?? null, values });
      }
    },
    result(records) {
      const share = g.kind === "share";
      const actual = share ? shareText(matched, records) : String(matched);
      // A share is compared exactly: matched / records against the bound, as matched against bound × records.
      const passed = share ? shareWithin(matched, records, max, min) : withinBounds(actual, max, min);
      const listed = passed ? [] : offending;
      const bounds = boundsSentence(max, min);
      const pct = share ? `${(records === 0 ? 0 : (100 * matched) / records).toFixed(1)} %` : "";
      const message: LocalizedText =
        g.kind === "none"
          ? {
              en: passed
                ? `No record matches the condition (${records} checked).`
                : `${matched} of ${records} records match the condition; none may.`,
              "zh-CN": passed
                ? `没有记录满足该条件（共检查 ${records} 条）。`
                : `${records} 条记录中有 ${matched} 条满足该条件；应为 0 条。`,
            }
          : share
            ? {
                en: `${matched} of ${records} records (${pct}) match; the share must be ${bounds.en}${passed ? "" : ": failed"}.`,
                "zh-CN": `${records} 条记录中 ${matched} 条（${pct}）满足条件；占比应${bounds["zh-CN"]}${passed ? "" : "：未通过"}。`,
              }
            : {
                en: `${matched} of ${records} records match; the count must be ${bounds.en}${passed ? "" : ": failed"}.`,
                "zh-CN": `${records} 条记录中 ${matched} 条满足条件；数量应${bounds["zh-CN"]}${passed ? "" : "：未通过"}。`,
              };
      return {
        id: g.id,
        kind: g.kind,
        ...(g.title ? { title: g.title } : {}),
        passed,
        actual,
        ...(g.kind !== "none" && max ? { max } : {}),
        ...(min ? { min } : {}),
        records,
        matched,
        offending: listed,
        offendingCount: passed ? 0 : matched,
        errors,
        message,
      };
    },
  };
}

/** matched / records to 4 decimals (0 for an empty run). */
function shareText(matched: number, records: number): string {
  if (records === 0) return "0";
  return decimalText(Math.round((matched / records) * 1e4) / 1e4);
}

function shareWithin(matched: number, records: number, max?: Bound, min?: Bound): boolean {
  // matched / records against a bound b, exactly: matched × 10^scale against b's digits × records.
  const cmp = (b: Bound) => {
    const negative = b.value.startsWith("-");
    const [whole = "0", fraction = ""] = b.value.replace(/^-/, "").split(".");
    const units = BigInt(whole + fraction) * BigInt(records) * (negative ? -1n : 1n);
    const m = BigInt(matched) * 10n ** BigInt(fraction.length);
    return m < units ? -1 : m > units ? 1 : 0;
  };
  if (max && (max.value === "NaN" || cmp(max) > 0)) return false;
  if (min && (min.value === "NaN" || cmp(min) < 0)) return false;
  return true;
}

/**
 * Evaluates guardrails over results as they arrive, in constant memory (the offending lists are
 * bounded), so `crw eval` can check a stream and the workbench a stored run.
 */
export class GuardrailCollector {
  private readonly checks: Check[];
  private records = 0;

  /**
   * @param guardrails schema-valid declarations whose references {@link guardrailProblems} accepted
   * @param params the run's resolved parameters (bounds such as `params.rebate_budget` read them)
   */
  constructor(
    guardrails: readonly Guardrail[],
    private readonly params: Record<string, unknown>,
  ) {
    this.checks = guardrails.map((g) => (g.kind === "total" ? totalCheck(g, params) : whereCheck(g, params)));
  }

  add(line: GuardrailLine): void {
    this.records++;
    if (this.checks.length === 0) return;
    const context = { id: line.id ?? null, out: line.out, pop: line.pop, params: this.params };
    for (const check of this.checks) check.add(line, context);
  }

  results(): GuardrailResult[] {
    return this.checks.map((c) => c.result(this.records));
  }
}

/** Evaluates guardrails over a whole set of results at once. */
export function evaluateGuardrails(
  guardrails: readonly Guardrail[],
  results: Iterable<GuardrailLine>,
  params: Record<string, unknown>,
): GuardrailResult[] {
  const collector = new GuardrailCollector(guardrails, params);
  for (const line of results) collector.add(line);
  return collector.results();
}
