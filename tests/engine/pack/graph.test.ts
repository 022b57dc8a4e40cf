import { describe, expect, it } from "vitest";
import { planPack, type NodeLocator } from "../../../src/engine/pack/graph";
import type { PopulationOp } from "../../../src/engine/pack/model";
import { content, rule } from "./fixtures";

const locate: NodeLocator = (node, pointer, code, message, severity = "error") => ({
  code,
  severity,
  message,
  pointer: `/${node.kind}/${node.index}${pointer}`,
});
const op = (id: string, measure: string, out: string): PopulationOp => ({ id, op: "rank", measure, out });

describe("planPack", () => {
  it("orders by dependencies, ties by declaration order with population first", () => {
    const plan = planPack(
      content(
        [rule("b", { var: "pop.r" }), rule("a", 1), rule("c", { "+": [{ var: "out.a" }, { var: "out.b" }] })],
        {
          population: [op("r", "out.a", "pop.r"), op("s", "sales", "pop.s")],
        },
      ),
      locate,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.order.map((n) => n.id)).toEqual(["s", "a", "r", "b", "c"]);
  });

  it("names the cycle", () => {
    const plan = planPack(
      content([rule("a", { var: "pop.x" }), rule("b", { var: "out.a" })], {
        population: [op("x", "out.b", "pop.x")],
      }),
      locate,
    );
    const cycle = plan.problems.find((p) => p.code === "pack/cycle");
    expect(cycle?.message.en).toContain("pop.x → rule b → rule a → pop.x");
  });

  it("reports a rule reading itself", () => {
    const plan = planPack(content([rule("a", { var: "out.a" })]), locate);
    expect(plan.problems.map((p) => p.message.en)).toEqual([expect.stringContaining("rule a → rule a")]);
  });

  it("reports unknown reads, unknown params and double producers with pointers", () => {
    const plan = planPack(
      content([rule("a", { "+": [{ var: "out.nope" }, { var: "params.missing" }] }), rule("b", 1)], {
        population: [op("r", "x", "pop.r"), op("s", "y", "pop.r")],
      }),
      locate,
    );
    const byCode = Object.fromEntries(plan.problems.map((p) => [p.code, p]));
    expect(byCode["pack/unknown-read"]).toMatchObject({ pointer: "/rule/0/logic/+/0" });
    expect(byCode["pack/unknown-param"]).toMatchObject({ pointer: "/rule/0/logic/+/1" });
    expect(byCode["pack/duplicate-producer"]).toMatchObject({ pointer: "/population/1/out" });
  });

  it("refuses an id used by a rule and an operator", () => {
    const plan = planPack(content([rule("a", 1)], { population: [op("a", "x", "pop.a")] }), locate);
    expect(plan.problems.map((p) => p.code)).toContain("pack/duplicate-id");
  });

  it("makes operators depend on their budget path and ignores reads inside map", () => {
    const plan = planPack(
      content([rule("raw", { map: [{ var: "items" }, { var: "out.later" }] }), rule("later", 1)], {
        population: [
          { id: "bf", op: "budget_factor", measure: "out.raw", budget: "pop.cap", out: "pop.f" },
          { id: "cap", op: "group_stat", stat: "sum", measure: "sales", out: "pop.cap" },
        ],
      }),
      locate,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.order.map((n) => n.id)).toEqual(["cap", "raw", "bf", "later"]);
  });
});
