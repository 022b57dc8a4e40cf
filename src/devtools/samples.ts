/**
 * `npm run samples -- --count N --seed S [--industry fmcg|electronics|agri|mixed] [--as-of YYYY-MM-DD] [--regions 华东=40,华南=10,…] --out file`
 *
 * Writes N synthetic distributor records as JSON (an array, one record per line), JSONL or CSV, chosen
 * by the output file's extension. Records are produced in batches (on worker threads for large counts)
 * and written in order through a stream with back-pressure, so memory stays flat for a million records.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import {
  createRecordGenerator,
  createRecordEncoder,
  csvHeader,
  csvHeaderLine,
  INDUSTRIES,
  parseIsoDate,
  parseRegionMix,
  type GeneratorOptions,
  type Industry,
  type RecordEncoder,
  type RegionMix,
} from "../generator/index";

const BATCH = 2000;
/** Below this many records, starting worker threads costs more than it saves. */
const PARALLEL_FROM = 20_000;
const TSX_API = import.meta.resolve("tsx/esm/api");
const USAGE =
  "usage: npm run samples -- --count N --seed S [--industry fmcg|electronics|agri|mixed] [--as-of YYYY-MM-DD] [--regions 华东=40,华南=10,…] --out file.(json|jsonl|csv)";

type Format = "json" | "jsonl" | "csv";

interface Request {
  count: number;
  stats: boolean;
  options: GeneratorOptions;
  out: string;
  format: Format;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseRequest(argv: string[]): Request {
  const { values } = parseArgs({
    args: argv,
    options: {
      count: { type: "string" },
      seed: { type: "string" },
      industry: { type: "string", default: "mixed" },
      "as-of": { type: "string", default: "2024-12-31" },
      // Relative region shares, `region=weight` comma-separated; regions left out get none.
      regions: { type: "string" },
      out: { type: "string" },
      // Hidden, for `npm run bench`: print the process's CPU time and peak RSS as one JSON line.
      stats: { type: "boolean", default: false },
    },
    strict: true,
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 1) fail("--count must be a positive integer");
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    fail("--seed must be an integer in 0…4294967295");
  const industry = values.industry;
  if (industry !== "mixed" && !INDUSTRIES.includes(industry as Industry))
    fail(`unknown --industry ${industry}`);
  try {
    parseIsoDate(values["as-of"]);
  } catch (error) {
    fail(`--as-of: ${(error as Error).message}`);
  }
  let regionMix: RegionMix | undefined;
  try {
    if (values.regions !== undefined) regionMix = parseRegionMix(values.regions);
  } catch (error) {
    fail(`--regions: ${(error as Error).message}`);
  }
  const out = values.out;
  if (out === undefined) fail("--out is required");
  const ext = /\.(json|jsonl|csv)$/i.exec(out)?.[1]?.toLowerCase();
  if (ext === undefined) fail("--out must end in .json, .jsonl or .csv");
  return {
    count,
    stats: values.stats,
    out,
    format: ext as Format,
    options: {
      seed,
      asOf: values["as-of"],
      industry: industry as Industry | "mixed",
      idWidth: Math.max(4, String(count).length),
      ...(regionMix ? { regionMix } : {}),
    },
  };
}

/** The thread's encoder: a thread renders one request, and reads the record shape once. */
let threadEncoder: RecordEncoder | undefined;

function encoderFor(request: Request): RecordEncoder {
  threadEncoder ??= createRecordEncoder(
    createRecordGenerator(request.options)(0),
    request.format === "csv" ? "csv" : "json",
    { capacity: BATCH * 6000 },
  );
  return threadEncoder;
}

/**
 * UTF-8 bytes of records [start, end) in a format; JSON items end with a separator unless last. The
 * encoder writes each record's bytes directly (tests/generator prove them equal to JSON.stringify and
 * csvLine), so no per-record string is built.
 */
function renderBatch(request: Request, start: number, end: number): Uint8Array {
  const { options, format, count } = request;
  const generate = createRecordGenerator(options);
  const encoder = encoderFor(request);
  const separator = format === "json" ? ",\n" : "\n";
  for (let i = start; i < end; i += 1) {
    encoder.record(generate(i));
    if (format !== "json" || i < count - 1) encoder.text(separator);
  }
  if (format === "json" && end === count) encoder.text("\n]\n");
  return encoder.take();
}

interface Job {
  seq: number;
  start: number;
  end: number;
}

/** Writes bytes; `written` runs once they are out of the process, when their buffer may be reused. */
type Sink = (bytes: Uint8Array, written?: () => void) => Promise<void>;

/**
 * Renders batches on worker threads (a million records is CPU-bound) while this thread only writes
 * their bytes in order: workers hand over each batch's buffer without copying it and get it back once
 * it is written, and at most two batches per worker are in flight, so memory stays flat and a few
 * buffers per worker carry every record.
 */
async function renderInParallel(request: Request, sink: Sink): Promise<void> {
  const jobs: Job[] = [];
  for (let start = 0, seq = 0; start < request.count; start += BATCH, seq += 1)
    jobs.push({ seq, start, end: Math.min(request.count, start + BATCH) });
  const threads = Math.min(availableParallelism(), 8, jobs.length);
  const done = new Map<number, { bytes: Uint8Array; worker: Worker }>();
  let nextToWrite = 0;
  let nextJob = 0;
  let writing = Promise.resolve();
  await new Promise<void>((resolve, reject) => {
    let received = 0;
    const workers = Array.from(
      { length: threads },
      () =>
        // The worker runs this TypeScript file too, so it first registers the same loader (tsx) as the
        // main thread; execArgv alone does not carry module hooks into workers.
        new Worker(
          `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); });`,
          { eval: true, workerData: { request } },
        ),
    );
    const feed = (worker: Worker): void => {
      const job = jobs[nextJob];
      if (job === undefined) return;
      nextJob += 1;
      worker.postMessage(job);
    };
    const finish = (): void => {
      for (const worker of workers) void worker.terminate();
      resolve();
    };
    for (const worker of workers) {
      worker.on("error", reject);
      worker.on("message", (message: { seq: number; bytes: Uint8Array }) => {
        done.set(message.seq, { bytes: message.bytes, worker });
        received += 1;
        writing = writing.then(async () => {
          for (let batch = done.get(nextToWrite); batch !== undefined; batch = done.get(nextToWrite)) {
            done.delete(nextToWrite);
            nextToWrite += 1;
            const { bytes, worker: owner } = batch;
            await sink(bytes, () => owner.postMessage({ reuse: bytes }, [bytes.buffer as ArrayBuffer]));
          }
        });
        if (received === jobs.length) writing.then(finish, reject);
        // Back-pressure: wait for the writer when too many rendered batches are waiting.
        else if (done.size > 2 * threads) writing.then(() => feed(worker), reject);
        else feed(worker);
      });
      feed(worker);
      feed(worker);
    }
  });
}

async function write(request: Request): Promise<void> {
  const stream = createWriteStream(request.out);
  const sink = async (bytes: Uint8Array | string, written?: () => void): Promise<void> => {
    // The callback runs once the stream has handed the bytes to the file, never before.
    if (!stream.write(bytes, written === undefined ? undefined : () => written()))
      await once(stream, "drain");
  };
  const { count, options, format } = request;
  const columns = format === "csv" ? csvHeader(createRecordGenerator(options)(0)) : [];
  await sink(format === "csv" ? `${csvHeaderLine(columns)}\n` : format === "json" ? "[\n" : "");
  if (count >= PARALLEL_FROM && availableParallelism() > 1) {
    await renderInParallel(request, sink);
  } else {
    for (let start = 0; start < count; start += BATCH)
      await sink(renderBatch(request, start, Math.min(count, start + BATCH)));
  }
  stream.end();
  await once(stream, "finish");
}

if (isMainThread) {
  const started = performance.now();
  const request = parseRequest(process.argv.slice(2));
  await write(request);
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`wrote ${request.count} records to ${request.out} in ${seconds.toFixed(1)} s\n`);
  if (request.stats) {
    // resourceUsage covers every thread of the process, so worker CPU is included.
    const usage = process.resourceUsage();
    const stats = {
      records: request.count,
      userMs: usage.userCPUTime / 1000,
      systemMs: usage.systemCPUTime / 1000,
      maxRssBytes: usage.maxRSS * 1024,
    };
    process.stderr.write(`samples-stats ${JSON.stringify(stats)}\n`);
  }
} else {
  const { request } = workerData as { request: Request };
  parentPort?.on("message", (message: Job | { reuse: Uint8Array }) => {
    if ("reuse" in message) {
      encoderFor(request).reuse(message.reuse);
      return;
    }
    const bytes = renderBatch(request, message.start, message.end);
    parentPort?.postMessage({ seq: message.seq, bytes }, [bytes.buffer as ArrayBuffer]);
  });
}
