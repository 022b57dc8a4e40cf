import fc from "fast-check";
import { describe, it } from "vitest";
import { applyReference, compile } from "../../../src/engine";
import { benchRules } from "../../bench/engine.rules";
import { numbers, outcome, sameOutcome, show } from "./arbitraries";

// Catalogue rules (I1–I4, E1, as benchmarked) on records shaped like the domain's, where any field may
// also be null, missing, a number-like string or a boolean: the cases real imports produce.
const leaf = fc.oneof(
  { arbitrary: numbers, weight: 6 },
  fc.constantFrom<unknown>(null, "", "12.5", "n/a", true, false, [], [1]),
);
const group = (keys: string[]) =>
  fc.record(Object.fromEntries(keys.map((k) => [k, leaf])), { requiredKeys: [] }) as fc.Arbitrary<
    Record<string, unknown>
  >;
const records = fc.record(
  {
    sales: group(["rebate_base_ytd", "attainment_ytd", "prior_ytd", "has_prior_year", "growth_yoy"]),
    ar: group(["collection_rate", "avg_days_to_pay", "overdue_90_amount"]),
    profile: group([
      "manager_rating",
      "our_share_of_purchases",
      "vehicles",
      "warehouse_m2",
      "working_capital_est",
    ]),
    targets: group(["annual_sales"]),
    violations: group(["points_12m"]),
    training: group(["completion_rate"]),
    network: group(["coverage_rate"]),
    params: group(["attainment_gate", "growth_hurdle"]),
  },
  { requiredKeys: ["sales", "params"] },
);

describe.each(benchRules.map((r) => [r.title, r] as const))("catalogue rule %s", (_title, rule) => {
  const codegen = compile(rule.logic);
  const closure = compile(rule.logic, { codegen: false });
  it("gives the reference's value in both compiled modes on messy records", () => {
    fc.assert(
      fc.property(records, (data) => {
        const reference = outcome(() => applyReference(rule.logic, data));
        const a = outcome(() => codegen(data));
        const b = outcome(() => closure(data));
        if (!sameOutcome(reference, a) || !sameOutcome(reference, b)) {
          throw new Error(
            `disagree on ${show(data)}: reference ${show(reference)}, codegen ${show(a)}, closure ${show(b)}`,
          );
        }
      }),
      { numRuns: 1500 },
    );
  });
});
