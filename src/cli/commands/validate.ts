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
  type JsonSchemaLike,
  type Problem,
} from "../../engine";
import { expandPaths, readTextFile } from "../io/files";
import { formatProblem } from "../io/report";
import { ruleLoaderFor } from "../io/target";
import { loadDatasetSchema } from "./eval";

interface ValidateContext {
  datasetSchema?: JsonSchemaLike;
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
    return [
      ...logicProblems(rule, (pointer, code, message) => problemAt(file, code, pointer, message)),
      ...lintRule(rule, file, "", lint),
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
    return [...loaded.problems, ...preparePack(content, loaded.locate).problems, ...linted];
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
    return [...verified.problems, ...linted];
  }
  return [
    problemAt(file, "file/kind", "", {
      en: "Not a rule file, manifest or pack; name it *.rule.json, *.manifest.json or *.pack.json.",
    }),
  ];
}

/** `crw validate`: prints `file:line:col severity code message` for every problem found. */
export async function validateCommand(paths: string[], options: { schema?: string } = {}): Promise<number> {
  const files = await expandPaths(paths, /\.(rule|manifest|pack)\.json$/);
  const datasetSchema = (await loadDatasetSchema(options.schema)) as JsonSchemaLike | undefined;
  const context: ValidateContext = {
    ...(datasetSchema === undefined ? {} : { datasetSchema }),
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
