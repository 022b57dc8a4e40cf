import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { arrayRecordSource } from "../../../src/platform/simulation/recordSource";
import { csvCell, resultsCsv, resultsJsonl } from "../../../src/platform/simulation/exports";
import {
  runSimulation,
  SimulationError,
  type SimulationRequest,
} from "../../../src/platform/simulation/runSimulation";
import type { PackSource } from "../../../src/platform/simulation/packSource";
import { memoryRunRepository } from "../../../src/platform/storage/runRepository";
import { RunCancelled } from "../../../src/engine";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const read = (path: string) => readFile(`${ROOT}/${path}`, "utf8");

function crwEval(manifest: string, ...extra: string[]): string {
  const run = spawnSync(
    process.execPath,
    ["src/cli/crw.js", "eval", manifest, "--data", "samples/distributors-300.json", ...extra],
    {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return run.stdout;
}

async function manifestSource(version: string): Promise<PackSource> {
  const file = `rules/manifests/dealer-program-${version}.manifest.json`;
  const text = await read(file);
  const paths = (JSON.parse(text) as { rules: string[] }).rules.map((p) => `rules/${p.slice(3)}`);
  const rules = await Promise.all(paths.map(async (p) => ({ file: p, text: await read(p) })));
  return { kind: "manifest", ref: `dealer-program@${version}`, manifest: { file, text }, rules };
}

const records = JSON.parse(await read("samples/distributors-300.json")) as unknown[];
const dataset = {
  id: "distributors-300",
  name: "distributors-300",
  rowCount: 300,
  createdAt: "2024-01-01T00:00:00Z",
};
const request = async (
  version: string,
  extra: Partial<SimulationRequest> = {},
): Promise<SimulationRequest> => ({
  pack: await manifestSource(version),
  dataset,
  params: {},
  ...extra,
});

describe("runSimulation", { timeout: 60_000 }, () => {
  it.each(["1.0.0", "1.1.0"])(
    "dealer-program %s: JSONL export is crw eval's output, line for line",
    async (version) => {
      const outcome = await runSimulation(
        await request(version, { chunkSize: 64 }),
        arrayRecordSource(records),
      );
      expect(resultsJsonl(outcome.table).join("")).toBe(
        crwEval(`rules/manifests/dealer-program-${version}.manifest.json`),
      );
      expect(outcome.meta.asOf).toBe("2024-12-31");
      expect(outcome.meta.asOfSource).toBe("records");
      expect(outcome.meta.records).toBe(300);
      expect(outcome.meta.datasetHash).toMatch(/^[0-9a-f]{16}$/);
      expect(outcome.meta.integrity).toMatch(/^sha256-/);
      expect(outcome.specProblems).toEqual([]);
      // The manifest's guardrails, checked during the run as crw eval checks them (all hold on the sample).
      const declared = (
        JSON.parse(readFileSync(`rules/manifests/dealer-program-${version}.manifest.json`, "utf8")) as {
          "x-guardrails": { id: string }[];
        }
      )["x-guardrails"].map((g) => g.id);
      expect(outcome.guardrails.map((g) => g.id)).toEqual(declared);
      expect(outcome.guardrails.every((g) => g.passed && g.records === 300)).toBe(true);
    },
  );

  it("types parameter overrides and as_of as crw eval does, and lists the changed parameters", async () => {
    const outcome = await runSimulation(
      await request("1.1.0", { params: { attainment_gate: "0.9" }, asOf: "2024-11-30" }),
      arrayRecordSource(records),
    );
    const expected = crwEval(
      "rules/manifests/dealer-program-1.1.0.manifest.json",
      "--param",
      "attainment_gate=0.9",
      "--as-of",
      "2024-11-30",
    );
    expect(resultsJsonl(outcome.table).join("")).toBe(expected);
    expect(outcome.meta.changedParams).toEqual([{ name: "attainment_gate", default: 0.95, value: 0.9 }]);
    expect(outcome.meta.asOfSource).toBe("option");
  });

  it("refuses an unknown parameter, a value out of bounds and a bad date with a message", async () => {
    await expect(
      runSimulation(await request("1.1.0", { params: { nope: "1" } }), arrayRecordSource(records)),
    ).rejects.toThrow(SimulationError);
    await expect(
      runSimulation(await request("1.1.0", { params: { attainment_gate: "9" } }), arrayRecordSource(records)),
    ).rejects.toThrow(/attainment_gate/);
    await expect(
      runSimulation(await request("1.1.0", { asOf: "2024-13-01" }), arrayRecordSource(records)),
    ).rejects.toThrow(SimulationError);
  });

  it("reports progress by stage and stops when cancelled", async () => {
    const stages = new Set<string>();
    const signal = { aborted: false };
    const run = runSimulation(await request("1.1.0", { chunkSize: 50 }), arrayRecordSource(records), {
      signal,
      onProgress: (p) => {
        stages.add(p.stage);
        if (p.stage === "read" && p.done >= 100) signal.aborted = true;
      },
    });
    await expect(run).rejects.toThrow(RunCancelled);
    expect([...stages]).toEqual(["loading", "read"]);
  });

  it("CSV: BOM, header of fields and outputs, formula injection neutralised", async () => {
    const outcome = await runSimulation(await request("1.0.0"), arrayRecordSource(records.slice(0, 3)));
    const csv = resultsCsv(outcome.table, ["profile.name"]).join("");
    expect(csv.startsWith("\uFEFFid,profile.name,out.")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(5);
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-1+1")).toBe("'-1+1");
    expect(csvCell(-12.5)).toBe("-12.5");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("@x\n")).toBe('"\'@x\n"');
  });
});

describe("memoryRunRepository", () => {
  it("lists summaries newest first, reads results separately, deletes both", async () => {
    const repo = memoryRunRepository();
    await repo.put({ id: "a", createdAt: "2024-01-01" }, { big: [1, 2] });
    await repo.put({ id: "b", createdAt: "2024-01-02" }, { big: [3] });
    expect((await repo.list()).map((r) => r.id)).toEqual(["b", "a"]);
    expect(await repo.results("a")).toEqual({ big: [1, 2] });
    await repo.delete("a");
    expect(await repo.get("a")).toBeUndefined();
    expect(await repo.results("a")).toBeUndefined();
  });
});
