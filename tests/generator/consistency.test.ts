import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createRecordGenerator,
  daysBetween,
  declineStreak,
  parseIsoDate,
  quarterYoy,
  ratio,
  roundTo,
  violationPoints,
  wholeYears,
  type DistributorRecord,
} from "../../src/generator/index";

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Every derived field of §4.3 agrees with its sources, exactly as stored. */
function checkDerived(r: DistributorRecord): void {
  const s = r.sales;
  const month = parseIsoDate(r.as_of).month;
  expect(s.net_ytd).toBe(s.gross_ytd - s.returns_ytd);
  expect(s.rebate_base_ytd).toBe(s.net_ytd - s.special_price_ytd);
  expect(s.rebate_base_ytd).toBe(sum(s.monthly.slice(12 - month)));
  expect(s.prior_ytd).toBe(sum(s.monthly_prior.slice(12 - month)));
  expect(s.attainment_ytd).toBe(ratio(s.rebate_base_ytd, r.targets.ytd_sales));
  expect(s.growth_yoy).toBe(
    s.has_prior_year && s.prior_ytd > 0 ? roundTo(s.rebate_base_ytd / s.prior_ytd - 1, 4) : 0,
  );
  expect(s.q_yoy).toEqual(quarterYoy(s.quarterly));
  expect([s.q_yoy_minus3, s.q_yoy_minus2, s.q_yoy_minus1, s.q_yoy_latest]).toEqual(s.q_yoy);
  expect(s.q_yoy_below_minus10_streak).toBe(declineStreak(s.q_yoy));
  expect(s.prior_quarter_net).toBe(s.quarterly[6]);
  if (month === 12) {
    expect(sum(s.quarterly.slice(4))).toBe(s.rebate_base_ytd);
    expect(sum(s.quarterly.slice(0, 4))).toBe(s.prior_ytd);
  }
  expect(s.by_line.core.net_ytd + s.by_line.premium.net_ytd + s.by_line.new_np01.net_ytd).toBe(s.net_ytd);
  expect(s.by_line.new_np01.window_sell_through_qty).toBeLessThanOrEqual(s.by_line.new_np01.window_qty);
  expect(s.market_share).toBe(ratio((s.net_ytd * 12) / month, s.market_size_est));
  expect(sum(r.targets.quarter_sales)).toBe(r.targets.annual_sales);
  expect(r.ar.collection_rate).toBe(Math.min(1, ratio(r.ar.collected_period, r.ar.due_in_period)));
  expect(r.ar.overdue_90_amount).toBeLessThanOrEqual(r.ar.overdue_amount);
  expect(r.network.coverage_rate).toBe(ratio(r.network.outlets_covered, r.network.outlets_in_territory));
  expect(r.training.completion_rate).toBe(ratio(r.training.attended_sessions, r.training.required_sessions));
  expect(r.survey.satisfaction_gap).toBe(
    roundTo(r.survey.end_customer_experience - r.survey.end_customer_expectation, 1),
  );
  expect(r.violations.points_12m).toBe(violationPoints(r.violations));
  expect(r.violations.months_since_last === 99).toBe(
    r.violations.points_12m === 0 && r.violations.counterfeit_count === 0,
  );
  const since = parseIsoDate(r.profile.partner_since);
  const asOf = parseIsoDate(r.as_of);
  expect(r.profile.partner_years).toBe(wholeYears(since, asOf));
  expect(r.profile.anniversary_month).toBe(since.month);
  expect(daysBetween(since, asOf)).toBeGreaterThanOrEqual(0);
  const lots = r.loyalty.lots;
  expect(r.loyalty.points_balance).toBe(sum(lots.map((l) => l.remaining)));
  expect(r.loyalty.points_expiring_60d).toBe(
    sum(lots.filter((l) => l.months_to_expiry > 0 && l.months_to_expiry <= 2).map((l) => l.remaining)),
  );
  expect(s.rebate_base_ytd_restated).toBeLessThanOrEqual(s.rebate_base_ytd - r.ar.written_off_period);
  // A distributor that has not bought for over a year has no sales in the last 12 months.
  if (r.loyalty.days_since_last_purchase > 365) expect(sum(s.monthly)).toBe(0);
  if (!s.has_prior_year) expect(s.growth_yoy).toBe(0);
}

describe("derived fields agree with their sources", () => {
  it("for 2,000 records of the default dataset", () => {
    const gen = createRecordGenerator({ seed: 20241231, asOf: "2024-12-31", industry: "mixed", idWidth: 4 });
    for (let i = 0; i < 2000; i += 1) checkDerived(gen(i));
  });

  it("for any seed, evaluation date and industry", () => {
    const date = fc
      .record({
        year: fc.integer({ min: 2015, max: 2030 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
      })
      .map(
        ({ year, month, day }) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
      );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        date,
        fc.constantFrom("mixed", "fmcg", "electronics", "agri" as const),
        (seed, asOf, industry) => {
          const gen = createRecordGenerator({ seed, asOf, industry, idWidth: 4 });
          for (let i = 0; i < 20; i += 1) checkDerived(gen(i));
        },
      ),
      { numRuns: 60 },
    );
  });
});
