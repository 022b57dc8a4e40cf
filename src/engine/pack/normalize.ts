import { err, ok, type Result } from "../../base";
import type { Problem } from "../problem";
import { parseJsonWithPosition } from "../source/jsonPosition";
import { cloneJson } from "./json";
import { problemAt, type SourceRef } from "./located";
import { declaredVersion, migrate, migrationChains } from "./migrations";
import type { Manifest, Pack, RuleFile } from "./model";
import { validateSchema, type FileKind } from "./schemaValidation";
import { checkManifestSemantics, checkPackSemantics, checkRuleSemantics } from "./semantics";

/** Parses JSON text; a syntax error becomes a Problem with the line and column where it happened. */
export function parseDocument(text: string, file?: string): Result<unknown, Problem[]> {
  const parsed = parseJsonWithPosition(text);
  if (parsed.ok) return ok(parsed.value);
  const { line, column, message } = parsed.error;
  return err([
    {
      code: "json/syntax",
      severity: "error",
      message: {
        en: `${message}; fix the JSON syntax here.`,
        "zh-CN": `JSON 语法错误（${message}），请在此处修正。`,
      },
      pointer: "",
      line,
      column,
      ...(file === undefined ? {} : { file }),
    },
  ]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The single way in for every format: version detection, the migration chain, the JSON Schema of the
 * current version, defaults, then checks a schema cannot express. The input is never modified.
 */
function normalize<T>(
  kind: FileKind,
  input: unknown,
  source: SourceRef | undefined,
  fill: (doc: Record<string, unknown>) => Record<string, unknown>,
  semantics: (doc: T, source: SourceRef | undefined) => Problem[],
): Result<T, Problem[]> {
  if (!isObject(input)) {
    return err([
      problemAt(source, "schema/type", "", {
        en: `A ${kind} file must hold a JSON object.`,
        "zh-CN": `${kind} 文件必须是一个 JSON 对象。`,
      }),
    ]);
  }
  const version = declaredVersion(kind, input);
  if (!version.ok) return err([problemAt(source, "format/version", "", version.error)]);
  const migrated = migrate(migrationChains[kind], input, version.value);
  if (!migrated.ok) return err([problemAt(source, "format/version", "", migrated.error)]);
  // Positions only map back to the text when no migration rewrote the document.
  const located = migrated.value.applied.length === 0 ? source : { ...source, text: undefined };
  const schemaProblems = validateSchema(kind, migrated.value.doc, located);
  if (schemaProblems.length > 0) return err(schemaProblems);
  const doc = fill(cloneJson(migrated.value.doc)) as T;
  const problems = semantics(doc, located);
  return problems.some((p) => p.severity === "error") ? err(problems) : ok(doc);
}

/** Normalises a rule file (`*.rule.json`) from any source: file, workbench import or CLI. */
export function normalizeRuleFile(input: unknown, source?: SourceRef): Result<RuleFile, Problem[]> {
  return normalize<RuleFile>(
    "rule",
    input,
    source,
    (d) => ({ ...d, tests: d.tests ?? [] }),
    (doc, src) => checkRuleSemantics(doc, src, ""),
  );
}

/** Normalises a pack manifest (`*.manifest.json`). */
export function normalizeManifest(input: unknown, source?: SourceRef): Result<Manifest, Problem[]> {
  return normalize<Manifest>(
    "manifest",
    input,
    source,
    (d) => ({ ...d, params: d.params ?? {}, population: d.population ?? [], changelog: d.changelog ?? [] }),
    checkManifestSemantics,
  );
}

/** Normalises a built pack. Integrity is checked separately, on the document as it was read. */
export function normalizePack(input: unknown, source?: SourceRef): Result<Pack, Problem[]> {
  return normalize<Pack>(
    "pack",
    input,
    source,
    (d) => ({
      ...d,
      rules: (d.rules as Record<string, unknown>[]).map((r) => ({ ...r, tests: r.tests ?? [] })),
    }),
    checkPackSemantics,
  );
}

/** Guesses a document's kind from its file name, then from its content. */
export function detectKind(file: string, doc?: unknown): FileKind | undefined {
  if (file.endsWith(".rule.json")) return "rule";
  if (file.endsWith(".manifest.json")) return "manifest";
  if (file.endsWith(".pack.json")) return "pack";
  if (!isObject(doc)) return undefined;
  if (doc.format === "channel-rule-pack") return "pack";
  if (Array.isArray(doc.rules) && typeof doc.name === "string") return "manifest";
  if ("logic" in doc && "output" in doc) return "rule";
  return undefined;
}
