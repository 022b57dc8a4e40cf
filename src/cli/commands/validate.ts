import { resolve } from "node:path";
import {
  detectKind,
  lintRule,
  loadManifest,
  loadRuleFile,
  logicProblems,
  parseDocument,
  preparePack,
  problemAt,
  verifyPack,
  compilePackToSql,
  makeRunContext,
  resolveParams,
  type DialectName,
  type JsonSchemaLike,
  type NodeLocator,
  type PreparedPack,
  type Problem,
} from "../../engine";
import { expandPaths, readTextFile } from "../io/files";
import { formatProblem } from "../io/report";
import { packLocator, ruleLoaderFor } from "../io/target";
import { loadDatasetSchema } from "./eval";
import { refusalProblems } from "./sql";

interface ValidateContext {
  datasetSchema?: JsonSchemaLike;
  /** `--target sql`: also report what the SQL compiler refuses. */
  target?: "sql";
  /** Rule files linted already (absolute paths): a manifest does not lint them a second time. */
  ruleFiles: Set<string>;
}

/**
 * Every problem of one file (pack-format.md §7): schema, operators, the lint of each rule's logic,
 * and for manifests and packs the graph.
 */
async function problemsOf(path: string, context: ValidateContext): Promise<Problem[]> {
  const file = await readTextFile(path);
  const parsed = parseDocument(file.text, file.file);
  if (!parsed.ok) return parsed.error;
  const kind = detectKind(path, parsed.value);
  const lint = { ...(context.datasetSchema ? { datasetSchema: context.datasetSchema } : {}) };
  if (kind === "rule") {
    const { rule, problems } = loadRuleFile(file);
    if (!rule) return problems;
    const locate: NodeLocator = (_n, pointer, code, message, severity) =>
      problemAt(file, code, pointer, message, severity);
    // The one-rule pack `crw sql` compiles for a rule file (no --param: no declared parameters).
    const prepared =
      context.target === "sql"
        ? preparePack({ params: {}, population: [], rules: [rule] }, locate)
        : undefined;
    return [
      ...logicProblems(rule, (pointer, code, message) => problemAt(file, code, pointer, message)),
      ...lintRule(rule, file, "", lint),
      ...(prepared?.pack ? sqlProblems(prepared.pack, locate, context) : []),
    ];
  }
  if (kind === "manifest") {
    const loaded = await loadManifest(file, ruleLoaderFor(resolve(path)));
    const content = loaded.content;
    if (!content) return loaded.problems;
    // Linted with the manifest's parameter declarations (bounds guard divisions), once per rule file.
    const linted = content.rules.flatMap((rule, i) => {
      const source = loaded.ruleSources[i];
      if (!source || context.ruleFiles.has(resolve(source.file))) return [];
      context.ruleFiles.add(resolve(source.file));
      return lintRule(rule, source, "", {
        ...lint,
        params: content.params,
        population: content.population,
        rules: content.rules,
      });
    });
    const prepared = preparePack(content, loaded.locate);
    const sql =
      prepared.pack && context.target === "sql" ? sqlProblems(prepared.pack, loaded.locate, context) : [];
    return [...loaded.problems, ...prepared.problems, ...linted, ...sql];
  }
  if (kind === "pack") {
    const verified = await verifyPack(file, { runTests: false });
    const pack = verified.pack;
    const linted = pack
      ? pack.rules.flatMap((rule, i) =>
          lintRule(rule, file, `/rules/${i}`, {
            ...lint,
            params: pack.params,
            population: pack.population,
            rules: pack.rules,
          }),
        )
      : [];
    const sql =
      verified.prepared && context.target === "sql"
        ? sqlProblems(verified.prepared, packLocator(file), context)
        : [];
    return [...verified.problems, ...linted, ...sql];
  }
  return [
    problemAt(file, "file/kind", "", {
      en: "Not a rule file, manifest or pack; name it *.rule.json, *.manifest.json or *.pack.json.",
    }),
  ];
}

/**
 * What `crw sql` would refuse, for each dialect: with the default parameters and any date (ctx values
 * do not change what translates). A refusal of both dialects is reported once.
 */
function sqlProblems(pack: PreparedPack, locate: NodeLocator, context: ValidateContext): Problem[] {
  const params = resolveParams(pack.content.params);
  const ctx = makeRunContext("2000-01-01");
  if (!params.ok || !ctx.ok) return [];
  const compiled = (["duckdb", "postgres"] as DialectName[]).map((dialect) => ({
    dialect,
    result: compilePackToSql(pack, {
      dialect,
      params: params.value,
      ctx: ctx.value,
      ...(context.datasetSchema ? { schema: context.datasetSchema } : {}),
    }),
  }));
  const key = (r: { id: string; pointer: string; reason: string }) => `${r.id} ${r.pointer} ${r.reason}`;
  const [duck, pg] = compiled;
  const inPg = new Set(pg!.result.refusals.map(key));
  const inDuck = new Set(duck!.result.refusals.map(key));
  const both = { ...duck!.result, refusals: duck!.result.refusals.filter((r) => inPg.has(key(r))) };
  const onlyDuck = { ...duck!.result, refusals: duck!.result.refusals.filter((r) => !inPg.has(key(r))) };
  const onlyPg = { ...pg!.result, refusals: pg!.result.refusals.filter((r) => !inDuck.has(key(r))) };
  return [
    ...refusalProblems(both, locate),
    ...refusalProblems(onlyDuck, locate, "duckdb"),
    ...refusalProblems(onlyPg, locate, "postgres"),
  ];
}

/** `crw validate`: prints `file:line:col severity code message` for every problem found. */
export async function validateCommand(
  paths: string[],
  options: { schema?: string; target?: "sql" } = {},
): Promise<number> {
  const files = await expandPaths(paths, /\.(rule|manifest|pack)\.json$/);
  const datasetSchema = (await loadDatasetSchema(options.schema)) as JsonSchemaLike | undefined;
  const context: ValidateContext = {
    ...(datasetSchema === undefined ? {} : { datasetSchema }),
    ...(options.target ? { target: options.target } : {}),
    ruleFiles: new Set(files.filter((f) => f.endsWith(".rule.json")).map((f) => resolve(f))),
  };
  let errors = 0;
  let warnings = 0;
  let unreadable = false;
  for (const path of files) {
    for (const problem of await problemsOf(path, context)) {
      process.stdout.write(formatProblem(problem) + "\n");
      if (problem.code === "json/syntax") unreadable = true;
      if (problem.severity === "error") errors++;
      else if (problem.severity === "warning") warnings++;
    }
  }
  process.stderr.write(`${files.length} file(s) checked: ${errors} error(s), ${warnings} warning(s)\n`);
  return unreadable ? 2 : errors > 0 ? 1 : 0;
}
