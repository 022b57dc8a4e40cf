import {
  loadManifest,
  locatePointer,
  logicProblems,
  planPack,
  type LoadedFile,
  type Problem,
  type RuleLoader,
} from "../../../engine";
import { lenientManifest } from "./manifestCompletions";
import { resolveRelative } from "./scope";

/**
 * Moves problems found in a manifest's rule files onto the manifest's `rules` entry of that file, with
 * the file named in the message, so the manifest editor marks the right line (a cycle through
 * `volume-rebate` underlines `"../incentive/volume-rebate.rule.json"`). Problems of the manifest
 * itself keep their place; problems of files the manifest does not list are left out.
 */
export function relocateToManifest(problems: readonly Problem[], manifest: LoadedFile): Problem[] {
  const entries = lenientManifest(manifest.text).rules.map((path) => resolveRelative(manifest.file, path));
  return problems.flatMap((problem): Problem[] => {
    if (problem.file === undefined || problem.file === manifest.file) return [problem];
    const index = entries.indexOf(problem.file);
    if (index === -1) return [];
    const pointer = `/rules/${index}`;
    const where =
      problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
    const moved: Problem = {
      code: problem.code,
      severity: problem.severity,
      message: {
        en: `${where}: ${problem.message.en}`,
        "zh-CN": `${where}：${problem.message["zh-CN"] ?? problem.message.en}`,
      },
      file: manifest.file,
      pointer,
      ...(locatePointer(manifest.text, pointer) ?? {}),
    };
    return [moved];
  });
}

/**
 * Every problem of a manifest as its editor shows it: the manifest's own (syntax, schema, semantics,
 * unreadable rule files), those of the rule files it lists, and the pack-level ones of the
 * dependency graph (cycles, reads of unknown `out.`/`pop.` paths or parameters, duplicate ids and
 * producers), all located in the manifest's text by {@link relocateToManifest}.
 */
export async function validateManifestText(manifest: LoadedFile, loadRule: RuleLoader): Promise<Problem[]> {
  const loaded = await loadManifest(manifest, loadRule);
  const problems = [...loaded.problems];
  const { content, locate } = loaded;
  if (content) {
    // What preparing the pack would report, without compiling: compiling asks for `new Function`,
    // which the app's CSP refuses (and reports) before falling back to closures.
    content.rules.forEach((rule, index) =>
      problems.push(...logicProblems(rule, (p, c, m) => locate({ kind: "rule", index }, p, c, m))),
    );
    problems.push(...planPack(content, locate).problems);
  }
  return relocateToManifest(problems, manifest);
}
