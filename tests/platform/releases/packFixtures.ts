import { buildPack, type Pack, type RuleFile } from "../../../src/engine";
import type { StoredRelease } from "../../../src/platform";

export function rule(id: string, logic: unknown, overrides: Partial<RuleFile> = {}): RuleFile {
  return {
    id,
    kind: "incentive",
    version: "1.0.0",
    title: { en: `Rule ${id}` },
    output: { type: "number", decimals: 2 },
    logic,
    tests: [],
    ...overrides,
  };
}

/** Builds a pack of `rules` (by file `<id>.rule.json`) with the real `buildPack`. */
export async function pack(
  version: string,
  rules: RuleFile[],
  extra: Record<string, unknown> = {},
  createdAt = "2026-12-01T10:00:00.000Z",
): Promise<Pack> {
  const files = new Map(rules.map((r) => [`${r.id}.rule.json`, JSON.stringify(r, null, 2)]));
  const manifest = {
    name: "p",
    version,
    title: { en: "P" },
    params: {},
    population: [],
    rules: [...files.keys()],
    changelog: [{ version, date: "2026-12-01", notes: `notes ${version}` }],
    ...extra,
  };
  const built = await buildPack(
    { file: "p.manifest.json", text: JSON.stringify(manifest, null, 2) },
    (path) => {
      const text = files.get(path);
      return Promise.resolve(text === undefined ? { error: "missing" } : { file: path, text });
    },
    { createdAt, codegen: false },
  );
  if (!built.pack) throw new Error(built.problems.map((p) => p.message.en).join("; "));
  return built.pack;
}

export function storedRelease(p: Pack, notes = "n"): StoredRelease {
  return {
    id: `${p.name}@${p.version}`,
    name: p.name,
    version: p.version,
    pack: p,
    integrity: p.integrity,
    notes,
    releasedAt: "2026-12-01T10:00:00.000Z",
  };
}
