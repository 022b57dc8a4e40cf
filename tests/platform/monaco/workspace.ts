import { readFileSync } from "node:fs";
import { join } from "node:path";
import { prepareSeed } from "../../../src/platform";
import { languageContext, type LanguageContextInput } from "../../../src/platform/monaco/language";
import { diskSeedBundle, ROOT } from "../seed/seedFiles";

/** The shipped workspace as the seed stores it: rules, manifests, the sample dataset and its schema. */
export const seed = prepareSeed(diskSeedBundle(), "2026-01-01T00:00:00.000Z");
export const datasetSchema: unknown = JSON.parse(
  readFileSync(join(ROOT, "samples/distributor.schema.json"), "utf8"),
);
export const records = seed.datasets[0]!.records;

export const rules = seed.rules.map((r) => ({ file: r.file, rule: r.rule }));
export const manifests = seed.manifests.map((m) => ({ file: m.file, manifest: m.manifest }));

export function storedRule(id: string) {
  const found = seed.rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id} in the seed`);
  return found;
}

/** The language context of a shipped rule, in the workspace as seeded. */
export function contextFor(id: string, overrides: Partial<LanguageContextInput> = {}) {
  return languageContext({
    locale: "en",
    datasetSchema,
    records,
    ruleFile: storedRule(id).file,
    manifests,
    rules,
    ...overrides,
  });
}

/** `text` with the cursor marker `|` removed, and the marker's offset. */
export function at(textWithCursor: string): { text: string; offset: number } {
  const offset = textWithCursor.indexOf("|");
  if (offset === -1) throw new Error("no | cursor marker in the text");
  return { text: textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1), offset };
}

/** Applies offset edits (non-overlapping) to a text. */
export function applyEdits(
  text: string,
  edits: readonly { start: number; end: number; text: string }[],
): string {
  return [...edits]
    .sort((a, b) => b.start - a.start)
    .reduce((result, edit) => result.slice(0, edit.start) + edit.text + result.slice(edit.end), text);
}

/** A minimal rule file around `logic`, as an author would type it. */
export function ruleText(logic: string, extra = ""): string {
  return `{
  "id": "draft",
  "kind": "incentive",
  "version": "1.0.0",
  "title": { "en": "Draft", "zh-CN": "草稿" },
  "output": { "type": "number" },
  "logic": ${logic}${extra}
}
`;
}
