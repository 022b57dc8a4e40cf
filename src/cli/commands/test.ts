import { resolve } from "node:path";
import {
  detectKind,
  loadManifest,
  loadPack,
  loadRuleFile,
  parseDocument,
  runRuleTests,
  type FileTestOutcome,
  type Problem,
} from "../../engine";
import { expandPaths, readTextFile } from "../io/files";
import { positionOf, where } from "../io/report";
import { printProblems, ruleLoaderFor } from "../io/target";

interface Collected {
  outcomes: FileTestOutcome[];
  problems: Problem[];
}

/** The tests of one file, whatever kind it is. */
async function testsOf(path: string): Promise<Collected> {
  const file = await readTextFile(path);
  const parsed = parseDocument(file.text, file.file);
  if (!parsed.ok) return { outcomes: [], problems: parsed.error };
  const kind = detectKind(path, parsed.value);
  if (kind === "rule") {
    const { rule, problems } = loadRuleFile(file);
    if (!rule) return { outcomes: [], problems };
    return {
      outcomes: runRuleTests(rule).map((t) => ({ ...t, file: file.file, text: file.text })),
      problems,
    };
  }
  if (kind === "manifest") {
    const loaded = await loadManifest(file, ruleLoaderFor(resolve(path)));
    const outcomes = (loaded.content?.rules ?? []).flatMap((rule, i) => {
      const source = loaded.ruleSources[i]!;
      return runRuleTests(rule).map((t) => ({ ...t, file: source.file, text: source.text }));
    });
    return { outcomes, problems: loaded.problems };
  }
  if (kind === "pack") {
    const loaded = loadPack(file);
    const outcomes = (loaded.pack?.rules ?? []).flatMap((rule, i) =>
      runRuleTests(rule).map((t) => ({
        ...t,
        pointer: `/rules/${i}${t.pointer}`,
        file: file.file,
        text: file.text,
      })),
    );
    return { outcomes, problems: loaded.problems };
  }
  return {
    outcomes: [],
    problems: [
      {
        code: "file/kind",
        severity: "error",
        file: file.file,
        pointer: "",
        message: {
          en: "not a rule file, manifest or pack; name it *.rule.json, *.manifest.json or *.pack.json.",
        },
      },
    ],
  };
}

/** Prints one failed test as `file:line:col: rule <id> test "<name>": <why>`. */
export function printFailure(t: FileTestOutcome): void {
  const { line, column } = positionOf(t.text, t.pointer);
  process.stderr.write(
    `${where(t.file, line, column)}: rule ${t.rule} test "${t.test}" failed: ${t.message?.en ?? ""}\n`,
  );
}

/** `crw test`: runs the embedded tests of rule files, directories, manifests and packs. */
export async function testCommand(paths: string[]): Promise<number> {
  const files = await expandPaths(paths, /\.rule\.json$/);
  let passed = 0;
  let failed = 0;
  let unreadable = false;
  for (const path of files) {
    const { outcomes, problems } = await testsOf(path);
    printProblems(problems);
    if (problems.some((p) => p.code === "json/syntax")) unreadable = true;
    // A file that cannot be loaded counts as one failure so the summary never looks clean.
    if (problems.some((p) => p.severity === "error")) failed++;
    for (const outcome of outcomes) {
      if (outcome.passed) passed++;
      else {
        failed++;
        printFailure(outcome);
      }
    }
  }
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return unreadable ? 2 : failed > 0 ? 1 : 0;
}
