import { describe, expect, it } from "vitest";
import { createActor, fromCallback, fromPromise, type EventObject } from "xstate";
import { simulationMachine, type RunOrder, type SimulationEvent } from "../../src/machines";

const order: RunOrder = { packRef: "dealer-program@1.1.0", datasetId: "d", params: {} };
const settle = () => new Promise((r) => setTimeout(r, 0));

function start(
  execute: (sendBack: (e: SimulationEvent) => void) => (() => void) | void,
  prepare: () => Promise<unknown> = () => Promise.resolve({ prepared: true }),
) {
  const ended: string[] = [];
  const inputs: unknown[] = [];
  const actor = createActor(
    simulationMachine.provide({
      actors: {
        prepare: fromPromise(prepare),
        execute: fromCallback<EventObject, unknown>(({ sendBack, input }) => {
          inputs.push(input);
          return execute(sendBack) ?? undefined;
        }),
      },
      actions: { ended: (_, p) => void ended.push(p.state) },
    }),
  ).start();
  return { actor, ended, inputs };
}

describe("simulationMachine", () => {
  it("idle → loading → running (progress) → done, with the prepared request", async () => {
    const { actor, ended, inputs } = start((sendBack) => {
      sendBack({ type: "progress", progress: { stage: "read", done: 5, total: 10 } });
      setTimeout(
        () =>
          sendBack({
            type: "finished",
            run: { runId: "r1", records: 10, recordsWithErrors: 0, durationMs: 3 },
          }),
        0,
      );
    });
    expect(actor.getSnapshot().value).toBe("idle");
    actor.send({ type: "run", order });
    expect(actor.getSnapshot().value).toBe("loading");
    await settle();
    expect(actor.getSnapshot().value).toBe("running");
    expect(actor.getSnapshot().context.progress).toEqual({ stage: "read", done: 5, total: 10 });
    expect(inputs).toEqual([{ prepared: true }]);
    await settle();
    expect(actor.getSnapshot().value).toBe("done");
    expect(actor.getSnapshot().context.last?.runId).toBe("r1");
    expect(ended).toEqual(["done"]);
  });

  it("cancel stops the running actor (its cleanup ends the worker)", async () => {
    let stopped = 0;
    const { actor, ended } = start(() => () => void stopped++);
    actor.send({ type: "run", order });
    await settle();
    actor.send({ type: "cancel" });
    expect(actor.getSnapshot().value).toBe("cancelled");
    expect(stopped).toBe(1);
    expect(ended).toEqual(["cancelled"]);
  });

  it("a failing preparation or run ends in failed with its message; a new run starts over", async () => {
    const bad = start(
      () => undefined,
      () =>
        Promise.reject(
          Object.assign(new Error("x"), { text: { en: "No such pack", "zh-CN": "没有此规则包" } }),
        ),
    );
    bad.actor.send({ type: "run", order });
    await settle();
    expect(bad.actor.getSnapshot().value).toBe("failed");
    expect(bad.actor.getSnapshot().context.error).toEqual({ en: "No such pack", "zh-CN": "没有此规则包" });
    const failing = start((sendBack) => sendBack({ type: "failed", error: { en: "boom", "zh-CN": "失败" } }));
    failing.actor.send({ type: "run", order });
    await settle();
    expect(failing.actor.getSnapshot().value).toBe("failed");
    failing.actor.send({ type: "run", order });
    expect(failing.actor.getSnapshot().value).toBe("loading");
    expect(failing.actor.getSnapshot().context.error).toBeNull();
  });
});
