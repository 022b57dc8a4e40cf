import type { TemplateCreateResult } from "../platform";
import type { OpsNotice, Outcome } from "./workspaceOpsOutcomes";

/**
 * What creating a rule from a template ends with: the new rule opened, and a notification saying
 * which manifest it joined and which rules it reads that the manifest lacks; or why nothing was stored.
 */
export function fromTemplate(result: TemplateCreateResult): Outcome {
  switch (result.status) {
    case "created": {
      const id = result.ref.id;
      const log = [{ severity: "info" as const, key: "templates.log.created", values: { id } }];
      if (result.missing.length > 0 && result.manifest !== undefined) {
        const values = { id, manifest: result.manifest, rules: result.missing.join(", ") };
        return {
          log,
          open: result.ref,
          notice: { severity: "warning", key: "templates.missingRules", values },
        };
      }
      const notice: OpsNotice =
        result.manifest === undefined
          ? { severity: "info" as const, key: "templates.createdAlone", values: { id } }
          : {
              severity: "info" as const,
              key: "templates.created",
              values: { id, manifest: result.manifest },
            };
      return { log, open: result.ref, notice };
    }
    case "exists":
      return { notice: { severity: "warning", key: "ops.exists", values: { id: result.id } } };
    case "missing":
      return { notice: { severity: "warning", key: "ops.missing", values: { id: result.manifest } } };
    case "conflict":
      return {
        notice: {
          severity: "error",
          key: "templates.conflict",
          values: { reason: result.reasons[0] ?? { en: "" } },
        },
        log: result.reasons.map((reason) => ({
          severity: "error" as const,
          key: "templates.log.conflict",
          values: { reason },
        })),
      };
    case "invalid":
      return {
        notice: {
          severity: "error",
          key: "templates.invalid",
          values: { reason: result.problems[0]?.message ?? { en: "" } },
        },
      };
  }
}
