/**
 * `npm run samples -- --count N --seed S [--industry fmcg|electronics|agri|mixed] [--as-of YYYY-MM-DD] --out file`
 *
 * Writes N synthetic distributor records as JSON (an array, one record per line), JSONL or CSV, chosen
 * by the output file's extension. Records are produced and written in batches through a stream with
 * back-pressure, so memory stays flat for a million records.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import {
  csvHeader,
  csvHeaderLine,
  csvLine,
  generateRecord,
  INDUSTRIES,
  parseIsoDate,
  type GeneratorOptions,
  type Industry,
} from "../generator/index";

const BATCH = 2000;
const USAGE =
  "usage: npm run samples -- --count N --seed S [--industry fmcg|electronics|agri|mixed] [--as-of YYYY-MM-DD] --out file.(json|jsonl|csv)";

type Format = "json" | "jsonl" | "csv";

interface Request {
  count: number;
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
      out: { type: "string" },
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
  const out = values.out;
  if (out === undefined) fail("--out is required");
  const ext = /\.(json|jsonl|csv)$/i.exec(out)?.[1]?.toLowerCase();
  if (ext === undefined) fail("--out must end in .json, .jsonl or .csv");
  return {
    count,
    out,
    format: ext as Format,
    options: {
      seed,
      asOf: values["as-of"],
      industry: industry as Industry | "mixed",
      idWidth: Math.max(4, String(count).length),
    },
  };
}

async function write(request: Request): Promise<void> {
  const stream = createWriteStream(request.out, { encoding: "utf8" });
  const { count, options, format } = request;
  const columns = format === "csv" ? csvHeader(generateRecord(options, 0)) : [];
  let chunk = format === "csv" ? `${csvHeaderLine(columns)}\n` : format === "json" ? "[\n" : "";
  for (let start = 0; start < count; start += BATCH) {
    const parts: string[] = [];
    const end = Math.min(count, start + BATCH);
    for (let i = start; i < end; i += 1) {
      const record = generateRecord(options, i);
      if (format === "csv") parts.push(csvLine(record, columns));
      else parts.push(JSON.stringify(record));
    }
    const separator = format === "json" ? ",\n" : "\n";
    chunk += parts.join(separator) + (format === "json" ? (end < count ? ",\n" : "\n]\n") : "\n");
    if (!stream.write(chunk)) await once(stream, "drain");
    chunk = "";
  }
  stream.end();
  await once(stream, "finish");
}

const started = performance.now();
const request = parseRequest(process.argv.slice(2));
await write(request);
const seconds = (performance.now() - started) / 1000;
process.stderr.write(`wrote ${request.count} records to ${request.out} in ${seconds.toFixed(1)} s\n`);
