import {
  diffPacks,
  verifyPack,
  type FileTestOutcome,
  type LoadedFile,
  type Pack,
  type PackDiff,
  type Problem,
} from "../../engine";
import type { StoredRelease } from "../storage/records";
import { releaseId, type ReleaseRepository } from "../storage/releaseRepository";

/**
 * What `Pack: Import…` did with a pack file. Nothing is stored unless the outcome is `imported`.
 * - `invalid`: the file failed verification (schema, integrity, order or an embedded test);
 * - `same`: this name and version is released already with the same content (only `createdAt` and
 *   `integrity` may differ): nothing to do;
 * - `conflict`: this name and version is released with other content; `diff` says how it differs
 *   (the model of `crw pack diff`).
 */
export type ImportOutcome =
  | { kind: "imported"; release: StoredRelease }
  | { kind: "same"; existing: StoredRelease }
  | { kind: "conflict"; existing: StoredRelease; diff: PackDiff }
  | { kind: "invalid"; integrityOk: boolean; problems: Problem[]; failedTests: FileTestOutcome[] };

/** The changelog notes of a pack's own version, as a release's notes. */
export function notesOf(pack: Pack): string {
  const notes = pack.changelog.find((entry) => entry.version === pack.version)?.notes ?? "";
  return typeof notes === "string" ? notes : notes.en;
}

/**
 * Verifies a pack file as `crw pack verify` does (closures only, for the browser's CSP) and stores
 * it as a release unless verification fails or the version exists already.
 */
export async function importPackFile(
  repository: ReleaseRepository,
  file: LoadedFile,
  at: string,
): Promise<ImportOutcome> {
  const verified = await verifyPack(file, { codegen: false });
  const failedTests = verified.tests.filter((t) => !t.passed);
  const errors = verified.problems.filter((p) => p.severity === "error");
  if (!verified.pack || errors.length > 0 || failedTests.length > 0) {
    return { kind: "invalid", integrityOk: verified.integrityOk, problems: errors, failedTests };
  }
  const pack = verified.pack;
  const release: StoredRelease = {
    id: releaseId(pack.name, pack.version),
    name: pack.name,
    version: pack.version,
    // The document exactly as read (its integrity covers it), not a migrated form.
    pack: JSON.parse(file.text) as unknown,
    integrity: pack.integrity,
    notes: notesOf(pack),
    releasedAt: at,
  };
  const stored = await repository.put(release);
  if (stored.ok) return { kind: "imported", release };
  const diff = diffPacks(stored.existing.pack as Pack, pack);
  if (diff.identical) return { kind: "same", existing: stored.existing };
  return { kind: "conflict", existing: stored.existing, diff };
}
