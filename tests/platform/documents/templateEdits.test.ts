import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import {
  buildPack,
  defaultValues,
  findTemplate,
  instantiateTemplate,
  type JsonSchemaLike,
  type TemplateOutput,
} from "../../../src/engine";
import {
  createDocumentStore,
  createMemoryRepositories,
  readWorkspaceLists,
  seedWorkspace,
  storedRuleLoader,
  type DocumentStore,
  type WorkspaceMessage,
  type WorkspaceRepositories,
} from "../../../src/platform";
import { diskSeedBundle } from "../seed/seedFiles";

const schema = JSON.parse(
  readFileSync(join(resolve(__dirname, "../../.."), "samples/distributor.schema.json"), "utf8"),
) as JsonSchemaLike;
const PROGRAM = "dealer-program@1.0.0";

function generate(templateId: string, change: Record<string, unknown> = {}): TemplateOutput {
  const template = findTemplate(templateId)!;
  const result = instantiateTemplate(template, { ...defaultValues(template), ...change });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe("creating a rule from a template", () => {
  let repos: WorkspaceRepositories;
  let store: DocumentStore;
  const heard: WorkspaceMessage[] = [];

  beforeEach(async () => {
    repos = createMemoryRepositories();
    store = createDocumentStore({ repos, now: () => new Date("2026-12-03T10:00:00.000Z") });
    heard.length = 0;
    store.subscribe((m) => heard.push(m));
    await seedWorkspace(repos, () =>
      Promise.resolve({ documents: diskSeedBundle().documents, datasets: [] }),
    );
  });

  it("stores the rule and the manifest's parameters and path in one change; the pack builds", async () => {
    const before = (await repos.manifests.get(PROGRAM))!;
    const output = generate("tiered-rebate", { mode: "marginal" });
    const result = await store.createFromTemplate(output, PROGRAM);
    expect(result).toEqual({
      status: "created",
      ref: { kind: "rule", id: "tiered-rebate" },
      manifest: PROGRAM,
      missing: [],
    });
    const rule = (await repos.rules.get("tiered-rebate"))!;
    expect(rule.file).toBe("rules/incentive/tiered-rebate.rule.json");
    const after = (await repos.manifests.get(PROGRAM))!;
    expect(after.revision).toBe((before.revision ?? 1) + 1);
    expect(after.manifest.rules.at(-1)).toBe("../incentive/tiered-rebate.rule.json");
    expect(Object.keys(after.manifest.params)).toEqual([
      ...Object.keys(before.manifest.params),
      ...Object.keys(output.params),
    ]);
    // The manifest's own text is kept: every line it had is still there, in order (an array's last
    // item gains the comma before the appended one).
    const lines = after.text.split("\n").map((l) => l.replace(/,$/, ""));
    let at = 0;
    for (const line of before.text.split("\n").map((l) => l.replace(/,$/, ""))) {
      while (at < lines.length && lines[at] !== line) at++;
      expect(at, line).toBeLessThan(lines.length);
    }
    expect(heard.map((m) => m.type)).toEqual(["document.created", "document.saved"]);

    const lists = await readWorkspaceLists(repos);
    const manifest = lists.manifests.find((m) => m.id === PROGRAM)!;
    const built = await buildPack(manifest, storedRuleLoader(lists, manifest.file), {
      createdAt: "2026-12-03",
      datasetSchema: schema,
    });
    expect(built.problems.filter((p) => p.file === rule.file || p.severity === "error")).toEqual([]);
    expect(built.tests.filter((t) => t.rule === "tiered-rebate").every((t) => t.passed)).toBe(true);
    expect(built.pack?.order).toContain("tiered-rebate");
  });

  it("adds the population operator of the ABC policy", async () => {
    const result = await store.createFromTemplate(generate("abc-policy"), PROGRAM);
    expect(result.status).toBe("created");
    const after = (await repos.manifests.get(PROGRAM))!;
    expect(after.manifest.population.at(-1)).toMatchObject({
      id: "abc-cash-share-abc",
      op: "cumulative_share_class",
      out: "pop.abc_cash_share_class",
    });
  });

  it("names the rules a gate reads that the manifest lacks", async () => {
    const result = await store.createFromTemplate(generate("gate", { governed: "spring-bonus" }), PROGRAM);
    expect(result).toMatchObject({ status: "created", missing: ["spring-bonus"] });
    const included = await store.createFromTemplate(generate("gate", { id: "gated-volume" }), PROGRAM);
    expect(included).toMatchObject({ status: "created", missing: [] });
  });

  it("stores nothing when the id is taken or a parameter is declared differently", async () => {
    const taken = generate("tiered-rebate", { id: "volume-rebate" });
    expect(await store.createFromTemplate(taken, PROGRAM)).toEqual({ status: "exists", id: "volume-rebate" });
    const manifestBefore = (await repos.manifests.get(PROGRAM))!.text;
    const first = generate("growth-bonus", { id: "spring-growth" });
    expect((await store.createFromTemplate(first)).status).toBe("created");
    // Same id prefix, other defaults: the manifest's declaration must not be replaced silently.
    await store.createFromTemplate(generate("growth-bonus", { id: "autumn-growth" }), PROGRAM);
    const clash = generate("growth-bonus", { id: "autumn-growth-2", rate: 0.08 });
    const renamed = {
      ...clash,
      params: Object.fromEntries(
        Object.entries(clash.params).map(([k, v]) => [k.replace("autumn_growth_2", "autumn_growth"), v]),
      ),
    };
    renamed.rule = { ...clash.rule, id: "autumn-growth-3" };
    const result = await store.createFromTemplate(renamed, PROGRAM);
    expect(result.status).toBe("conflict");
    expect(await repos.rules.get("autumn-growth-3")).toBeUndefined();
    expect((await repos.manifests.get(PROGRAM))!.text).not.toBe(manifestBefore);
    expect(await store.createFromTemplate(first, "nope@1.0.0")).toEqual({
      status: "exists",
      id: "spring-growth",
    });
    expect(await store.createFromTemplate(generate("spiff"), "nope@1.0.0")).toEqual({
      status: "missing",
      manifest: "nope@1.0.0",
    });
  });
});
