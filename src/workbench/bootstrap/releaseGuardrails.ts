import { referenceGuardrails } from "../../platform";
import type { GuardrailCheck } from "../services";

/**
 * The release machine's guardrail step: the pack's `x-guardrails` on its reference dataset, each
 * failed one a blocking problem that says which guardrail, what it found and on which dataset.
 */
export const releaseGuardrailCheck: GuardrailCheck = async ({ pack, dataset, records }) => {
  const results = await referenceGuardrails(pack, records);
  return results
    .filter((r) => !r.passed)
    .map((r) => ({
      source: "guardrail" as const,
      code: `guardrail/${r.id}`,
      message: {
        en: `Guardrail ${r.id} failed on ${dataset.name}: ${r.message.en}`,
        "zh-CN": `护栏 ${r.id} 在 ${dataset.name} 上未通过：${r.message["zh-CN"] ?? r.message.en}`,
      },
    }));
};
