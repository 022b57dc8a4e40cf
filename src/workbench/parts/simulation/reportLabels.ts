import { pickText, type Locale } from "../../../base";
import type { PackContent } from "../../../engine";

/** An output's or a field's label: the rule's or operator's title in the user's language, else the path. */
export function pathLabel(content: PackContent, path: string, locale: Locale): string {
  if (path.startsWith("out.")) {
    const rule = content.rules.find((r) => `out.${r.id}` === path);
    if (rule) return pickText(rule.title, locale);
  }
  if (path.startsWith("pop.")) {
    const op = content.population.find((p) => p.out === path);
    if (op?.title) return pickText(op.title, locale);
  }
  return path;
}

export function unitOf(content: PackContent, path: string): string | undefined {
  return path.startsWith("out.") ? content.rules.find((r) => `out.${r.id}` === path)?.output.unit : undefined;
}
