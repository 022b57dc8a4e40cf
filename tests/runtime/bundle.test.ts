/**
 * The built runtime as an engineer uses it: `buildRuntime` writes the publishable folder, a plain Node
 * process (no tsx, no TypeScript) imports it by its package name and evaluates the shipped packs over
 * the sample, and the results must be `crw eval`'s, line for line; the README's example must compile
 * against the published declarations and run.
 */
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRuntime, type RuntimeBuild } from "../../src/devtools/buildRuntime";
import { CRW_BUNDLE } from "../cli/run";
import { MANIFESTS, SAMPLE_JSON } from "../rules/crw";

const root = fileURLToPath(new URL("../..", import.meta.url));
let dir: string;
let app: string;
let built: RuntimeBuild;
const packs = new Map<string, string>();

const node = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, args, { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
const crw = (...args: string[]) => node(root, CRW_BUNDLE, ...args);

/** A consumer of the published package: prints each result line as crw eval does. */
const consumer = `
import { readFile } from "node:fs/promises";
import { loadPack } from "channel-rules-runtime";
const [packPath, dataPath, mode, asOf] = process.argv.slice(2);
const pack = await loadPack(await readFile(packPath, "utf8"), { verify: true, name: packPath });
const records = JSON.parse(await readFile(dataPath, "utf8"));
const options = asOf ? { asOf } : {};
let lines, summary;
if (mode === "stream") {
  // An async source, one record at a time, as a large input would come.
  async function* source() { for (const record of records) yield record; }
  const stream = pack.evaluateStream(source(), options);
  lines = [];
  for await (const line of stream) lines.push(line);
  summary = stream.summary();
} else {
  lines = await pack.evaluate(records, options);
  summary = pack.summarize(lines);
}
process.stdout.write(lines.map((line) => JSON.stringify(line) + "\\n").join(""));
process.stderr.write("summary " + JSON.stringify(summary) + "\\n");
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "crw-runtime-"));
  built = await buildRuntime(join(dir, "runtime"));
  // The package installed under its name, as `npm install ./dist/runtime` would link it.
  app = join(dir, "app");
  await mkdir(join(app, "node_modules"), { recursive: true });
  await symlink(join(dir, "runtime"), join(app, "node_modules", "channel-rules-runtime"));
  await writeFile(join(app, "package.json"), JSON.stringify({ type: "module", private: true }));
  await writeFile(join(app, "consumer.mjs"), consumer);
  for (const manifest of MANIFESTS) {
    const out = join(dir, manifest.split("/").pop()!.replace(".manifest.json", ".pack.json"));
    const run = crw("pack", "build", manifest, "-o", out, "--created-at", "2026-01-01T00:00:00Z");
    expect(run.status, run.stderr).toBe(0);
    packs.set(manifest, out);
  }
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Each line re-serialised from its parsed JSON, so the comparison ignores nothing but formatting. */
const normalised = (text: string) =>
  text
    .trim()
    .split("\n")
    .map((line) => JSON.stringify(JSON.parse(line)));

describe("the runtime bundle (dist/runtime)", () => {
  it("is one ES module with declarations, a package.json naming both, a README and the bundled licenses", async () => {
    const manifest = JSON.parse(await readFile(join(dir, "runtime/package.json"), "utf8"));
    expect(manifest).toMatchObject({
      type: "module",
      exports: { ".": { types: "./types/index.d.ts", default: "./index.js" } },
    });
    expect(manifest.dependencies).toBeUndefined();
    for (const file of [
      "index.js",
      "types/index.d.ts",
      "types/types.d.ts",
      "README.md",
      "THIRD_PARTY_LICENSES.md",
    ])
      expect((await stat(join(dir, "runtime", file))).size).toBeGreaterThan(0);
    // The bundle imports nothing at run time (no Node built-in, no package) and holds only the
    // engine's own dependencies: no UI library, no CLI library.
    expect(built.imports).toEqual([]);
    expect(built.packages).toEqual(
      expect.arrayContaining(["ajv", "canonicalize", "json-logic-js", "jsonc-parser"]),
    );
    const foreign = [
      "react",
      "react-dom",
      "monaco-editor",
      "idb",
      "xstate",
      "i18next",
      "commander",
      "papaparse",
    ];
    expect(built.packages.filter((name) => foreign.includes(name))).toEqual([]);
    expect(built.gzipBytes).toBeLessThan(built.bytes);
    expect(await readFile(join(dir, "runtime/README.md"), "utf8")).toContain("loadPack");
    expect(await readFile(join(dir, "runtime/THIRD_PARTY_LICENSES.md"), "utf8")).toContain("## ajv");
  });

  describe.each(MANIFESTS)("%s", (manifest) => {
    const cli = (...extra: string[]) => {
      const run = crw("eval", packs.get(manifest)!, "--data", SAMPLE_JSON, ...extra);
      expect(run.status, run.stderr).toBe(0);
      return run.stdout;
    };
    const runtime = (mode: string, ...asOf: string[]) => {
      const run = node(app, "consumer.mjs", packs.get(manifest)!, join(root, SAMPLE_JSON), mode, ...asOf);
      expect(run.status, run.stderr).toBe(0);
      const summary = /summary (.*)/.exec(run.stderr)?.[1];
      return { stdout: run.stdout, summary: JSON.parse(summary ?? "null") };
    };

    it("reproduces crw eval's output from a plain node process, as an array and as a stream", () => {
      const expected = cli("--as-of", "2024-12-31");
      expect(expected.trim().split("\n")).toHaveLength(300);
      for (const mode of ["array", "stream"]) {
        const { stdout } = runtime(mode, "2024-12-31");
        expect(normalised(stdout)).toEqual(normalised(expected));
        // The object form serialises to the very bytes crw eval writes.
        expect(stdout).toBe(expected);
      }
    });

    it("takes the evaluation date from the records as crw eval does when none is given", () => {
      const { stdout, summary } = runtime("stream");
      expect(stdout).toBe(cli());
      expect(summary.asOf).toEqual({ date: "2024-12-31", source: "records", mismatches: 0 });
    });

    it("sums every numeric output to the totals crw pack diff reports", () => {
      const { summary } = runtime("array", "2024-12-31");
      expect(summary).toMatchObject({ records: 300, withErrors: 0, errors: {} });
      const diff = crw("pack", "diff", packs.get(manifest)!, packs.get(manifest)!, "--data", SAMPLE_JSON);
      const totals = [...diff.stdout.matchAll(/^ {2}(out\.[a-z0-9-]+): total ([-\d,.]+) →/gm)];
      expect(totals.length).toBeGreaterThan(20);
      for (const [, output, total] of totals)
        expect(summary.outputs[output!], output).toMatchObject({
          kind: "total",
          total: total!.replace(/,/g, ""),
        });
    });
  });

  it("runs the README's example, which compiles against the published declarations", async () => {
    const readme = await readFile(join(root, "src/runtime/README.md"), "utf8");
    const example = /```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    // The repository README shows the same example.
    expect(await readFile(join(root, "README.md"), "utf8")).toContain(example);
    await writeFile(join(app, "example.mjs"), example!);
    await writeFile(join(app, "example.ts"), example!);
    await writeFile(join(app, "dealer-1.1.0.pack.json"), await readFile(packs.get(MANIFESTS[1])!));
    await writeFile(join(app, "distributors.json"), await readFile(join(root, SAMPLE_JSON)));
    const run = node(app, "example.mjs");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("D-0001");
    // Node's own ES module resolution and a bundler's, as consumers set them.
    for (const [module, moduleResolution] of [
      [ts.ModuleKind.NodeNext, ts.ModuleResolutionKind.NodeNext],
      [ts.ModuleKind.ESNext, ts.ModuleResolutionKind.Bundler],
    ] as const) {
      const program = ts.createProgram([join(app, "example.ts")], {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module,
        moduleResolution,
        types: ["node"],
        typeRoots: [join(root, "node_modules/@types")],
      });
      const diagnostics = ts
        .getPreEmitDiagnostics(program)
        .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
      expect(diagnostics).toEqual([]);
    }
  });
});
