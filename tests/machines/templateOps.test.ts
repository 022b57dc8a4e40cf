import { describe, expect, it, vi } from "vitest";
import { createActor, fromPromise, waitFor } from "xstate";
import { defaultValues, findTemplate, instantiateTemplate, type TemplateOutput } from "../../src/engine";
import { workspaceOpsMachine, type Outcome } from "../../src/machines";
import type { TemplateCreateResult } from "../../src/platform";

function output(): TemplateOutput {
  const t = findTemplate("tiered-rebate")!;
  const r = instantiateTemplate(t, defaultValues(t));
  if (!r.ok) throw new Error("template");
  return r.value;
}

function start(result: TemplateCreateResult | Error) {
  const create = vi.fn((input: { output: TemplateOutput; manifestId?: string }) =>
    result instanceof Error ? Promise.reject(result) : Promise.resolve({ ...result, input }),
  );
  const reports: Outcome[] = [];
  const machine = workspaceOpsMachine.provide({
    actors: { createFromTemplate: fromPromise(({ input }) => create(input as never)) as never },
    actions: { report: (_, outcome) => void reports.push(outcome) },
  });
  const actor = createActor(machine).start();
  const states: string[] = [];
  actor.subscribe((s) => states.push(JSON.stringify(s.value)));
  return { actor, create, reports, states, settle: () => waitFor(actor, (s) => s.matches("idle")) };
}

describe("workspace ops machine: new rule from a template", () => {
  it("stores the generated rule with its manifest changes, then opens it and says where it went", async () => {
    const ref = { kind: "rule" as const, id: "tiered-rebate" };
    const { actor, create, reports, states, settle } = start({
      status: "created",
      ref,
      manifest: "dealer-program@1.0.0",
      missing: [],
    });
    const generated = output();
    actor.send({ type: "ops.newFromTemplate", output: generated, manifestId: "dealer-program@1.0.0" });
    await settle();
    expect(states).toEqual(['"fromTemplate"', '"idle"']);
    expect(create).toHaveBeenCalledWith({ output: generated, manifestId: "dealer-program@1.0.0" });
    expect(reports).toEqual([
      {
        log: [{ severity: "info", key: "templates.log.created", values: { id: "tiered-rebate" } }],
        open: ref,
        notice: {
          severity: "info",
          key: "templates.created",
          values: { id: "tiered-rebate", manifest: "dealer-program@1.0.0" },
        },
      },
    ]);
  });

  it("warns about the rules it reads that the manifest lacks; names a taken id; reports failures", async () => {
    const ref = { kind: "rule" as const, id: "gated" };
    const missing = start({ status: "created", ref, manifest: "m@1.0.0", missing: ["spring-bonus"] });
    missing.actor.send({ type: "ops.newFromTemplate", output: output(), manifestId: "m@1.0.0" });
    await missing.settle();
    expect(missing.reports[0]?.notice).toEqual({
      severity: "warning",
      key: "templates.missingRules",
      values: { id: "gated", manifest: "m@1.0.0", rules: "spring-bonus" },
    });
    const taken = start({ status: "exists", id: "tiered-rebate" });
    taken.actor.send({ type: "ops.newFromTemplate", output: output() });
    await taken.settle();
    expect(taken.create).toHaveBeenCalledWith({ output: expect.anything() as unknown });
    expect(taken.reports).toEqual([
      { notice: { severity: "warning", key: "ops.exists", values: { id: "tiered-rebate" } } },
    ]);
    const broken = start(new Error("disk full"));
    broken.actor.send({ type: "ops.newFromTemplate", output: output() });
    await broken.settle();
    expect(broken.reports[0]?.notice).toMatchObject({ severity: "error", key: "ops.failed" });
  });
});
