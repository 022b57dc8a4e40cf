import {
  checkIntegrity,
  computeIntegrity,
  loadManifest,
  loadPack,
  preparePack,
  problemAt,
  type LoadedFile,
  type PackContent,
  type PreparedPack,
  type Problem,
} from "../../engine";
import type { LocalizedText } from "../../base";
import { resolvePath } from "../documents/paths";

/**
 * The pack a simulation runs, as texts: a workspace manifest with the stored rule texts it names
 * (`ref` is its id, `name@version`), or a released pack's JSON (`ref` is `release:name@version`).
 */
export type PackSource =
  | { kind: "manifest"; ref: string; manifest: LoadedFile; rules: LoadedFile[] }
  | { kind: "release"; ref: string; pack: LoadedFile };

export interface ResolvedPack {
  ref: string;
  name: string;
  version: string;
  title: LocalizedText;
  /** A release's recorded integrity; for a manifest, the same hash over the resolved content. */
  integrity: string;
  content: PackContent;
  /** The `x-report` member, if any. */
  report: unknown;
  prepared?: PreparedPack;
}

export class PackSourceError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.file ?? ""}:${p.line ?? 1}:${p.column ?? 1}: ${p.message.en}`).join("\n"));
    this.name = "PackSourceError";
  }
}

/**
 * Loads and checks a pack source (the manifest's rules, or a release's integrity), and with
 * `prepare` compiles it for `runPack` (closures: the workbench's CSP allows no generated code).
 * @throws PackSourceError naming each problem's file, line and column.
 */
export async function resolvePackSource(source: PackSource, prepare: boolean): Promise<ResolvedPack> {
  if (source.kind === "manifest") {
    const byFile = new Map(source.rules.map((r) => [r.file, r]));
    const loaded = await loadManifest(source.manifest, (path) =>
      Promise.resolve(
        byFile.get(resolvePath(source.manifest.file, path)) ?? {
          error: "no rule of the workspace is stored at that path",
        },
      ),
    );
    const errors = loaded.problems.filter((p) => p.severity === "error");
    if (!loaded.content || !loaded.manifest || errors.length > 0) throw new PackSourceError(errors);
    const { manifest, content } = loaded;
    const extensions = Object.fromEntries(Object.entries(manifest).filter(([k]) => k.startsWith("x-")));
    const integrity = await computeIntegrity({
      name: manifest.name,
      version: manifest.version,
      ...content,
      ...extensions,
    });
    const resolved: ResolvedPack = {
      ref: source.ref,
      name: manifest.name,
      version: manifest.version,
      title: manifest.title,
      integrity,
      content,
      report: manifest["x-report"],
    };
    if (prepare) {
      const prepared = preparePack(content, loaded.locate, { codegen: false });
      if (!prepared.pack) throw new PackSourceError(prepared.problems.filter((p) => p.severity === "error"));
      resolved.prepared = prepared.pack;
    }
    return resolved;
  }
  const loaded = loadPack(source.pack);
  if (!loaded.pack || !loaded.raw) throw new PackSourceError(loaded.problems);
  const check = await checkIntegrity(loaded.raw);
  if (!check.ok)
    throw new PackSourceError([
      problemAt(source.pack, "pack/integrity-mismatch", "/integrity", {
        en: `The released pack's content no longer matches its integrity (${String(check.expected)}); it is not run.`,
        "zh-CN": `已发布规则包的内容与其完整性校验值（${String(check.expected)}）不符，不予运行。`,
      }),
    ]);
  const { pack } = loaded;
  const resolved: ResolvedPack = {
    ref: source.ref,
    name: pack.name,
    version: pack.version,
    title: pack.title,
    integrity: pack.integrity,
    content: { params: pack.params, population: pack.population, rules: pack.rules },
    report: pack["x-report"],
  };
  if (prepare) {
    const prepared = preparePack(pack, loaded.locate, { codegen: false });
    if (!prepared.pack) throw new PackSourceError(prepared.problems.filter((p) => p.severity === "error"));
    resolved.prepared = prepared.pack;
  }
  return resolved;
}
