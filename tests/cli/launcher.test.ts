import { spawnSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, symlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CRW_BUNDLE } from "./run";

const root = fileURLToPath(new URL("../..", import.meta.url));

const run = (cwd: string, script: string, ...args: string[]) =>
  spawnSync(process.execPath, [script, ...args], { cwd, encoding: "utf8" });

describe("the crw launcher (package.json bin)", () => {
  it("runs the prebuilt bundle, printing exactly what the bundle prints", () => {
    const viaBin = run(root, "src/cli/crw.js", "--help");
    const bundle = run(root, CRW_BUNDLE, "--help");
    expect(viaBin.status).toBe(0);
    expect(viaBin.stderr).toBe("");
    expect(viaBin.stdout).toBe(bundle.stdout);
    expect(viaBin.stdout).toContain("Usage: crw");
  });

  describe("in a checkout of its own", () => {
    // A miniature project: the real launcher, a stand-in bundle and stand-in sources, so staleness can
    // be arranged without touching this repository's files.
    let dir: string;
    const past = new Date("2020-01-01T00:00:00Z");
    const later = new Date("2021-01-01T00:00:00Z");

    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), "crw-launcher-"));
      await mkdir(join(dir, "src/cli"), { recursive: true });
      await mkdir(join(dir, "dist/cli"), { recursive: true });
      await copyFile(join(root, "src/cli/crw.js"), join(dir, "src/cli/crw.js"));
      await writeFile(join(dir, "package.json"), JSON.stringify({ type: "module" }));
      await writeFile(join(dir, "src/cli/main.ts"), 'const from: string = "sources";\nconsole.log(from);\n');
      await writeFile(join(dir, "dist/cli/crw.mjs"), 'console.log("bundle");\n');
      await writeFile(join(dir, "dist/cli/inputs.json"), JSON.stringify({ sources: ["src/cli/main.ts"] }));
      await utimes(join(dir, "src/cli/main.ts"), past, past);
      await utimes(join(dir, "dist/cli/crw.mjs"), later, later);
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it("uses the bundle while it is newer than every source it was built from", () => {
      const result = run(dir, "src/cli/crw.js");
      expect(result.stdout).toBe("bundle\n");
      expect(result.stderr).toBe("");
    });

    it("runs the sources through tsx, and says why, when a source changed after the build", async () => {
      await symlink(join(root, "node_modules"), join(dir, "node_modules"));
      await utimes(join(dir, "src/cli/main.ts"), new Date(), new Date());
      const result = run(dir, "src/cli/crw.js");
      expect(result.stdout).toBe("sources\n");
      expect(result.stderr).toContain("src/cli/main.ts changed after dist/cli/crw.mjs was built");
      expect(result.stderr).toContain("npm run build:cli");
    });

    it("tells how to build it when the bundle is missing and tsx is not installed", async () => {
      await rm(join(dir, "dist"), { recursive: true });
      const result = run(dir, "src/cli/crw.js");
      expect(result.status).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("dist/cli/crw.mjs is not built");
      expect(result.stderr).toContain("npm install");
    });
  });
});
