import { describe, expect, it } from "vitest";
import { createActor, fromCallback, type EventObject } from "xstate";
import {
  datasetGenerateMachine,
  type DatasetGenerateEvent,
  type GenerateForm,
  type GenerateInput,
} from "../../src/machines";
import type { DatasetMeta } from "../../src/platform";

const form: GenerateForm = {
  spec: { count: 1000, seed: 42, industry: "fmcg", asOf: "2024-12-31" },
  name: "synthetic-1000-seed-42-fmcg",
  nameEdited: false,
};
const meta: DatasetMeta = {
  id: "s",
  name: "s",
  rowCount: 1000,
  sourceFile: "npm run samples",
  createdAt: "t",
};

function start(valid = true) {
  const log: string[] = [];
  const generated: DatasetMeta[] = [];
  let send: ((event: DatasetGenerateEvent) => void) | undefined;
  const actor = createActor(
    datasetGenerateMachine.provide({
      guards: { valid: () => valid },
      actors: {
        generate: fromCallback<EventObject, GenerateInput>(({ sendBack, input }) => {
          log.push(`generate ${input.spec.count} ${input.spec.seed} ${input.spec.industry} "${input.name}"`);
          send = sendBack;
          return () => log.push("generate stopped");
        }),
      },
      actions: { generated: (_, params) => void generated.push(params.meta) },
    }),
  ).start();
  return { actor, log, generated, reply: (event: DatasetGenerateEvent) => send!(event) };
}

describe("dataset generate machine", () => {
  it("runs the form's spec, shows progress, and reports the dataset", () => {
    const { actor, log, generated, reply } = start();
    actor.send({ type: "generate.open", form });
    actor.send({ type: "generate.edit", form: { ...form, name: "  mine  ", nameEdited: true } });
    actor.send({ type: "generate.start" });
    expect(actor.getSnapshot().value).toBe("generating");
    expect(log).toEqual(['generate 1000 42 fmcg "mine"']);
    reply({ type: "generate.progress", rows: 500 });
    expect(actor.getSnapshot().context.rows).toBe(500);
    reply({ type: "generate.written", meta });
    expect(actor.getSnapshot().value).toBe("idle");
    expect(generated).toEqual([meta]);
  });

  it("Cancel stops the generation (whose actor removes what it wrote)", () => {
    const { actor, log, generated } = start();
    actor.send({ type: "generate.open", form });
    actor.send({ type: "generate.start" });
    actor.send({ type: "generate.cancel" });
    expect(actor.getSnapshot().value).toBe("idle");
    expect(log).toEqual(['generate 1000 42 fmcg "synthetic-1000-seed-42-fmcg"', "generate stopped"]);
    expect(generated).toEqual([]);
  });

  it("an invalid form does not start; a failure keeps the error and can go back to the form", () => {
    const invalid = start(false);
    invalid.actor.send({ type: "generate.open", form });
    invalid.actor.send({ type: "generate.start" });
    expect(invalid.actor.getSnapshot().value).toBe("editing");
    expect(invalid.log).toEqual([]);

    const { actor, reply } = start();
    actor.send({ type: "generate.open", form });
    actor.send({ type: "generate.start" });
    const full = new DOMException("full", "QuotaExceededError");
    reply({ type: "generate.failed", error: full });
    expect(actor.getSnapshot().value).toBe("failed");
    expect(actor.getSnapshot().context.error).toBe(full);
    actor.send({ type: "generate.start" });
    expect(actor.getSnapshot().value).toBe("editing");
    expect(actor.getSnapshot().context.form).toEqual(form);
  });
});
