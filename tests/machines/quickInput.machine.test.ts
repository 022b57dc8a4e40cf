import { describe, expect, it, vi } from "vitest";
import { createActor } from "xstate";
import { quickInputMachine } from "../../src/machines";

const start = () => createActor(quickInputMachine).start();

describe("quick input machine", () => {
  it("a pick settles once with the accepted item's index, and closes", () => {
    const actor = start();
    const resolve = vi.fn();
    actor.send({
      type: "quickInput.show",
      request: { mode: "pick", items: [{ label: "a" }, { label: "b" }], resolve },
    });
    actor.send({ type: "quickInput.move", delta: 1, visibleCount: 2 });
    expect(actor.getSnapshot().context.activeIndex).toBe(1);
    actor.send({ type: "quickInput.move", delta: 1, visibleCount: 2 });
    expect(actor.getSnapshot().context.activeIndex).toBe(0);
    actor.send({ type: "quickInput.accept", itemIndex: 1 });
    expect(resolve).toHaveBeenCalledExactlyOnceWith(1);
    expect(actor.getSnapshot().value).toBe("closed");
    actor.send({ type: "quickInput.cancel" });
    expect(resolve).toHaveBeenCalledTimes(1);
  });

  it("Escape and a newer quick input both cancel the open one", () => {
    const actor = start();
    const first = vi.fn();
    const second = vi.fn();
    actor.send({
      type: "quickInput.show",
      request: { mode: "pick", items: [{ label: "a" }], resolve: first },
    });
    actor.send({ type: "quickInput.show", request: { mode: "input", resolve: second } });
    expect(first).toHaveBeenCalledExactlyOnceWith(undefined);
    actor.send({ type: "quickInput.cancel" });
    expect(second).toHaveBeenCalledExactlyOnceWith(undefined);
  });

  it("an input is refused while its validation fails and accepted once it passes", () => {
    const actor = start();
    const resolve = vi.fn();
    const validate = (v: string) => (/^[a-z-]+$/.test(v) ? undefined : "lower-case words and dashes");
    actor.send({ type: "quickInput.show", request: { mode: "input", value: "", validate, resolve } });
    expect(actor.getSnapshot().context.validation).toBe("lower-case words and dashes");
    actor.send({ type: "quickInput.accept" });
    expect(resolve).not.toHaveBeenCalled();
    actor.send({ type: "quickInput.type", text: "my-rule" });
    actor.send({ type: "quickInput.accept" });
    expect(resolve).toHaveBeenCalledExactlyOnceWith("my-rule");
  });

  it("typing resets the active option to the best match", () => {
    const actor = start();
    actor.send({
      type: "quickInput.show",
      request: { mode: "pick", items: [{ label: "a" }], activeIndex: 3, resolve: () => {} },
    });
    expect(actor.getSnapshot().context.activeIndex).toBe(3);
    actor.send({ type: "quickInput.type", text: "x" });
    expect(actor.getSnapshot().context.activeIndex).toBe(0);
  });
});
