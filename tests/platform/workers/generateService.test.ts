import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createMemoryRepositories } from "../../../src/platform";
import {
  createDatasetRepository,
  memoryDatasetBackend,
} from "../../../src/platform/storage/datasetRepository";
import type { DatasetBackend } from "../../../src/platform/storage/datasetRepository";
import { isQuotaError, StorageFullError } from "../../../src/platform/storage/quota";
import {
  estimateGeneratedBytes,
  handleGenerate,
  specProblem,
} from "../../../src/platform/workers/generateHandler";
import type {
  GenerateReply,
  GenerateRequest,
  GenerateSpec,
} from "../../../src/platform/workers/generateProtocol";
import {
  createDatasetGenerateService,
  writeGeneratedDataset,
  type GenerateWorkerLike,
} from "../../../src/platform/workers/generateService";

/** A worker that runs the real handler in this thread, message for message. */
function inThreadWorker(started: GenerateWorkerLike[] = []): GenerateWorkerLike & { terminated: boolean } {
  let acked: (() => void) | undefined;
  const worker: GenerateWorkerLike & { terminated: boolean } = {
    terminated: false,
    onmessage: null,
    onerror: null,
    terminate() {
      worker.terminated = true;
    },
    postMessage(request: GenerateRequest) {
      if (request.type === "ack") {
        acked?.();
        return;
      }
      const post = (reply: GenerateReply) => {
        if (!worker.terminated)
          setTimeout(() =>
            worker.onmessage?.({ data: structuredClone(reply) } as MessageEvent<GenerateReply>),
          );
      };
      if (request.type === "estimate")
        return post({ type: "estimated", bytes: estimateGeneratedBytes(request.spec) });
      void handleGenerate(
        request.spec,
        post,
        () => new Promise<void>((resolve) => (acked = resolve)),
        request.part,
      ).catch((error: unknown) =>
        post({ type: "error", message: error instanceof Error ? error.message : String(error) }),
      );
    },
  };
  started.push(worker);
  return worker;
}

/** The generate service over in-thread workers, with chunks of 16 rows so small counts cross boundaries. */
function service(workers: number, started: GenerateWorkerLike[] = []) {
  return createDatasetGenerateService(() => inThreadWorker(started), { workers, chunkRows: 16 });
}

const spec: GenerateSpec = { count: 40, seed: 7, industry: "mixed", asOf: "2024-12-31" };
const roomy = { estimate: () => Promise.resolve({ usage: 0, quota: 1e12 }) };

/** Every chunk and layout a backend holds, to prove nothing of a failed write is left. */
async function leftovers(backend: DatasetBackend, id: string) {
  return {
    meta: await backend.get(id),
    layout: await backend.layout(id),
    chunks: (await backend.read(id, [0, 1, 2], 0, 99)).flat(),
  };
}

describe.each([1, 3])("generate a synthetic dataset with %i worker(s)", (workers) => {
  it("stores exactly the records `npm run samples` writes for the same count and seed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crw-gen-"));
    const out = join(dir, "s.jsonl");
    // `npm run samples` is `tsx src/devtools/samples.ts`; run as tests/samples does, without npx.
    const cli = spawnSync(
      process.execPath,
      ["--import", "tsx", "src/devtools/samples.ts", "--count", "40", "--seed", "7", "--out", out],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const expected = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as unknown);

    // Chunks of 16 rows (the worker's) into a repository of 16-row chunks, so 40 records cross two boundaries.
    const repos = { datasets: createDatasetRepository(memoryDatasetBackend(), { chunkRows: 16 }) };
    const seen: number[] = [];
    const started: GenerateWorkerLike[] = [];
    const meta = await writeGeneratedDataset(
      repos.datasets,
      service(workers, started),
      { spec, name: "synthetic-40" },
      { progress: (rows) => seen.push(rows) },
      { storage: roomy },
    );
    expect(meta).toMatchObject({ id: "synthetic-40", rowCount: 40 });
    expect(seen.at(-1)).toBe(40);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    // One worker for the estimate, then `workers` side by side (40 rows are 3 chunks of 16).
    expect(started).toHaveLength(1 + workers);
    expect(await repos.datasets.records(meta.id)).toEqual(expected);
  });

  it("a cancel halfway leaves no dataset, layout or chunk", async () => {
    const backend = memoryDatasetBackend();
    const datasets = createDatasetRepository(backend, { chunkRows: 16 });
    const controller = new AbortController();
    const started: (GenerateWorkerLike & { terminated?: boolean })[] = [];
    const run = writeGeneratedDataset(
      datasets,
      service(workers, started),
      { spec: { ...spec, count: 200 }, name: "cancelled" },
      { signal: controller.signal, progress: (rows) => rows >= 32 && controller.abort() },
      { storage: roomy },
    );
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(await datasets.list()).toEqual([]);
    expect(started.map((w) => w.terminated)).toEqual(started.map(() => true));
    expect(await leftovers(backend, "cancelled")).toEqual({ meta: undefined, layout: undefined, chunks: [] });
  });

  it("a QuotaExceededError during a write leaves nothing partial and is recognised as a full disk", async () => {
    const backend = memoryDatasetBackend();
    let writes = 0;
    const full: DatasetBackend = {
      ...backend,
      write: (write) => {
        // The claim and the first two chunks land; the third write finds the disk full.
        if (++writes === 4)
          return Promise.reject(new DOMException("The quota has been exceeded.", "QuotaExceededError"));
        return backend.write(write);
      },
    };
    const datasets = createDatasetRepository(full, { chunkRows: 16 });
    const run = writeGeneratedDataset(
      datasets,
      service(workers),
      { spec: { ...spec, count: 100 }, name: "full" },
      {},
      { storage: roomy },
    );
    const error: unknown = await run.catch((e: unknown) => e);
    expect(isQuotaError(error)).toBe(true);
    expect(writes).toBe(4);
    expect(await datasets.list()).toEqual([]);
    expect(await leftovers(backend, "full")).toEqual({ meta: undefined, layout: undefined, chunks: [] });
  });

  it("is refused up front, writing nothing, when the estimate exceeds the free quota", async () => {
    const repos = createMemoryRepositories();
    const bytes = estimateGeneratedBytes({ ...spec, count: 100_000 });
    // Each record takes a few hundred bytes at least (about 190 columns, most of them numbers).
    expect(bytes / 100_000).toBeGreaterThan(500);
    const tight = { estimate: () => Promise.resolve({ usage: 900, quota: 1000 + bytes / 2 }) };
    const requests: string[] = [];
    const run = writeGeneratedDataset(
      repos.datasets,
      createDatasetGenerateService(() => {
        const worker = inThreadWorker();
        const post = worker.postMessage.bind(worker);
        worker.postMessage = (request) => {
          requests.push(request.type);
          post(request);
        };
        return worker;
      }),
      { spec: { ...spec, count: 100_000 }, name: "big" },
      {},
      { storage: tight },
    );
    const error: unknown = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect(error).toMatchObject({ needed: bytes, free: 100 + bytes / 2 });
    expect(requests).toEqual(["estimate"]);
    expect(await repos.datasets.list()).toEqual([]);
  });

  it("names what is wrong with a spec", () => {
    expect(specProblem(spec)).toBeUndefined();
    expect(specProblem({ ...spec, count: 0 })).toMatch(/count/);
    expect(specProblem({ ...spec, seed: -1 })).toMatch(/seed/);
    expect(specProblem({ ...spec, asOf: "2024-13-01" })).toMatch(/date/);
  });
});
