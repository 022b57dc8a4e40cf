import type { LocalizedText } from "../../base";
import { locatePointer } from "../../engine";
import type { DatasetMeta, StoredManifest } from "../storage/records";

/** The manifest extension naming the dataset a release's guardrails and bump suggestion run on. */
export const REFERENCE_DATASET_KEY = "x-reference-dataset";

/** Why a manifest has no usable reference dataset, with where in the manifest to fix it. */
export interface ReferenceDatasetProblem {
  code: "release/reference-dataset-unnamed" | "release/reference-dataset-missing";
  message: LocalizedText;
  file: string;
  line?: number;
  column?: number;
}

/** The dataset ids a message suggests (the first few the workspace has). */
function suggestion(datasets: readonly Pick<DatasetMeta, "id">[]): { en: string; zh: string } {
  const ids = datasets.slice(0, 3).map((d) => `"${d.id}"`);
  if (ids.length === 0)
    return { en: "the workspace has no dataset yet: import one first", zh: "工作区还没有数据集，请先导入" };
  return { en: `the workspace has ${ids.join(", ")}`, zh: `工作区有 ${ids.join("、")}` };
}

/**
 * The reference dataset a manifest names with `x-reference-dataset`, or the problem that blocks
 * its release: the member is absent (or not a dataset id), or names a dataset the workspace lacks.
 * A release never falls back to whatever dataset happens to be active, so the evidence a release
 * records is always over the dataset its manifest says.
 */
export function referenceDatasetOf(
  manifest: Pick<StoredManifest, "file" | "text" | "manifest">,
  datasets: readonly DatasetMeta[],
): { dataset: DatasetMeta } | { problem: ReferenceDatasetProblem } {
  const named = (manifest.manifest as unknown as Record<string, unknown>)[REFERENCE_DATASET_KEY];
  const ids = suggestion(datasets);
  if (typeof named !== "string" || named === "") {
    // Pointing at the manifest's name: the member belongs at the top level, next to it.
    const at = locatePointer(manifest.text, named === undefined ? "/name" : `/${REFERENCE_DATASET_KEY}`);
    return {
      problem: {
        code: "release/reference-dataset-unnamed",
        message: {
          en: `The manifest names no reference dataset: add "${REFERENCE_DATASET_KEY}": "<dataset id>" (${ids.en}); the guardrails and the bump suggestion run on it.`,
          "zh-CN": `清单没有指定参考数据集：请添加 "${REFERENCE_DATASET_KEY}": "<数据集编号>"（${ids.zh}）；护栏检查和版本提升建议都在它上面运行。`,
        },
        file: manifest.file,
        ...(at ?? {}),
      },
    };
  }
  const dataset = datasets.find((d) => d.id === named);
  if (dataset) return { dataset };
  const at = locatePointer(manifest.text, `/${REFERENCE_DATASET_KEY}`);
  return {
    problem: {
      code: "release/reference-dataset-missing",
      message: {
        en: `The manifest names "${named}" as its reference dataset (${REFERENCE_DATASET_KEY}), but the workspace has no such dataset (${ids.en}); import it or change the name.`,
        "zh-CN": `清单将“${named}”指定为参考数据集（${REFERENCE_DATASET_KEY}），但工作区中没有该数据集（${ids.zh}）；请导入它或修改名称。`,
      },
      file: manifest.file,
      ...(at ?? {}),
    },
  };
}
