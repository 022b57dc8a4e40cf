import { pickText } from "../../../base";
import type { Contribution } from "../contribution";
import { BuilderToggle } from "../builder/BuilderToggle";
import { ManifestEditor, RuleEditor } from "./DocumentEditor";

/** The rule and manifest editors (Monaco with the JsonLogic and pack language services). */
export const editorContribution: Contribution = {
  editors: {
    rule: {
      component: RuleEditor,
      actions: BuilderToggle,
      label: (input) => input.resource,
      description: (input, { lists, locale }) => {
        const rule = lists.rules.find((r) => r.id === input.resource);
        return rule ? `${pickText(rule.rule.title, locale)} · ${rule.file}` : undefined;
      },
    },
    manifest: {
      component: ManifestEditor,
      label: (input) => input.resource,
      description: (input, { lists, locale }) => {
        const manifest = lists.manifests.find((m) => m.id === input.resource);
        return manifest ? `${pickText(manifest.manifest.title, locale)} · ${manifest.file}` : undefined;
      },
    },
  },
};
