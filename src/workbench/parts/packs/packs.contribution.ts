import type { Contribution } from "../contribution";
import { packsCommands } from "./packs.commands";
import { lazyPart } from "../lazyPart";
import { CompareEditor, parseCompareResource } from "./CompareEditor";
import { newDraftCommand } from "./newDraft";

// The view and the release editors load when first shown; none is on screen at start-up.
const PacksView = lazyPart(() => import("./PacksView").then((m) => m.PacksView));
const ReleaseEditor = lazyPart(() => import("./ReleaseEditor").then((m) => m.ReleaseEditor));
const ReleasedPackEditor = lazyPart(() => import("./ReleasedPackEditor").then((m) => m.ReleasedPackEditor));

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
