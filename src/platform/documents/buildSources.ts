import { problemAt, type LoadedFile, type Problem, type RuleLoader } from "../../engine";
import type { StoredDraft } from "../storage/records";
import { revisionOf, type WorkspaceLists } from "../storage/repositories";
import { resolvePath } from "./paths";

/**
 * The loader pack builds and simulations read rules through: a manifest's paths resolved against
 * the stored rules, whose text is always the last valid version (a save that does not parse never
 * reaches the store, it stays a draft).
 */
export function storedRuleLoader(lists: Pick<WorkspaceLists, "rules">, manifestFile: string): RuleLoader {
  const byFile = new Map(lists.rules.map((r) => [r.file, r] as const));
  return (path) => {
    const rule = byFile.get(resolvePath(manifestFile, path));
    const found: LoadedFile | { error: string } = rule
      ? { file: rule.file, text: rule.text }
      : { error: "no rule of the workspace is stored at that path" };
    return Promise.resolve(found);
  };
}

/**
 * What a build or simulation must say when it reads a document whose latest save was refused:
 * one warning per such document, on its file, naming the version used instead.
 */
export function lastValidNotices(
  drafts: readonly StoredDraft[],
  lists: Pick<WorkspaceLists, "rules" | "manifests">,
  files?: ReadonlySet<string>,
): Problem[] {
  const notices: Problem[] = [];
  for (const draft of drafts) {
    if (!draft.invalid) continue;
    const stored =
      draft.kind === "rule"
        ? lists.rules.find((r) => r.id === draft.id)
        : lists.manifests.find((m) => m.id === draft.id);
    if (!stored || (files && !files.has(stored.file))) continue;
    const revision = revisionOf(stored);
    notices.push(
      problemAt(
        { file: stored.file, text: stored.text },
        "document/last-valid",
        "",
        {
          en: `The text saved at ${draft.invalid.savedAt} has errors, so it was kept as a draft; simulations and pack builds use the last valid version (revision ${revision}, saved at ${stored.updatedAt}).`,
          "zh-CN": `${draft.invalid.savedAt} 保存的文本有错误，已作为草稿保留；模拟和规则包构建使用最后一个有效版本（第 ${revision} 版，保存于 ${stored.updatedAt}）。`,
        },
        "warning",
      ),
    );
  }
  return notices;
}
