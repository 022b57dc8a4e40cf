import { describe, expect, it } from "vitest";
import {
  analyzeWorkspace,
  createInlineAnalysisService,
  createWorkerAnalysisService,
  runTestsOfText,
  type SourceDocument,
  type WorkerLike,
} from "../../../src/platform";
import { handleAnalysis, type AnalysisReply } from "../../../src/platform/workers/analysisProtocol";
import { diskSeedBundle, ROOT } from "../seed/seedFiles";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const docs = diskSeedBundle().documents;
const idOf = (text: string) => {
  const v = JSON.parse(text) as { id?: string; name?: string; version?: string };
  return v.id ?? `${v.name}@${v.version}`;
};
const rules: SourceDocument[] = docs
  .filter((d) => d.path.endsWith(".rule.json"))
  .map((d) => ({ id: idOf(d.text), file: d.path, text: d.text }));
const manifests: SourceDocument[] = docs
  .filter((d) => d.path.endsWith(".manifest.json"))
  .map((d) => ({ id: idOf(d.text), file: d.path, text: d.text }));
const volumeFile = "rules/incentive/volume-rebate.rule.json";
const volumeText = readFileSync(join(ROOT, volumeFile), "utf8");

/** volume-rebate with its first test expecting one more than the rule pays. */
function brokenExpectation(): { text: string; expected: number } {
  const rule = JSON.parse(volumeText) as { tests: { expect: number }[] };
  rule.tests[0]!.expect += 1;
  return { text: JSON.stringify(rule, null, 2), expected: rule.tests[0]!.expect };
}

describe("workspace analysis", () => {
  it("builds every shipped manifest cleanly and runs every shipped rule's tests, all passing", async () => {
    const analysis = await analyzeWorkspace({ rules, manifests, at: "2025-03-01T00:00:00.000Z" });
    expect(analysis.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(analysis.tests.map((t) => t.file).sort()).toEqual(rules.map((r) => r.file).sort());
    const results = analysis.tests.flatMap((t) => t.results);
    expect(results.length).toBeGreaterThan(100);
    expect(results.filter((r) => !r.passed)).toEqual([]);
    const volume = analysis.tests.find((t) => t.ruleId === "volume-rebate")!;
    expect(volume.results[0]).toMatchObject({ pointer: "/tests/0", passed: true });
    expect(volume.results[0]!.line).toBeGreaterThan(1);
    expect(volume.results[0]!.actual).toEqual(volume.results[0]!.expected);
  });

  it("reports a failing test with expected and actual, and the pack that will not build", async () => {
    const { text, expected } = brokenExpectation();
    const edited = rules.map((r) => (r.file === volumeFile ? { ...r, text } : r));
    const analysis = await analyzeWorkspace({ rules: edited, manifests, at: "2025-03-01T00:00:00.000Z" });
    const failed = analysis.tests.flatMap((t) => t.results.filter((r) => !r.passed));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ expected, actual: expected - 1, passed: false });
    expect(analysis.problems.filter((p) => p.code === "pack/tests-failed").map((p) => p.file)).toEqual([
      "rules/manifests/dealer-program-1.0.0.manifest.json",
      "rules/manifests/dealer-program-1.1.0.manifest.json",
    ]);
  });

  it("lints a rule in no manifest on its own, against the dataset schema", async () => {
    const lonely: SourceDocument = {
      id: "lonely",
      file: "rules/loyalty/lonely.rule.json",
      text: JSON.stringify({
        id: "lonely",
        kind: "loyalty",
        version: "1.0.0",
        title: { en: "Lonely" },
        output: { type: "number" },
        logic: { "+": [{ var: "nowhere.to_be_found" }, 1] },
        tests: [],
      }),
    };
    const schema = JSON.parse(readFileSync(join(ROOT, "samples/distributor.schema.json"), "utf8")) as unknown;
    const analysis = await analyzeWorkspace({
      rules: [lonely],
      manifests: [],
      datasetSchema: schema,
      at: "t",
    });
    expect(analysis.problems.map((p) => p.file)).toContain("rules/loyalty/lonely.rule.json");
    expect(analysis.problems.some((p) => p.message.en.includes("nowhere.to_be_found"))).toBe(true);
  });

  it("runs the tests of an unsaved text, or says why it could not", () => {
    const report = runTestsOfText({ file: volumeFile, text: brokenExpectation().text });
    expect(report.ruleId).toBe("volume-rebate");
    expect(report.results.filter((r) => !r.passed).map((r) => r.pointer)).toEqual(["/tests/0"]);
    const broken = runTestsOfText({ file: volumeFile, text: '{ "id": "volume-rebate", ' });
    expect(broken).toMatchObject({ ruleId: "volume-rebate", results: [] });
    expect(broken.problems?.[0]?.code).toBe("json/syntax");
  });
});

/** A worker that answers through the real handler, out of order, and can be made to die. */
function fakeWorker() {
  const started: (WorkerLike & { die(): void })[] = [];
  const start = (): WorkerLike => {
    const worker: WorkerLike & { die(): void } = {
      onmessage: null,
      onerror: null,
      terminate: () => undefined,
      postMessage({ id, request }) {
        // Later requests answer first: the service must match answers by id.
        const delay = request.type === "analyze" ? 20 : 0;
        setTimeout(() => {
          void handleAnalysis(request).then((value) =>
            worker.onmessage?.({ data: { id, ok: true, value } } as MessageEvent<AnalysisReply>),
          );
        }, delay);
      },
      die() {
        worker.onerror?.({ message: "worker crashed" } as ErrorEvent);
      },
    };
    started.push(worker);
    return worker;
  };
  return { start, started };
}

describe("analysis service", () => {
  it("matches answers to requests over the worker, whatever order they come in", async () => {
    const { start, started } = fakeWorker();
    const service = createWorkerAnalysisService(start);
    const analysis = service.analyze({ rules: rules.slice(0, 3), manifests: [], at: "t" });
    const tests = service.runTests({ file: volumeFile, text: volumeText });
    expect((await tests).ruleId).toBe("volume-rebate");
    expect((await analysis).tests).toHaveLength(3);
    expect(started).toHaveLength(1);
    service.dispose();
  });

  it("fails the requests in hand when the worker dies, and starts a new one for the next", async () => {
    const { start, started } = fakeWorker();
    const service = createWorkerAnalysisService(start);
    const lost = service.analyze({ rules, manifests, at: "t" });
    started[0]!.die();
    await expect(lost).rejects.toThrow("worker crashed");
    expect((await service.runTests({ file: volumeFile, text: volumeText })).results.length).toBeGreaterThan(
      0,
    );
    expect(started).toHaveLength(2);
    service.dispose();
  });

  it("runs in this thread when asked to", async () => {
    const report = await createInlineAnalysisService().runTests({ file: volumeFile, text: volumeText });
    expect(report.results.every((r) => r.passed)).toBe(true);
  });
});
