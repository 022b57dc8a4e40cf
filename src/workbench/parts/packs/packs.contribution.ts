import type { Contribution } from "../contribution";
import { packsCommands } from "./packs.commands";
import { PacksView } from "./PacksView";
import { ReleaseEditor } from "./ReleaseEditor";
import { ReleasedPackEditor } from "./ReleasedPackEditor";
import { CompareEditor, parseCompareResource } from "./CompareEditor";
import { newDraftCommand } from "./newDraft";

/** Releases: the Packs view, the release flow, released versions (read-only), import and export. */
export const packsContribution: Contribution = {
  views: { packs: PacksView },
  editors: {
    release: {
      component: ReleaseEditor,
      label: (input, { t }) => t("packs.release.tab", { name: input.resource.replace("@", " ") }),
    },
    "released-pack": {
      component: ReleasedPackEditor,
      label: (input, { t }) => {
        const [name = "", version = ""] = input.resource.split("@");
        return t("packs.released.tab", { name, version });
      },
      description: (input, { t }) => {
        const [name = "", version = ""] = input.resource.split("@");
        return t("packs.released.ariaLabel", { name, version });
      },
    },
    "pack-compare": {
      component: CompareEditor,
      label: (input, { t }) => {
        const [a, b] = parseCompareResource(input.resource).map((side) => side.id.replace("@", " "));
        return t("packs.compare.tab", { old: a ?? "", new: b ?? "" });
      },
    },
  },
  commands: [...packsCommands, newDraftCommand],
};
