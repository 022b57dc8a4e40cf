import { dirname, resolve } from "node:path";
import {
  declaredGuardrails,
  detectKind,
  loadManifest,
  loadRuleFile,
  parseDocument,
  preparePack,
  problemAt,
  verifyPack,
  type LoadedFile,
  type DiffSide,
  type Guardrail,
  type Pack,
  type PackContent,
  type ParamSpec,
  type PreparedPack,
  type Problem,
  type RuleLoader,
  type NodeLocator,
} from "../../engine";
import { CliError, readTextFile } from "./files";
import { formatError } from "./report";

/** A rule, manifest or pack loaded and prepared for evaluation. */
export interface Target {
  kind: "rule" | "manifest" | "pack";
  file: LoadedFile;
  prepared: PreparedPack;
  /** The built pack, when the target is one. */
  pack?: Pack;
  /** Name, version and content, for `crw pack diff` (manifests and packs only). */
  side?: DiffSide;
  /** Locates a finding about a rule or population operator in its source file. */
  locate: NodeLocator;
  /** The manifest's or pack's `x-guardrails`, checked by `crw eval` after the run. */
  guardrails: Guardrail[];
}

/** Loads rule files named in a manifest, relative to the manifest's folder. */
export function ruleLoaderFor(manifestPath: string): RuleLoader {
  return async (path) => {
    try {
      return await readTextFile(resolve(dirname(manifestPath), path));
    } catch (error) {
      return { error: (error as Error).message.replace(/^.*?: /, "") };
    }
  };
}

/** Prints problems to stderr in `file:line:col: message` form. */
export function printProblems(problems: readonly Problem[]): void {
  for (const problem of problems) process.stderr.write(formatError(problem) + "\n");
}

function refuse(problems: Problem[], exitCode: 1 | 2 = 2): never {
  printProblems(problems);
  const errors = problems.filter((p) => p.severity === "error").length;
  throw new CliError(`${errors} error(s); nothing was evaluated.`, exitCode);
}

/** The type a `--param` value given to a single rule file is read as. */
export function inferParamSpec(text: string): ParamSpec {
  if (text === "true" || text === "false") return { type: "boolean", default: text === "true" };
  const n = Number(text);
  if (text.trim() !== "" && Number.isFinite(n)) return { type: "number", default: n };
  return { type: "string", default: text };
}

/**
 * Loads what `crw eval` and `crw pack diff` run: a rule file (its parameters come from `--param`), a
 * manifest (validated, not tested), or a built pack (schema and integrity checked).
 */
export async function loadTarget(path: string, paramTexts: Record<string, string> = {}): Promise<Target> {
  const file = await readTextFile(path);
  const parsed = parseDocument(file.text, file.file);
  if (!parsed.ok) refuse(parsed.error);
  const kind = detectKind(path, parsed.value);
  if (kind === "rule") {
    const { rule, problems } = loadRuleFile(file);
    if (!rule) refuse(problems);
    const params = Object.fromEntries(Object.entries(paramTexts).map(([k, v]) => [k, inferParamSpec(v)]));
    const content: PackContent = { params, population: [], rules: [rule] };
    const locate: NodeLocator = (_n, pointer, code, message, severity) =>
      problemAt(file, code, pointer, message, severity);
    const prepared = preparePack(content, locate);
    if (!prepared.pack) refuse(prepared.problems);
    return { kind, file, prepared: prepared.pack, locate, guardrails: [] };
  }
  if (kind === "manifest") {
    const loaded = await loadManifest(file, ruleLoaderFor(path));
    if (!loaded.content) refuse(loaded.problems);
    const prepared = preparePack(loaded.content, loaded.locate);
    if (!prepared.pack) refuse(prepared.problems);
    const { manifest } = loaded;
    const side: DiffSide = {
      ...manifest!,
      ...loaded.content,
      order: prepared.pack.steps.map((s) => s.node.id),
    };
    return {
      kind,
      file,
      prepared: prepared.pack,
      side,
      locate: loaded.locate,
      guardrails: declaredGuardrails(manifest!),
    };
  }
  if (kind === "pack") {
    const verified = await verifyPack(file, { runTests: false });
    if (!verified.pack || !verified.prepared || verified.problems.some((p) => p.severity === "error")) {
      refuse(verified.problems);
    }
    const locate: NodeLocator = (node, pointer, code, message, severity) =>
      problemAt(
        file,
        code,
        `/${node.kind === "rule" ? "rules" : "population"}/${node.index}${pointer}`,
        message,
        severity,
      );
    return {
      kind,
      file,
      prepared: verified.prepared,
      pack: verified.pack,
      side: verified.pack,
      locate,
      guardrails: declaredGuardrails(verified.pack),
    };
  }
  throw new CliError(
    `${file.file}:1:1: cannot tell whether this is a rule file, a manifest or a pack; name it *.rule.json, *.manifest.json or *.pack.json.`,
  );
}
