import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { resultsJsonl } from "../../../src/platform/simulation/exports";
import { runInputPaths, withoutNested } from "../../../src/platform/simulation/inputPaths";
import {
  openDatasetSource,
  splitRows,
  type PartReader,
} from "../../../src/platform/simulation/parallelSource";
import { outcomePieces, OutcomeAssembler } from "../../../src/platform/simulation/outcomePieces";
import { resolvePackSource, type PackSource } from "../../../src/platform/simulation/packSource";
import { readPart } from "../../../src/platform/simulation/readPart";
import { arrayRecordSource } from "../../../src/platform/simulation/recordSource";
import { runSimulation, type SimulationRequest } from "../../../src/platform/simulation/runSimulation";
import {
  createDatasetRepository,
  memoryDatasetBackend,
} from "../../../src/platform/storage/datasetRepository";
import { readReportSpec, tableFieldPaths } from "../../../src/engine";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const read = (path: string) => readFile(`${ROOT}/${path}`, "utf8");
const MANIFEST = (v: string) => `rules/manifests/dealer-program-${v}.manifest.json`;

async function manifestSource(version: string): Promise<PackSource> {
  const file = MANIFEST(version);
  const text = await read(file);
  const paths = (JSON.parse(text) as { rules: string[] }).rules.map((p) => `rules/${p.slice(3)}`);
  const rules = await Promise.all(paths.map(async (p) => ({ file: p, text: await read(p) })));
  return { kind: "manifest", ref: `dealer-program@${version}`, manifest: { file, text }, rules };
}

const records = JSON.parse(await read("samples/distributors-300.json")) as Record<string, unknown>[];
const dataset = { id: "d", name: "d", rowCount: 300, createdAt: "2024-01-01T00:00:00Z" };

/** The sample stored in small chunks (40 rows), so 300 rows are 8 chunks and parts cross them. */
async function storedSample() {
  const repo = createDatasetRepository(memoryDatasetBackend(), { chunkRows: 40 });
  await repo.create({ id: "d", name: "d", sourceFile: "x.json", createdAt: dataset.createdAt }, records);
  return repo;
}

/** Part readers in this thread, doing what a part worker does. */
function inlineParts(repo: Awaited<ReturnType<typeof storedSample>>, pack: PackSource, started: number[]) {
  return (range: { start: number; count: number }, paths: string[], chunkRows: number): PartReader => {
    started.push(range.start);
    return {
      run: async (run) => {
        const prepared = (await resolvePackSource(pack, true)).prepared!;
        const { result } = await readPart(repo, prepared, {
          datasetId: "d",
          paths,
          range,
          chunkRows,
          ...run,
        });
        return result;
      },
    };
  };
}

function crwEval(version: string, ...extra: string[]): string {
  const run = spawnSync(
    process.execPath,
    ["src/cli/crw.js", "eval", MANIFEST(version), "--data", "samples/distributors-300.json", ...extra],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  return run.stdout;
}

describe("a run over the columnar store in parts", { timeout: 90_000 }, () => {
  it.each(["1.0.0", "1.1.0"])(
    "dealer-program %s read in 3 parts of whole chunks gives crw eval's lines, the same report and hash as 1 part",
    async (version) => {
      const repo = await storedSample();
      const pack = await manifestSource(version);
      const request: SimulationRequest = { pack, dataset, params: { attainment_gate: "0.9" } };
      const started: number[] = [];
      const parallel = await runSimulation(
        request,
        openDatasetSource(repo, dataset, 3, inlineParts(repo, pack, started)),
      );
      // Three parts of whole 40-row chunks: 3, 3 and 2 chunks; the first is read by the run itself.
      expect(started).toEqual([120, 240]);
      expect(resultsJsonl(parallel.table).join("")).toBe(crwEval(version, "--param", "attainment_gate=0.9"));

      const single = await runSimulation(
        request,
        openDatasetSource(repo, dataset, 1, () => {
          throw new Error("one thread starts no part");
        }),
      );
      expect(parallel.table).toEqual(single.table);
      expect(parallel.report).toEqual(single.report);
      expect(parallel.guardrails).toEqual(single.guardrails);
      expect(parallel.meta.datasetHash).toBe(single.meta.datasetHash);
      expect(parallel.meta.asOfMismatches).toBe(single.meta.asOfMismatches);

      // Whole records in memory give the same table and report (the fields included).
      const whole = await runSimulation(request, arrayRecordSource(records));
      expect(parallel.table).toEqual(whole.table);
      expect(parallel.report).toEqual(whole.report);
    },
  );

  it("reads only the paths the pack and report read (arrays whole), plus id, as_of and the reserved keys", async () => {
    const resolved = await resolvePackSource(await manifestSource("1.1.0"), true);
    const { spec } = readReportSpec(resolved.content, resolved.report);
    const paths = runInputPaths(resolved.prepared!, tableFieldPaths(spec, resolved.content))!;
    expect(paths.slice(0, 6)).toEqual(["id", "as_of", "params", "ctx", "pop", "out"]);
    expect(paths).toContain("sales.net_ytd");
    expect(paths).toContain("profile.name");
    expect(paths).not.toContain("profile");
    expect(paths.some((p) => /\.\d+(\.|$)/.test(p))).toBe(false);
    expect(withoutNested(["a.b", "a", "c.d", "c.de"])).toEqual(["a", "c.d", "c.de"]);
  });

  it("cuts rows into parts of whole chunks", () => {
    expect(splitRows(100_000, 16_384, 2)).toEqual([
      { start: 0, count: 65_536 },
      { start: 65_536, count: 34_464 },
    ]);
    expect(splitRows(300, 16_384, 4)).toEqual([{ start: 0, count: 300 }]);
    expect(splitRows(0, 16_384, 2)).toEqual([{ start: 0, count: 0 }]);
  });

  it("a refused record in a later part stops the run naming its place in the dataset", async () => {
    const bad = records.map((r, i) => (i === 250 ? { ...r, out: 1 } : r));
    const repo = createDatasetRepository(memoryDatasetBackend(), { chunkRows: 40 });
    await repo.create({ id: "d", name: "d", sourceFile: "x.json", createdAt: dataset.createdAt }, bad);
    const pack = await manifestSource("1.1.0");
    await expect(
      runSimulation(
        { pack, dataset, params: {} },
        openDatasetSource(repo, dataset, 2, inlineParts(repo, pack, [])),
      ),
    ).rejects.toThrow(/record 251/);
  });

  it("the outcome cut into pieces is put back together exactly", async () => {
    const outcome = await runSimulation(
      { pack: await manifestSource("1.1.0"), dataset, params: {} },
      arrayRecordSource(records),
    );
    const assembler = new OutcomeAssembler();
    const pieces = outcomePieces(outcome);
    for (const piece of structuredClone(pieces)) assembler.add(piece);
    expect(pieces.length).toBeGreaterThan(10);
    expect(assembler.result()).toEqual(outcome);

    // A long table goes in slices of rows; every slice lands at its place.
    const rows = 40_000;
    const long = structuredClone(outcome);
    long.table.count = rows;
    long.table.ids = Array.from({ length: rows }, (_, i) => `D-${i}`);
    long.table.out = { x: Array.from({ length: rows }, (_, i) => (i % 7 === 0 ? null : i / 3)) };
    const slices = outcomePieces(long).filter((p) => p.kind === "out");
    expect(slices.map((p) => (p.kind === "out" ? p.start : -1))).toEqual([0, 16_384, 32_768]);
    const again = new OutcomeAssembler();
    for (const piece of structuredClone(outcomePieces(long))) again.add(piece);
    expect(again.result()).toEqual(long);
  });
});
