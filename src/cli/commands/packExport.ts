import { writeFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import {
  buildPack,
  engineersZip,
  packFileText,
  RejectedRecord,
  SAMPLE_RECORDS,
  verifyPack,
  type Pack,
} from "../../engine";
import { CliError, readTextFile } from "../io/files";
import { readRecords } from "../io/records";
import { printProblems, ruleLoaderFor } from "../io/target";
import { loadDatasetSchema } from "./eval";
import { printFailure } from "./test";

export interface PackExportOptions {
  engineers?: boolean;
  output?: string;
  data?: string;
  schema?: string;
  createdAt?: string;
}

/** The pack a manifest builds to (as `crw pack build`), or a built pack that verifies. */
async function packOf(path: string, createdAt: string | undefined): Promise<Pack | number> {
  const file = await readTextFile(path);
  if (/\.manifest\.json$/.test(path)) {
    const at = createdAt ?? new Date().toISOString();
    if (Number.isNaN(Date.parse(at))) throw new CliError(`--created-at ${at}: not an ISO timestamp.`);
    const built = await buildPack(file, ruleLoaderFor(resolve(path)), {
      createdAt: new Date(at).toISOString(),
    });
    printProblems(built.problems);
    built.tests.filter((t) => !t.passed).forEach(printFailure);
    if (!built.pack) {
      process.stderr.write("crw pack export: refused; the manifest does not build (see above).\n");
      return built.problems.some((p) => p.code === "json/syntax") ? 2 : 1;
    }
    return built.pack;
  }
  if (createdAt !== undefined)
    throw new CliError(`--created-at: ${file.file} is a built pack; its createdAt is part of its integrity.`);
  const verified = await verifyPack(file);
  printProblems(verified.problems);
  verified.tests.filter((t) => !t.passed).forEach(printFailure);
  const pack = JSON.parse(file.text) as Pack;
  if (verified.problems.some((p) => p.severity === "error") || verified.tests.some((t) => !t.passed)) {
    process.stderr.write(`crw pack export: refused; ${file.file} does not verify (see above).\n`);
    return verified.problems.some((p) => p.code === "json/syntax") ? 2 : 1;
  }
  return pack;
}

/** The first records of `--data`, as the workbench samples its reference dataset. */
async function sampleOf(path: string, schemaPath: string | undefined) {
  const schema = await loadDatasetSchema(schemaPath);
  await readTextFile(path); // a missing file is named as every other input is
  const records: unknown[] = [];
  for await (const batch of readRecords(path, schema).batches) {
    for (const record of batch) {
      if (record instanceof RejectedRecord) {
        const first = record.errors[0];
        const at = first?.line === undefined ? "" : `:${first.line}:${first.column ?? 1}`;
        throw new CliError(
          `${path}${at}: record ${records.length + 1} cannot be read (${first?.message.en ?? "invalid"}); the sample needs valid records.`,
        );
      }
      records.push(record);
      if (records.length === SAMPLE_RECORDS) break;
    }
    if (records.length === SAMPLE_RECORDS) break;
  }
  return { name: basename(path).replace(/\.(json|jsonl|ndjson|csv)$/, ""), records };
}

/**
 * `crw pack export <manifest|pack>`: the workbench's `Pack: Export` (`<name>-<version>.pack.json`),
 * or with `--engineers` its `Pack: Export for Engineers` (`<name>-<version>.zip`, the same engine
 * code), with the expected results of `--data`'s first records when given.
 */
export async function packExportCommand(path: string, options: PackExportOptions): Promise<number> {
  const pack = await packOf(path, options.createdAt);
  if (typeof pack === "number") return pack;
  // `-o <file>.zip` asks for the zip too, as the issue spells it (`crw pack export <pack> -o file.zip`).
  const engineers = options.engineers === true || options.output?.endsWith(".zip") === true;
  if (!engineers) {
    if (options.data !== undefined)
      throw new CliError("--data: only the engineers' zip (--engineers) has a sample.");
    const output = options.output ?? `${pack.name}-${pack.version}.pack.json`;
    await writeFile(output, packFileText(pack));
    process.stderr.write(
      `crw pack export: wrote ${output} (${pack.name} ${pack.version}, ${pack.integrity})\n`,
    );
    return 0;
  }
  const sample = options.data === undefined ? undefined : await sampleOf(options.data, options.schema);
  const zip = await engineersZip(pack, sample);
  const output = options.output ?? zip.name;
  await writeFile(output, zip.bytes);
  process.stderr.write(
    `crw pack export: wrote ${output} (${pack.name} ${pack.version}, ${pack.integrity}` +
      `${sample ? `, expected results for ${sample.records.length} records of ${sample.name}` : ", no sample: give --data"})\n`,
  );
  return 0;
}
