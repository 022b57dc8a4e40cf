import { findNodeAtOffset, getNodePath } from "jsonc-parser";
import { pickText } from "../../../base";
import { nodeRange, parseLenient } from "./jsonTree";
import { lenientManifest, type ManifestContext } from "./manifestCompletions";
import { entryOf } from "./pathEntries";
import { packScope, resolveRelative } from "./scope";
import { code, md, word } from "./strings";
import type { LanguageHover } from "./types";

/**
 * The hover at `offset` of a manifest: on a `rules` entry, the rule it names (title, id, kind,
 * output) or that no workspace rule is there; on a population operator's path, what that path is.
 */
export function hoverManifest(text: string, offset: number, ctx: ManifestContext): LanguageHover | undefined {
  const root = parseLenient(text);
  const node = root && findNodeAtOffset(root, offset, true);
  if (node?.type !== "string" || typeof node.value !== "string") return undefined;
  if (node.parent?.type === "property" && node.parent.children?.[0] === node) return undefined;
  const [head, index, member] = getNodePath(node);
  if (head === "rules" && typeof index === "number") {
    const file = resolveRelative(ctx.file, node.value);
    const found = ctx.rules.find((r) => r.file === file);
    const contents = found
      ? [
          `**${md(pickText(found.rule.title, ctx.locale))}**`,
          `${code(found.rule.id)} · ${found.rule.kind} · ${word("type", ctx.locale)} ${code(found.rule.output.type)}${found.rule.output.unit ? ` ${md(found.rule.output.unit)}` : ""}`,
          code(file),
        ]
      : [
          `${code(file)}: ${ctx.locale === "zh-CN" ? "工作区中没有此规则文件" : "no rule file of the workspace is there"}`,
        ];
    return { range: nodeRange(node), contents };
  }
  if (head === "population" && (member === "measure" || member === "partitionBy" || member === "budget")) {
    const scope = packScope([{ file: ctx.file, manifest: lenientManifest(text) }], ctx.rules);
    const entry = entryOf(node.value, { ...ctx, ...scope });
    return entry ? { range: nodeRange(node), contents: [entry.documentation] } : undefined;
  }
  return undefined;
}
