/**
 * `npm run build:runtime` (src/devtools/build.ts runs it): the embeddable runtime (src/runtime) as a
 * publishable folder, `dist/runtime/`: one ES module, its type declarations, `package.json`, README and
 * the licenses of the bundled dependencies.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import ts from "typescript";
import { nodeBundle, root } from "./bundleOptions";

/** Where `npm run build:runtime` writes the runtime. */
export const RUNTIME_DIR = resolve(root, "dist/runtime");

/** Packages and source folders that must never end up in the runtime bundle. */
const NOT_IN_RUNTIME =
  /node_modules\/(react|react-dom|monaco-editor|idb|xstate|@xstate|i18next|react-i18next|papaparse|commander)\/|^src\/(cli|platform|machines|workbench|generator|devtools)\//;

export interface RuntimeBuild {
  files: string[];
  ms: number;
  /** Size of index.js, raw and gzipped. */
  bytes: number;
  gzipBytes: number;
  /** npm packages bundled into index.js. */
  packages: string[];
  /** Modules index.js still imports at run time: none. */
  imports: string[];
}

/** The npm packages whose code went into a bundle, from esbuild's metafile. */
function bundledPackages(metafile: Metafile): string[] {
  const names = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) names.add(match[1]!);
  }
  return [...names].sort();
}

/** THIRD_PARTY_LICENSES.md: name, version, licence and licence text of every bundled package. */
async function thirdPartyLicenses(packages: string[]): Promise<string> {
  const parts = ["# Third-party licenses", "", "index.js bundles code from these packages.", ""];
  for (const name of packages) {
    const dir = resolve(root, "node_modules", name);
    const info = JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as {
      version: string;
      license?: string;
    };
    const file = (await readdir(dir)).find((f) => /^licen[cs]e/i.test(f));
    const text = file ? (await readFile(join(dir, file), "utf8")).trim() : "(no license file in the package)";
    parts.push(`## ${name} ${info.version} (${info.license ?? "unknown"})`, "", "```text", text, "```", "");
  }
  return parts.join("\n");
}

/**
 * Type declarations of the runtime, emitted by the TypeScript compiler from src/runtime with the
 * project's settings. The public types live in src/runtime/types.ts, so the declarations reachable from
 * index.d.ts never import the engine: only those files are kept, and the build fails if one would.
 */
async function runtimeDeclarations(outDir: string): Promise<string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(
    resolve(root, "src/runtime/tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error("src/runtime/tsconfig.json cannot be read");
  const scratch = await mkdtemp(join(tmpdir(), "crw-runtime-dts-"));
  try {
    const options: ts.CompilerOptions = {
      ...config.options,
      noEmit: false,
      declaration: true,
      emitDeclarationOnly: true,
      rootDir: resolve(root, "src"),
      outDir: scratch,
    };
    const program = ts.createProgram({ rootNames: config.fileNames, options });
    const diagnostics = ts.getPreEmitDiagnostics(program);
    if (diagnostics.length > 0)
      throw new Error(
        ts.formatDiagnostics(diagnostics, {
          ...ts.sys,
          getCanonicalFileName: (f) => f,
          getCurrentDirectory: () => root,
          getNewLine: () => "\n",
        }),
      );
    const runtimeSources = program
      .getSourceFiles()
      .filter((f) => f.fileName.startsWith(resolve(root, "src/runtime") + "/"));
    for (const source of runtimeSources) program.emit(source, undefined, undefined, true);
    // Keep index.d.ts and what it imports, following relative imports.
    const emitted = join(scratch, "runtime");
    const keep = new Set<string>();
    const visit = async (name: string): Promise<void> => {
      if (keep.has(name)) return;
      keep.add(name);
      const text = await readFile(join(emitted, name), "utf8");
      for (const [, spec] of text.matchAll(/from "([^"]+)"/g)) {
        if (!spec!.startsWith("./"))
          throw new Error(
            `runtime declarations: ${name} imports "${spec}"; public types belong in src/runtime/types.ts`,
          );
        await visit(`${spec!.slice(2).replace(/\.js$/, "")}.d.ts`);
      }
    };
    await visit("index.d.ts");
    await mkdir(join(outDir, "types"), { recursive: true });
    for (const name of keep) {
      // Node's ES module resolution (moduleResolution node16/nodenext) needs the extension.
      const text = await readFile(join(emitted, name), "utf8");
      await writeFile(
        join(outDir, "types", name),
        text.replace(/from "(\.\/[^"]+?)(?:\.js)?"/g, 'from "$1.js"'),
      );
    }
    return [...keep].map((name) => join(outDir, "types", name));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * `npm run build:runtime`: writes `outDir` (default dist/runtime/) afresh: `index.js`, one ES module
 * with the engine and its dependencies (ajv, json-logic-js, canonicalize, jsonc-parser) inlined and no
 * UI or CLI code (checked); `types/*.d.ts`; `package.json` whose `exports` name both; the README from
 * src/runtime/README.md; and THIRD_PARTY_LICENSES.md.
 */
export async function buildRuntime(outDir = RUNTIME_DIR): Promise<RuntimeBuild> {
  const start = performance.now();
  await rm(outDir, { recursive: true, force: true });
  const result = await build({
    ...nodeBundle,
    // Pure code: no Node built-ins may be needed, so neutral (esbuild fails on any).
    platform: "neutral",
    target: "es2022",
    entryPoints: [{ in: "src/runtime/index.ts", out: "index" }],
    outdir: outDir,
    minifySyntax: true,
    minifyWhitespace: true,
    metafile: true,
  });
  const foreign = Object.keys(result.metafile.inputs).filter((input) => NOT_IN_RUNTIME.test(input));
  if (foreign.length > 0) throw new Error(`the runtime bundle must not contain ${foreign.join(", ")}`);
  const declarations = await runtimeDeclarations(outDir);
  const project = JSON.parse(await readFile(resolve(root, "package.json"), "utf8")) as {
    version: string;
    license: string;
    engines: Record<string, string>;
  };
  const manifest = {
    name: "channel-rules-runtime",
    version: project.version,
    description:
      "Evaluate Channel Rules Workbench rule packs exactly as crw eval does: one ES module, no dependencies.",
    type: "module",
    exports: { ".": { types: "./types/index.d.ts", default: "./index.js" } },
    types: "./types/index.d.ts",
    sideEffects: false,
    engines: project.engines,
    license: project.license,
  };
  await writeFile(join(outDir, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
  await cp(resolve(root, "src/runtime/README.md"), join(outDir, "README.md"));
  await writeFile(
    join(outDir, "THIRD_PARTY_LICENSES.md"),
    await thirdPartyLicenses(bundledPackages(result.metafile)),
  );
  const code = await readFile(join(outDir, "index.js"));
  const packages = bundledPackages(result.metafile);
  const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
  const files = [...Object.keys(result.metafile.outputs).map((f) => resolve(root, f)), ...declarations];
  return {
    files: [
      ...files,
      ...["package.json", "README.md", "THIRD_PARTY_LICENSES.md"].map((f) => join(outDir, f)),
    ].map((f) => relative(root, f)),
    ms: performance.now() - start,
    bytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    packages,
    imports,
  };
}
