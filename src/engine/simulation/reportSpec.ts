import type { LocalizedText } from "../../base";
import type { PackContent, RuleFile } from "../pack";

/**
 * What a simulation report counts as cost, gates, classes and elimination: the manifest's (and the
 * built pack's) `x-report` member, documented in README.md "Simulation". Every path is a path into
 * the evaluation context (`out.<rule id>`, `pop.<name>`, or a record field such as `sales.net_ytd`).
 * When a pack has no `x-report`, {@link defaultReportSpec} derives one from output units and kinds.
 */
export interface ReportSpec {
  /** Record fields that describe a distributor and carry its sales and collections. */
  fields: ReportFields;
  /** The distribution tables, one per grouping path (region, tier, ABC class by default). */
  dimensions: ReportDimension[];
  /** Cost components; total cost is their sum (`sign: -1` for penalties the channel pays back). */
  components: CostComponent[];
  /** Eligibility gates, in funnel order. */
  gates: ReportGate[];
  /** Outputs whose values are counted per record (segments, actions, classes). */
  classes: string[];
  /** A record is eliminated when any of these outputs holds one of its values; the first decides. */
  elimination: EliminationRule[];
}

export interface ReportFields {
  name: string;
  region: string;
  tier: string;
  /** Net sales, the base of "cost as % of net sales". */
  sales: string;
  /** Cash collected in the period, the base of "cost as % of collections". */
  collections: string;
}

export interface ReportDimension {
  id: string;
  path: string;
  title?: LocalizedText;
}

export type CostBasis = "payable" | "accrued";

export interface CostComponent {
  output: string;
  basis: CostBasis;
  sign?: 1 | -1;
  title?: LocalizedText;
}

export type GateOp = "==" | "!=" | ">=" | ">" | "<=" | "<" | "in";

/**
 * A gate passes for a record when `path op value` holds; `value` may be a literal or a
 * `params.<name>` path, read from the run's parameters. `holds`: outputs whose sum over the records
 * failing the gate is the money the gate holds back (left out when it cannot be computed).
 */
export interface ReportGate {
  id: string;
  path: string;
  op: GateOp;
  value: unknown;
  holds?: string[];
  title?: LocalizedText;
}

export interface EliminationRule {
  output: string;
  values: unknown[];
}

const GATE_OPS: readonly GateOp[] = ["==", "!=", ">=", ">", "<=", "<", "in"];

export const DEFAULT_FIELDS: ReportFields = {
  name: "profile.name",
  region: "profile.sales_region",
  tier: "profile.program_tier",
  sales: "sales.net_ytd",
  collections: "ar.collected_period",
};

function ruleOf(content: PackContent, path: string): RuleFile | undefined {
  return path.startsWith("out.") ? content.rules.find((r) => `out.${r.id}` === path) : undefined;
}

/** The report a pack gets without `x-report`: money outputs of incentive rules are cost, and so on. */
export function defaultReportSpec(content: PackContent): ReportSpec {
  const components: CostComponent[] = content.rules
    .filter((r) => r.kind === "incentive" && r.output.unit === "CNY")
    .map((r) => ({ output: `out.${r.id}`, basis: "payable" as const }));
  const gates: ReportGate[] = content.rules
    .filter((r) => r.kind === "incentive" && r.output.type === "boolean")
    .map((r) => ({ id: r.id, path: `out.${r.id}`, op: "==" as const, value: true }));
  const classOps = content.population.filter((p) => p.op === "cumulative_share_class").map((p) => p.out);
  const classes = [
    ...classOps,
    ...content.rules.filter((r) => r.output.enum !== undefined).map((r) => `out.${r.id}`),
  ];
  const elimination: EliminationRule[] = content.rules
    .filter((r) => r.kind === "elimination")
    .flatMap((r): EliminationRule[] => {
      if (r.output.enum?.includes("eliminate")) return [{ output: `out.${r.id}`, values: ["eliminate"] }];
      if (r.output.type === "boolean" && r.id.includes("eliminate"))
        return [{ output: `out.${r.id}`, values: [true] }];
      return [];
    });
  const dimensions: ReportDimension[] = [
    { id: "region", path: DEFAULT_FIELDS.region },
    { id: "tier", path: DEFAULT_FIELDS.tier },
    ...(classOps[0] ? [{ id: "abc", path: classOps[0] }] : []),
  ];
  return { fields: { ...DEFAULT_FIELDS }, dimensions, components, gates, classes, elimination };
}

/** A problem with `x-report`, at a JSON pointer into it. */
export interface ReportSpecProblem {
  pointer: string;
  text: LocalizedText;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);
const isText = (v: unknown): v is LocalizedText =>
  isObject(v) && typeof v.en === "string" && typeof v["zh-CN"] === "string";

/**
 * Reads `x-report` over the default: members given replace the default's (a missing member keeps
 * it). Problems name the pointer; a bad entry is left out, never guessed.
 */
export function readReportSpec(
  content: PackContent,
  extension: unknown,
): { spec: ReportSpec; problems: ReportSpecProblem[] } {
  const spec = defaultReportSpec(content);
  const problems: ReportSpecProblem[] = [];
  if (extension === undefined) return { spec, problems };
  const fail = (pointer: string, en: string, zh: string) =>
    problems.push({ pointer: `/x-report${pointer}`, text: { en, "zh-CN": zh } });
  if (!isObject(extension)) {
    fail("", "x-report must be an object.", "x-report 必须是对象。");
    return { spec, problems };
  }
  const knownOutput = (path: string) => !path.startsWith("out.") || ruleOf(content, path) !== undefined;
  const knownPath = (path: unknown, pointer: string): path is string => {
    if (typeof path !== "string" || path === "") {
      fail(pointer, "Expected a path such as out.cash-rebate.", "应为路径,例如 out.cash-rebate。");
      return false;
    }
    if (!knownOutput(path)) {
      fail(pointer, `No rule of the pack produces ${path}.`, `规则包中没有规则产生 ${path}。`);
      return false;
    }
    return true;
  };
  const list = (key: string): unknown[] | undefined => {
    const value = extension[key];
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
      fail(`/${key}`, `${key} must be an array.`, `${key} 必须是数组。`);
      return undefined;
    }
    return value as unknown[];
  };
  if (extension.fields !== undefined) {
    if (!isObject(extension.fields)) fail("/fields", "fields must be an object.", "fields 必须是对象。");
    else
      for (const key of Object.keys(DEFAULT_FIELDS) as (keyof ReportFields)[]) {
        const value = extension.fields[key];
        if (value !== undefined && knownPath(value, `/fields/${key}`)) spec.fields[key] = value;
      }
  }
  const dims = list("dimensions");
  if (dims)
    spec.dimensions = dims.flatMap((d, i): ReportDimension[] => {
      if (!isObject(d) || typeof d.id !== "string" || !knownPath(d.path, `/dimensions/${i}/path`)) {
        if (!isObject(d) || typeof d.id !== "string")
          fail(`/dimensions/${i}`, "A dimension needs id and path.", "分布维度需要 id 和 path。");
        return [];
      }
      return [{ id: d.id, path: d.path, ...(isText(d.title) ? { title: d.title } : {}) }];
    });
  const comps = list("components");
  if (comps)
    spec.components = comps.flatMap((c, i): CostComponent[] => {
      if (!isObject(c) || !knownPath(c.output, `/components/${i}/output`)) return [];
      if (c.basis !== "payable" && c.basis !== "accrued") {
        fail(
          `/components/${i}/basis`,
          'basis must be "payable" or "accrued".',
          'basis 必须是 "payable" 或 "accrued"。',
        );
        return [];
      }
      const sign = c.sign === -1 ? -1 : 1;
      return [
        {
          output: c.output,
          basis: c.basis,
          ...(sign === -1 ? { sign } : {}),
          ...(isText(c.title) ? { title: c.title } : {}),
        },
      ];
    });
  const gates = list("gates");
  if (gates)
    spec.gates = gates.flatMap((g, i): ReportGate[] => {
      if (!isObject(g) || typeof g.id !== "string") {
        fail(`/gates/${i}`, "A gate needs id, path, op and value.", "门槛需要 id、path、op 和 value。");
        return [];
      }
      if (!knownPath(g.path, `/gates/${i}/path`)) return [];
      if (!GATE_OPS.includes(g.op as GateOp)) {
        fail(
          `/gates/${i}/op`,
          `op must be one of ${GATE_OPS.join(" ")}.`,
          `op 必须是 ${GATE_OPS.join(" ")} 之一。`,
        );
        return [];
      }
      if (g.op === "in" && !Array.isArray(g.value)) {
        fail(`/gates/${i}/value`, "in needs an array value.", "in 需要数组值。");
        return [];
      }
      if (typeof g.value === "string" && g.value.startsWith("params.")) {
        const name = g.value.slice("params.".length);
        if (!Object.prototype.hasOwnProperty.call(content.params, name)) {
          fail(`/gates/${i}/value`, `The pack has no parameter ${name}.`, `规则包没有参数 ${name}。`);
          return [];
        }
      }
      const holds = Array.isArray(g.holds)
        ? g.holds.filter((h, j): h is string => knownPath(h, `/gates/${i}/holds/${j}`))
        : undefined;
      return [
        {
          id: g.id,
          path: g.path,
          op: g.op as GateOp,
          value: g.value,
          ...(holds ? { holds } : {}),
          ...(isText(g.title) ? { title: g.title } : {}),
        },
      ];
    });
  const classes = list("classes");
  if (classes) spec.classes = classes.filter((c, i): c is string => knownPath(c, `/classes/${i}`));
  const elim = list("elimination");
  if (elim)
    spec.elimination = elim.flatMap((e, i): EliminationRule[] => {
      if (!isObject(e) || !knownPath(e.output, `/elimination/${i}/output`)) return [];
      if (!Array.isArray(e.values)) {
        fail(`/elimination/${i}/values`, "values must be an array.", "values 必须是数组。");
        return [];
      }
      return [{ output: e.output, values: e.values }];
    });
  return { spec, problems };
}

/** Whether a gate passes for a value, with `params.<name>` thresholds read from the run's params. */
export function gatePasses(gate: ReportGate, value: unknown, params: Record<string, unknown>): boolean {
  const threshold =
    typeof gate.value === "string" && gate.value.startsWith("params.")
      ? params[gate.value.slice("params.".length)]
      : gate.value;
  switch (gate.op) {
    case "==":
      return value === threshold;
    case "!=":
      return value !== threshold;
    case "in":
      return Array.isArray(threshold) && threshold.includes(value);
    default: {
      if (typeof value !== "number" || typeof threshold !== "number") return false;
      if (gate.op === ">=") return value >= threshold;
      if (gate.op === ">") return value > threshold;
      if (gate.op === "<=") return value <= threshold;
      return value < threshold;
    }
  }
}

/** Every path the report reads from a record or its results (the columns a run keeps). */
export function reportPaths(spec: ReportSpec): string[] {
  const paths = new Set<string>([
    ...(Object.values(spec.fields) as string[]),
    ...spec.dimensions.map((d) => d.path),
    ...spec.components.map((c) => c.output),
    ...spec.gates.flatMap((g) => [g.path, ...(g.holds ?? [])]),
    ...spec.classes,
    ...spec.elimination.map((e) => e.output),
  ]);
  return [...paths];
}
