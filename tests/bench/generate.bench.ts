/**
 * `Data: Generate Synthetic Dataset…` in Node: per-record cost of the generator and of the columnar
 * encoding, and a whole one-worker generation (`handleGenerate`, what each browser worker runs) of
 * 100,000 records. The browser splits a generation over one worker per core, so its wall time is about
 * this one-worker time divided by the cores, plus storing.
 */
import { loadavg } from "node:os";
import { createRecordGenerator } from "../../src/generator/index";
import { CHUNK_ROWS, encodeChunk } from "../../src/platform/storage/columnar";
import { generatorOptionsFor, handleGenerate } from "../../src/platform/workers/generateHandler";
import type { GenerateSpec } from "../../src/platform/workers/generateProtocol";
import { measure, type BenchSection } from "./harness";

const RECORDS = Number(process.env.CRW_BENCH_GENERATE ?? 100_000);
const spec: GenerateSpec = { count: RECORDS, seed: 7, industry: "mixed", asOf: "2024-12-31" };

export default async function generateBench(): Promise<BenchSection> {
  const generate = createRecordGenerator(generatorOptionsFor(spec));
  let offset = 0;
  const generated = await measure(() => {
    for (let i = 0; i < CHUNK_ROWS; i++) generate(offset + i);
    offset += CHUNK_ROWS;
  });
  const records = Array.from({ length: CHUNK_ROWS }, (_, i) => generate(i));
  const encoded = await measure(() => encodeChunk(records));
  const whole = await measure(
    () =>
      handleGenerate(
        spec,
        () => undefined,
        () => Promise.resolve(),
      ),
    { runs: 3, warmup: 0 },
  );
  const perRecord = (ms: number, n: number) => ((ms * 1000) / n).toFixed(1);
  return {
    title: "Generate synthetic dataset (Node, one thread)",
    rows: [
      {
        name: `generate ${CHUNK_ROWS} records`,
        "median ms": Math.round(generated.medianMs),
        "µs/record": perRecord(generated.medianMs, CHUNK_ROWS),
      },
      {
        name: `encodeChunk ${CHUNK_ROWS} records`,
        "median ms": Math.round(encoded.medianMs),
        "µs/record": perRecord(encoded.medianMs, CHUNK_ROWS),
      },
      {
        name: `handleGenerate ${RECORDS} records`,
        "median ms": Math.round(whole.medianMs),
        "µs/record": perRecord(whole.medianMs, RECORDS),
      },
    ],
    notes: [
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} on ${process.env.HOSTNAME ?? "this machine"}`,
    ],
  };
}
