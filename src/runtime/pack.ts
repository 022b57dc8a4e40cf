import { declaredGuardrails, type Guardrail, type Pack, type PreparedPack } from "../engine";
import { Evaluation, runParams } from "./evaluation";
import { explainRule } from "./explain";
import { SummaryCollector } from "./summary";
import type {
  EvaluateOptions,
  Explanation,
  ExplainOptions,
  ParamInfo,
  ResultLine,
  ResultStream,
  RuleInfo,
  RunSummary,
  RuntimePack,
  SummarizeOptions,
} from "./types";

/** What the runtime tells about a declared parameter: its type, default and bounds. */
function paramInfo(spec: Pack["params"][string]): ParamInfo {
  const { title: _title, description: _description, ...info } = spec;
  return info;
}

/** What the runtime tells about a rule: id, kind, version, title and output. */
function ruleInfo(rule: Pack["rules"][number]): RuleInfo {
  return {
    id: rule.id,
    kind: rule.kind,
    version: rule.version,
    title: { ...rule.title },
    output: { ...rule.output },
  };
}

/** A verified pack with its compiled steps; see {@link RuntimePack}. */
export class LoadedPack implements RuntimePack {
  readonly name: string;
  readonly version: string;
  readonly integrity: string;
  readonly params: Readonly<Record<string, ParamInfo>>;
  readonly rules: readonly RuleInfo[];
  private readonly guardrails: readonly Guardrail[];

  constructor(
    pack: Pack,
    private readonly prepared: PreparedPack,
  ) {
    this.name = pack.name;
    this.version = pack.version;
    this.integrity = pack.integrity;
    this.params = Object.fromEntries(Object.entries(pack.params).map(([k, spec]) => [k, paramInfo(spec)]));
    const byId = new Map(pack.rules.map((rule) => [rule.id, rule]));
    this.guardrails = declaredGuardrails(pack);
    this.rules = prepared.steps.flatMap((s) => (s.kind === "rule" ? [ruleInfo(byId.get(s.node.id)!)] : []));
  }

  async evaluate(
    records: Iterable<unknown> | AsyncIterable<unknown>,
    options: EvaluateOptions = {},
  ): Promise<ResultLine[]> {
    const lines: ResultLine[] = [];
    for await (const line of this.evaluateStream(records, options)) lines.push(line);
    return lines;
  }

  evaluateStream(
    records: Iterable<unknown> | AsyncIterable<unknown>,
    options: EvaluateOptions = {},
  ): ResultStream {
    return new Evaluation(this.prepared, records, options, this.guardrails);
  }

  explain(record: unknown, ruleId: string, options: ExplainOptions = {}): Promise<Explanation> {
    const evaluateOne = async (one: unknown, o: ExplainOptions): Promise<ResultLine> => {
      const [line] = await this.evaluate([one], {
        ...(o.params === undefined ? {} : { params: o.params }),
        ...(o.asOf === undefined ? {} : { asOf: o.asOf }),
      });
      return line!;
    };
    return explainRule(this.prepared, evaluateOne, record, ruleId, options);
  }

  summarize(results: Iterable<ResultLine>, options: SummarizeOptions = {}): RunSummary {
    const collector = new SummaryCollector(this.prepared, this.guardrails);
    collector.checkGuardrails(runParams(this.prepared, options.params));
    for (const line of results) collector.add(line);
    return collector.summary();
  }
}
