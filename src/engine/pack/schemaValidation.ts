import type { ErrorObject, ValidateFunction } from "ajv";
import type { LocalizedText } from "../../base";
import type { Problem } from "../problem";
import { locatePointer } from "../source/jsonPosition";
import ruleSchema from "./schemas/rule.v1.schema.json";
import manifestSchema from "./schemas/manifest.v1.schema.json";
import packSchema from "./schemas/pack.v1.schema.json";
import * as standalone from "./schemas/validators.generated.js";

/** The three file kinds of the pack format, each with one JSON Schema per version. */
export type FileKind = "rule" | "manifest" | "pack";

/** The JSON Schemas of the current format version, for editors (Monaco) and other tools. */
export const schemas = { rule: ruleSchema, manifest: manifestSchema, pack: packSchema } as const;

/** Schema ids; files may name them in `$schema`. */
export const schemaIds: Record<FileKind, string> = {
  rule: ruleSchema.$id,
  manifest: manifestSchema.$id,
  pack: packSchema.$id,
};

// Validators are compiled ahead of time (Ajv standalone, `npm run validators`): compiling at run time
// needs `new Function`, which the workbench's Content-Security-Policy forbids in the tab.
const validators: Record<FileKind, ValidateFunction> = {
  rule: standalone.rule,
  manifest: standalone.manifest,
  pack: standalone.pack,
};

/**
 * Validates a document against the current schema of its kind. Every error becomes a Problem with a
 * JSON pointer and, when the source text is given, the line and column of the offending value.
 */
export function validateSchema(
  kind: FileKind,
  doc: unknown,
  source?: { file?: string; text?: string },
): Problem[] {
  const validate = validators[kind];
  if (validate(doc)) return [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    // `if` failures only restate the `then`/`else` errors reported next to them.
    if (error.keyword === "if") continue;
    const pointer = pointerOf(error);
    const message = describe(error);
    const key = `${pointer}\u0000${message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const position = source?.text === undefined ? undefined : locatePointer(source.text, pointer);
    problems.push({
      code: "schema/" + error.keyword,
      severity: "error",
      message,
      pointer,
      ...(source?.file === undefined ? {} : { file: source.file }),
      ...(position ?? {}),
    });
  }
  return problems;
}

function escapeSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Points at the member that is wrong rather than at its parent where Ajv knows which member. */
function pointerOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "additionalProperties" && typeof params.additionalProperty === "string") {
    return `${error.instancePath}/${escapeSegment(params.additionalProperty)}`;
  }
  return error.instancePath;
}

function where(error: ErrorObject): string {
  return error.instancePath === "" ? "the document" : `"${error.instancePath}"`;
}

function describe(error: ErrorObject): LocalizedText {
  const p = error.params as Record<string, unknown>;
  const at = where(error);
  const atZh = error.instancePath === "" ? "文档" : `"${error.instancePath}"`;
  switch (error.keyword) {
    case "required":
      return {
        en: `${at} is missing the required member "${String(p.missingProperty)}"; add it.`,
        "zh-CN": `${atZh} 缺少必填成员 "${String(p.missingProperty)}"，请补上。`,
      };
    case "additionalProperties":
      return {
        en: `Unknown member "${String(p.additionalProperty)}" in ${at}; remove it, fix its spelling, or prefix an extension with "x-".`,
        "zh-CN": `${atZh} 中有未知成员 "${String(p.additionalProperty)}"：请删除、改正拼写，或以 "x-" 开头作为扩展。`,
      };
    case "type":
      return {
        en: `${at} must be of type ${String(p.type)}.`,
        "zh-CN": `${atZh} 的类型必须是 ${String(p.type)}。`,
      };
    case "enum": {
      const allowed = (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ");
      return { en: `${at} must be one of ${allowed}.`, "zh-CN": `${atZh} 必须是以下之一：${allowed}。` };
    }
    case "const":
      return {
        en: `${at} must be ${JSON.stringify(p.allowedValue)}.`,
        "zh-CN": `${atZh} 必须是 ${JSON.stringify(p.allowedValue)}。`,
      };
    case "pattern":
      return {
        en: `${at} does not match the required pattern ${String(p.pattern)}.`,
        "zh-CN": `${atZh} 不符合格式要求 ${String(p.pattern)}。`,
      };
    case "not":
      return {
        en: `${at} has a member that this kind of entry does not take; remove it.`,
        "zh-CN": `${atZh} 含有此类条目不接受的成员，请删除。`,
      };
    default: {
      const en = `${at} ${error.message ?? "is invalid"}.`;
      return { en, "zh-CN": `${atZh} 无效：${error.message ?? ""}` };
    }
  }
}
