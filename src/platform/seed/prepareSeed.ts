import type { LocalizedText } from "../../base";
import {
  detectKind,
  normalizeManifest,
  normalizeRuleFile,
  parseDocument,
  problemAt,
  recordProblem,
  type Problem,
} from "../../engine";
import type { DatasetMeta, StoredManifest, StoredRule } from "../storage/records";

/** A file shipped with the app, named by its path in the repository (`rules/loyalty/x.rule.json`). */
export interface SeedFile {
  path: string;
  text: string;
}

/** Everything the first start loads: rule files, pack manifests and sample datasets. */
export interface SeedBundle {
  /** Rule files (`*.rule.json`) and pack manifests (`*.manifest.json`). */
  documents: SeedFile[];
  /** Sample datasets: a JSON array of records and, optionally, the JSON Schema of one record. */
  datasets: { data: SeedFile; schema?: SeedFile }[];
}

/** What a seed bundle parses to: documents ready to store, and every problem found on the way. */
export interface SeedPlan {
  rules: StoredRule[];
  manifests: StoredManifest[];
  datasets: { meta: Omit<DatasetMeta, "rowCount">; records: unknown[] }[];
  problems: Problem[];
}

/** Records reported one by one before the rest of a dataset's refusals are summed up in one problem. */
const MAX_RECORD_PROBLEMS = 20;

/** Resolves `relative` against the folder of `from`, both `/`-separated repository paths. */
function resolvePath(from: string, relative: string): string {
  const parts = from.split("/").slice(0, -1);
  for (const segment of relative.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

function baseName(path: string): string {
  return (path.split("/").pop() ?? path).replace(/\.jsonl?$/, "");
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The title a dataset schema gives one record: `title` is English, `x-title-zh-CN` Chinese. */
function schemaTitle(schema: Record<string, unknown>): LocalizedText | undefined {
  const en = schema.title;
  const zh = schema["x-title-zh-CN"];
  if (typeof en !== "string") return undefined;
  return typeof zh === "string" ? { en, "zh-CN": zh } : { en };
}

function prepareDocuments(documents: readonly SeedFile[], at: string, plan: SeedPlan): void {
  const manifestFiles: { source: SeedFile; manifest: StoredManifest }[] = [];
  const ruleIds = new Set<string>();
  const manifestIds = new Set<string>();
  for (const source of documents) {
    const file = { file: source.path, text: source.text };
    const parsed = parseDocument(source.text, source.path);
    if (!parsed.ok) {
      plan.problems.push(...parsed.error);
      continue;
    }
    const kind = detectKind(source.path, parsed.value);
    if (kind === "rule") {
      const normalized = normalizeRuleFile(parsed.value, file);
      if (!normalized.ok) {
        plan.problems.push(...normalized.error);
      } else if (ruleIds.has(normalized.value.id)) {
        plan.problems.push(
          problemAt(file, "seed/duplicate-id", "/id", {
            en: `Another rule file already has the id "${normalized.value.id}"; this one was not loaded.`,
            "zh-CN": `已有规则文件使用编号 "${normalized.value.id}"，本文件未载入。`,
          }),
        );
      } else {
        ruleIds.add(normalized.value.id);
        const rule = normalized.value;
        plan.rules.push({
          id: rule.id,
          file: source.path,
          text: source.text,
          rule,
          createdAt: at,
          updatedAt: at,
        });
      }
    } else if (kind === "manifest") {
      const normalized = normalizeManifest(parsed.value, file);
      if (!normalized.ok) {
        plan.problems.push(...normalized.error);
        continue;
      }
      const manifest = normalized.value;
      const id = `${manifest.name}@${manifest.version}`;
      if (manifestIds.has(id)) {
        plan.problems.push(
          problemAt(file, "seed/duplicate-id", "/version", {
            en: `Another manifest is already ${manifest.name} ${manifest.version}; this one was not loaded.`,
            "zh-CN": `已有清单为 ${manifest.name} ${manifest.version}，本文件未载入。`,
          }),
        );
        continue;
      }
      manifestIds.add(id);
      const stored = { id, file: source.path, text: source.text, manifest, createdAt: at, updatedAt: at };
      plan.manifests.push(stored);
      manifestFiles.push({ source, manifest: stored });
    } else {
      plan.problems.push(
        problemAt(file, "seed/unknown-kind", "", {
          en: "Not a rule file or a pack manifest, so it was not loaded; name it *.rule.json or *.manifest.json.",
          "zh-CN": "既不是规则文件也不是规则包清单，未载入；请命名为 *.rule.json 或 *.manifest.json。",
        }),
      );
    }
  }
  // A manifest naming a file that was not shipped cannot be built; say so where it names it.
  const shipped = new Set(documents.map((d) => d.path));
  for (const { source, manifest } of manifestFiles) {
    manifest.manifest.rules.forEach((path, i) => {
      if (shipped.has(resolvePath(source.path, path))) return;
      plan.problems.push(
        problemAt(
          { file: source.path, text: source.text },
          "seed/manifest-rule-missing",
          `/rules/${i}`,
          {
            en: `The rule file "${path}" is not in the workspace; the manifest cannot be built until it is added.`,
            "zh-CN": `工作区中没有规则文件 "${path}"；补上之前该清单无法构建。`,
          },
          "warning",
        ),
      );
    });
  }
}

function prepareDataset(entry: SeedBundle["datasets"][number], at: string, plan: SeedPlan): void {
  const { data, schema } = entry;
  const source = { file: data.path, text: data.text };
  const id = baseName(data.path);
  if (plan.datasets.some((d) => d.meta.id === id)) {
    plan.problems.push(
      problemAt(source, "seed/duplicate-id", "", {
        en: `Another dataset is already named "${id}"; this one was not loaded.`,
        "zh-CN": `已有名为 "${id}" 的数据集，本文件未载入。`,
      }),
    );
    return;
  }
  const parsed = parseDocument(data.text, data.path);
  if (!parsed.ok) {
    plan.problems.push(...parsed.error);
    return;
  }
  if (!Array.isArray(parsed.value)) {
    plan.problems.push(
      problemAt(source, "dataset/not-array", "", {
        en: "A JSON dataset must be an array of records; this file was not loaded.",
        "zh-CN": "JSON 数据集必须是记录数组；本文件未载入。",
      }),
    );
    return;
  }
  const records: unknown[] = [];
  let refused = 0;
  parsed.value.forEach((record: unknown, index) => {
    const problem = recordProblem(record, index);
    if (problem === undefined) {
      records.push(record);
      return;
    }
    refused++;
    if (refused <= MAX_RECORD_PROBLEMS) {
      plan.problems.push(problemAt(source, "dataset/record", `/${index}`, problem));
    }
  });
  if (refused > MAX_RECORD_PROBLEMS) {
    const more = refused - MAX_RECORD_PROBLEMS;
    plan.problems.push(
      problemAt(source, "dataset/record", "", {
        en: `${more} more records were refused for the same kinds of reasons.`,
        "zh-CN": `另有 ${more} 条记录因同类原因被拒绝。`,
      }),
    );
  }
  const meta: SeedPlan["datasets"][number]["meta"] = { id, name: id, sourceFile: data.path, createdAt: at };
  if (schema) {
    const parsedSchema = parseDocument(schema.text, schema.path);
    if (!parsedSchema.ok) {
      plan.problems.push(...parsedSchema.error);
    } else if (!isObject(parsedSchema.value)) {
      plan.problems.push(
        problemAt({ file: schema.path, text: schema.text }, "dataset/schema", "", {
          en: "A dataset schema must be a JSON object (a JSON Schema of one record); the dataset was loaded without it.",
          "zh-CN": "数据集模式必须是 JSON 对象（单条记录的 JSON Schema）；数据集已在没有模式的情况下载入。",
        }),
      );
    } else {
      meta.schema = parsedSchema.value;
      const title = schemaTitle(parsedSchema.value);
      if (title) meta.title = title;
    }
  }
  plan.datasets.push({ meta, records });
}

/**
 * Parses and normalises every seed file through the engine's normalisers. A file that fails is
 * reported with its path, line and column and left out; everything else is still prepared.
 */
export function prepareSeed(bundle: SeedBundle, at: string): SeedPlan {
  const plan: SeedPlan = { rules: [], manifests: [], datasets: [], problems: [] };
  const documents = [...bundle.documents].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  prepareDocuments(documents, at, plan);
  for (const entry of bundle.datasets) prepareDataset(entry, at, plan);
  return plan;
}
