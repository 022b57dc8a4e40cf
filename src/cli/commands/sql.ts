/**
 * `crw sql <target> --dialect duckdb|postgres`: the pack as one SQL statement with `crw eval`'s
 * results (README "SQL target"), or the refusals that stop it, located in the rule files.
 */
import {
  compilePackToSql,
  makeRunContext,
  type CompiledSql,
  type DialectName,
  type JsonSchemaLike,
  type NodeLocator,
  type PreparedPack,
  type Problem,
  type RunContext,
} from "../../engine";
import { CliError } from "../io/files";
import { formatError } from "../io/report";
import { loadTarget } from "../io/target";
import { loadDatasetSchema } from "./eval";
import { runParams } from "./params";

export interface SqlOptions {
  dialect: DialectName;
  table?: string;
  schema?: string;
  param?: Record<string, string>;
  asOf?: string;
  placeholders?: boolean;
  order?: string;
}

/** Whether any rule or operator reads `ctx` (then the date must be given). */
function readsContext(pack: PreparedPack): boolean {
  return pack.steps.some((s) => s.node.allReads.some((r) => r.path === "ctx" || r.path.startsWith("ctx.")));
}

/** Each refusal as a located problem (`sql/untranslatable`). */
export function refusalProblems(
  compiled: CompiledSql,
  locate: NodeLocator,
  dialect?: DialectName,
): Problem[] {
  return compiled.refusals.map((r) => {
    const what = r.node.kind === "rule" ? `rule ${r.id}` : `population operator ${r.id}`;
    const suffix = dialect ? ` (${dialect})` : "";
    return locate(r.node, r.pointer, "sql/untranslatable", {
      en: `No exact SQL translation for ${what}${suffix}: ${r.reason}.`,
      "zh-CN": `${what}${suffix} 无法精确翻译为 SQL：${r.reason}。`,
    });
  });
}

export async function sqlCommand(targetPath: string, options: SqlOptions): Promise<number> {
  if (options.dialect !== "duckdb" && options.dialect !== "postgres") {
    throw new CliError(`--dialect ${String(options.dialect)}: choose duckdb or postgres.`);
  }
  const target = await loadTarget(targetPath, options.param ?? {});
  const pack = target.prepared;
  const params = runParams(pack.content.params, options.param ?? {});
  let ctx: RunContext | undefined;
  if (options.asOf !== undefined) {
    const made = makeRunContext(options.asOf);
    if (!made.ok) throw new CliError(`--as-of: ${made.error.en}`);
    ctx = made.value;
  } else if (readsContext(pack)) {
    throw new CliError(
      `${target.file.file}: the pack reads ctx (ctx.as_of, ctx.eval_month); pass --as-of YYYY-MM-DD, the evaluation date the SQL is for.`,
    );
  }
  const schema = (await loadDatasetSchema(options.schema)) as JsonSchemaLike | undefined;
  const compiled = compilePackToSql(pack, {
    dialect: options.dialect,
    params,
    ...(schema === undefined ? {} : { schema }),
    ...(ctx ? { ctx } : {}),
    ...(options.table === undefined ? {} : { table: options.table }),
    ...(options.placeholders ? { placeholders: true } : {}),
    ...(options.order === undefined ? {} : { order: options.order }),
  });
  if (compiled.sql === undefined) {
    for (const problem of refusalProblems(compiled, target.locate)) {
      process.stderr.write(formatError(problem) + "\n");
    }
    process.stderr.write(
      `crw sql: ${compiled.refusals.length} construct(s) have no exact SQL translation; nothing was written.` +
        (schema === undefined ? " Most translations need the dataset's types: pass --schema." : "") +
        "\n",
    );
    return 1;
  }
  process.stdout.write(compiled.sql + ";\n");
  if (compiled.parameters.length > 0) {
    const list = compiled.parameters.map(
      (p, i) => `$${i + 1} = params.${p.name} (${JSON.stringify(p.value)})`,
    );
    process.stderr.write(`crw sql: bind ${list.join(", ")}\n`);
  }
  process.stderr.write(
    `crw sql: ${pack.steps.length} steps as ${options.dialect} SQL; columns ${compiled.columns.join(", ")}\n`,
  );
  return 0;
}
