import { describe, expect, it } from "vitest";
import { evaluate, MANIFESTS, SAMPLE_CSV, SAMPLE_JSON, type EvalLine } from "./crw";
import { distinct, totals } from "./totals";

const [CURRENT, PROPOSED] = MANIFESTS;
const runs = new Map<string, EvalLine[]>(MANIFESTS.map((m) => [m, evaluate(m, SAMPLE_JSON)]));
const run = (manifest: string): EvalLine[] => runs.get(manifest) ?? [];

/** Outputs a pack's parameters switch off: 1.0.0 pays A-class in cash, so no terminal budget exists. */
const SWITCHED_OFF: Record<string, string[]> = { [CURRENT]: ["terminal-support-budget"], [PROPOSED]: [] };

describe("both dealer programs over the 300-distributor sample", () => {
  it.each(MANIFESTS)("%s evaluates every record without errors", (manifest) => {
    const lines = run(manifest);
    expect(lines).toHaveLength(300);
    expect(lines.filter((line) => line.errors.length > 0)).toEqual([]);
    expect(Object.keys(lines[0]?.out ?? {})).toHaveLength(35);
  });

  it.each(MANIFESTS)("%s: totals per output match the checked-in snapshot", async (manifest) => {
    const name = manifest.split("/").pop()?.replace(".manifest.json", "") ?? manifest;
    await expect(`${JSON.stringify(totals(run(manifest)), null, 2)}\n`).toMatchFileSnapshot(
      `./__snapshots__/${name}.totals.json`,
    );
  });

  it.each(MANIFESTS)("%s: every output fires for some distributors and not for others", (manifest) => {
    for (const id of Object.keys(run(manifest)[0]?.out ?? {})) {
      const values = distinct(run(manifest), id);
      if (SWITCHED_OFF[manifest]?.includes(id)) {
        expect([...values], `${id} is switched off`).toEqual([0]);
      } else {
        expect(values.size, `${id} has a single value: ${[...values].join()}`).toBeGreaterThanOrEqual(2);
        if (typeof [...values][0] === "number")
          expect(
            values.has(0) || id.endsWith("-score") || id === "collection-multiplier",
            `${id} is never 0`,
          ).toBe(true);
      }
    }
  });

  it("the CSV sample gives exactly the JSON sample's results", () => {
    expect(evaluate(CURRENT, SAMPLE_CSV, "--schema", "samples/distributor.schema.json")).toEqual(
      run(CURRENT),
    );
  });

  it("1.1.0 against 1.0.0 has winners and losers, A-class distributors among the losers of cash", () => {
    const before = run(CURRENT);
    const after = run(PROPOSED);
    let winners = 0;
    let losers = 0;
    let aClassCashLosers = 0;
    after.forEach((line, i) => {
      const old = before[i];
      expect(old?.id).toBe(line.id);
      const payout = (l: EvalLine | undefined): number =>
        Number(l?.out["cash-rebate"]) + Number(l?.out["terminal-support-budget"]);
      const delta = payout(line) - payout(old);
      if (delta > 0.005) winners += 1;
      if (delta < -0.005) losers += 1;
      if (line.pop.abc_class === "A" && Number(line.out["cash-rebate"]) < Number(old?.out["cash-rebate"]))
        aClassCashLosers += 1;
    });
    expect(winners).toBeGreaterThan(0);
    expect(losers).toBeGreaterThan(0);
    expect(aClassCashLosers).toBeGreaterThan(0);
  });
});
