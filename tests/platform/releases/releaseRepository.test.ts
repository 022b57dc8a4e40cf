import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import {
  compareSemver,
  createIndexedDbRepositories,
  createMemoryRepositories,
  importPackFile,
  type WorkspaceRepositories,
} from "../../../src/platform";
import { packFileText } from "../../../src/engine";
import { pack, rule, storedRelease } from "./packFixtures";

let counter = 0;
const implementations: [string, () => WorkspaceRepositories][] = [
  ["in memory", () => createMemoryRepositories()],
  ["IndexedDB", () => createIndexedDbRepositories(`crw-release-test-${++counter}`)],
];

const base = rule("base", { "*": [{ var: "sales" }, 0.1] });

describe.each(implementations)("release repository (%s)", (_name, create) => {
  it("stores a release and lists a name's versions newest first (semver, not text order)", async () => {
    const repos = create();
    for (const v of ["1.2.0", "1.10.0", "1.9.1", "2.0.0-rc.1"]) {
      expect(await repos.releases.put(storedRelease(await pack(v, [base])))).toEqual({ ok: true });
    }
    const versions = (await repos.releases.listByName("p")).map((r) => r.version);
    expect(versions).toEqual(["2.0.0-rc.1", "1.10.0", "1.9.1", "1.2.0"]);
    expect((await repos.releases.list()).map((r) => r.id)[0]).toBe("p@2.0.0-rc.1");
    expect((await repos.releases.get("p", "1.9.1"))?.integrity).toMatch(/^sha256-/);
    await repos.close();
  });

  it("is immutable: a second put of name@version is refused and the stored one stays", async () => {
    const repos = create();
    const first = storedRelease(await pack("1.0.0", [base]), "first");
    await repos.releases.put(first);
    const other = storedRelease(
      await pack("1.0.0", [rule("base", { "*": [{ var: "sales" }, 0.2] })]),
      "second",
    );
    const result = await repos.releases.put(other);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.existing.notes).toBe("first");
    expect((await repos.releases.get("p", "1.0.0"))?.notes).toBe("first");
    expect((await repos.releases.get("p", "1.0.0"))?.integrity).toBe(first.integrity);
    await repos.close();
  });

  it("records a deletion in the audit log, in the same step, and records nothing for a missing one", async () => {
    const repos = create();
    const release = storedRelease(await pack("1.0.0", [base]), "gone");
    await repos.releases.put(release);
    expect(await repos.releases.delete("p", "1.0.0", "2026-12-02T00:00:00.000Z")).toBe(true);
    expect(await repos.releases.get("p", "1.0.0")).toBeUndefined();
    expect(await repos.releases.delete("p", "1.0.0", "2026-12-02T00:00:01.000Z")).toBe(false);
    const audit = await repos.releases.audit();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      at: "2026-12-02T00:00:00.000Z",
      action: "release.delete",
      subject: "p@1.0.0",
      detail: { integrity: release.integrity, notes: "gone" },
    });
    await repos.close();
  });

  it("imports a verified pack; the same content again is no change; other content is a conflict with its diff", async () => {
    const repos = create();
    const original = await pack("1.0.0", [base]);
    const text = packFileText(original);
    const first = await importPackFile(
      repos.releases,
      { file: "p-1.0.0.pack.json", text },
      "2026-12-02T00:00:00.000Z",
    );
    expect(first.kind).toBe("imported");
    if (first.kind === "imported") expect(first.release.notes).toBe("notes 1.0.0");
    // Rebuilt later: another createdAt and integrity, the same content.
    const rebuilt = await pack("1.0.0", [base], {}, "2026-12-05T00:00:00.000Z");
    const same = await importPackFile(
      repos.releases,
      { file: "x.pack.json", text: packFileText(rebuilt) },
      "t",
    );
    expect(same.kind).toBe("same");
    const changed = await pack("1.0.0", [rule("base", { "*": [{ var: "sales" }, 0.2] }), rule("extra", 1)]);
    const conflict = await importPackFile(
      repos.releases,
      { file: "y.pack.json", text: packFileText(changed) },
      "t",
    );
    expect(conflict.kind).toBe("conflict");
    if (conflict.kind === "conflict") {
      expect(conflict.existing.integrity).toBe(original.integrity);
      expect(conflict.diff.rules.added).toEqual(["extra"]);
      expect(conflict.diff.rules.changed).toEqual([{ id: "base", parts: ["logic"] }]);
      expect(conflict.diff.errors[0]?.en).toContain("p 1.0.0 exists with different content");
    }
    expect((await repos.releases.get("p", "1.0.0"))?.integrity).toBe(original.integrity);
    await repos.close();
  });

  it("refuses a tampered pack and a pack whose tests fail, storing nothing", async () => {
    const repos = create();
    const text = packFileText(await pack("1.0.0", [base]));
    const tampered = await importPackFile(
      repos.releases,
      { file: "t.pack.json", text: text.replace("0.1", "0.3") },
      "t",
    );
    expect(tampered).toMatchObject({ kind: "invalid", integrityOk: false });
    if (tampered.kind === "invalid")
      expect(tampered.problems.map((p) => p.code)).toContain("pack/integrity-mismatch");
    const broken = await importPackFile(repos.releases, { file: "b.pack.json", text: "{ not json" }, "t");
    expect(broken.kind).toBe("invalid");
    expect(await repos.releases.list()).toEqual([]);
    await repos.close();
  });
});

describe("compareSemver", () => {
  it("orders by semver precedence", () => {
    const sorted = [
      "1.0.0",
      "1.0.0-rc.1",
      "1.0.0-alpha",
      "0.9.9",
      "1.0.0-alpha.1",
      "1.0.0-beta.11",
      "1.0.0-beta.2",
    ].sort(compareSemver);
    expect(sorted).toEqual([
      "0.9.9",
      "1.0.0-alpha",
      "1.0.0-alpha.1",
      "1.0.0-beta.2",
      "1.0.0-beta.11",
      "1.0.0-rc.1",
      "1.0.0",
    ]);
    expect(compareSemver("1.0.0+build.1", "1.0.0")).toBe(0);
  });
});
