import { resolve } from "node:path";
import {
  detectKind,
  loadManifest,
  loadRuleFile,
  logicProblems,
  parseDocument,
  preparePack,
  problemAt,
  verifyPack,
  type Problem,
} from "../../engine";
import { expandPaths, readTextFile } from "../io/files";
import { formatProblem } from "../io/report";
import { ruleLoaderFor } from "../io/target";

/** Every problem of one file (pack-format.md §7): schema, operators, and for manifests and packs the graph. */
async function problemsOf(path: string): Promise<Problem[]> {
  const file = await readTextFile(path);
  const parsed = parseDocument(file.text, file.file);
  if (!parsed.ok) return parsed.error;
  const kind = detectKind(path, parsed.value);
  if (kind === "rule") {
    const { rule, problems } = loadRuleFile(file);
    if (!rule) return problems;
    return logicProblems(rule, (pointer, code, message) => problemAt(file, code, pointer, message));
  }
  if (kind === "manifest") {
    const loaded = await loadManifest(file, ruleLoaderFor(resolve(path)));
    if (!loaded.content) return loaded.problems;
    return [...loaded.problems, ...preparePack(loaded.content, loaded.locate).problems];
  }
  if (kind === "pack") return (await verifyPack(file, { runTests: false })).problems;
  return [
    problemAt(file, "file/kind", "", {
      en: "Not a rule file, manifest or pack; name it *.rule.json, *.manifest.json or *.pack.json.",
    }),
  ];
}

/** `crw validate`: prints `file:line:col severity code message` for every problem found. */
export async function validateCommand(paths: string[]): Promise<number> {
  const files = await expandPaths(paths, /\.(rule|manifest|pack)\.json$/);
  let errors = 0;
  let warnings = 0;
  let unreadable = false;
  for (const path of files) {
    for (const problem of await problemsOf(path)) {
      process.stdout.write(formatProblem(problem) + "\n");
      if (problem.code === "json/syntax") unreadable = true;
      if (problem.severity === "error") errors++;
      else if (problem.severity === "warning") warnings++;
    }
  }
  process.stderr.write(`${files.length} file(s) checked: ${errors} error(s), ${warnings} warning(s)\n`);
  return unreadable ? 2 : errors > 0 ? 1 : 0;
}
