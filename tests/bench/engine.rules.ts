/**
 * Five rules of the domain catalogue (channel-rules-domain.md §5) as JsonLogic, each with a
 * hand-written JavaScript twin, and a seeded generator of evaluation contexts shaped like §4.3.
 */
import { mulberry32 } from "./harness";

type Num = number;

/** Evaluation context of one record: the record's fields plus the run's params. */
export interface BenchContext {
  id: string;
  sales: {
    rebate_base_ytd: Num;
    attainment_ytd: Num;
    prior_ytd: Num;
    has_prior_year: boolean;
    growth_yoy: Num;
  };
  ar: { collection_rate: Num; avg_days_to_pay: Num; overdue_90_amount: Num };
  profile: {
    manager_rating: Num;
    our_share_of_purchases: Num;
    vehicles: Num;
    warehouse_m2: Num;
    working_capital_est: Num;
  };
  targets: { annual_sales: Num };
  violations: { points_12m: Num };
  training: { completion_rate: Num };
  network: { coverage_rate: Num };
  params: { attainment_gate: Num; growth_hurdle: Num };
}

export function generateContexts(count: number, seed = 20261122): BenchContext[] {
  const rnd = mulberry32(seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * rnd();
  const int = (lo: number, hi: number) => Math.floor(between(lo, hi + 1));
  const money = (lo: number, hi: number) => Math.round(between(lo, hi) * 100) / 100;
  const params = { attainment_gate: 0.9, growth_hurdle: 0.05 };
  const out: BenchContext[] = new Array<BenchContext>(count);
  for (let i = 0; i < count; i++) {
    const base = money(-50_000, 9_000_000);
    const hasPrior = rnd() > 0.1;
    const prior = hasPrior ? money(0, 8_000_000) : 0;
    out[i] = {
      id: `D-${String(i + 1).padStart(7, "0")}`,
      sales: {
        rebate_base_ytd: base,
        attainment_ytd: between(0.4, 1.5),
        prior_ytd: prior,
        has_prior_year: hasPrior,
        growth_yoy: prior > 0 ? (base - prior) / prior : 0,
      },
      ar: {
        collection_rate: between(0.6, 1),
        avg_days_to_pay: int(0, 90),
        overdue_90_amount: rnd() < 0.85 ? 0 : money(1, 200_000),
      },
      profile: {
        manager_rating: int(1, 5),
        our_share_of_purchases: between(0.05, 1),
        vehicles: int(0, 60),
        warehouse_m2: int(50, 30_000),
        working_capital_est: money(200_000, 80_000_000),
      },
      targets: { annual_sales: money(300_000, 500_000_000) },
      violations: { points_12m: int(0, 6) },
      training: { completion_rate: between(0, 1) },
      network: { coverage_rate: between(0.2, 1) },
      params,
    };
  }
  return out;
}

const v = (path: string) => ({ var: path });
const clip = (x: unknown, lo: number, hi: number) => ({ min: [{ max: [x, lo] }, hi] });
const base = v("sales.rebate_base_ytd");

const attitude = {
  "+": [
    { "*": [0.25, clip({ "-": [100, { "*": [20, v("violations.points_12m")] }] }, 0, 100)] },
    { "*": [0.25, { "*": [100, clip(v("training.completion_rate"), 0, 1)] }] },
    { "*": [0.2, clip({ "*": [{ "/": [{ "-": [v("ar.collection_rate"), 0.7] }, 0.3] }, 100] }, 0, 100)] },
    { "*": [0.15, { "*": [20, v("profile.manager_rating")] }] },
    { "*": [0.15, clip({ "*": [{ "/": [v("profile.our_share_of_purchases"), 0.5] }, 100] }, 0, 100)] },
  ],
};
const ability = {
  "+": [
    { "*": [0.3, clip({ "*": [100, v("sales.attainment_ytd")] }, 0, 100)] },
    { "*": [0.2, clip({ "+": [50, { "*": [250, v("sales.growth_yoy")] }] }, 0, 100)] },
    { "*": [0.2, { "*": [100, v("network.coverage_rate")] }] },
    {
      "*": [
        0.15,
        clip(
          {
            "+": [
              { "*": [50, { "/": [v("profile.vehicles"), 8] }] },
              { "*": [50, { "/": [v("profile.warehouse_m2"), 2000] }] },
            ],
          },
          0,
          100,
        ),
      ],
    },
    {
      "*": [
        0.15,
        clip(
          {
            "*": [
              100,
              { "/": [v("profile.working_capital_est"), { "*": [0.25, v("targets.annual_sales")] }] },
            ],
          },
          0,
          100,
        ),
      ],
    },
  ],
};

const clipJs = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);

/** A benchmarked rule: its logic and the same computation written by hand. */
export interface BenchRule {
  id: string;
  title: string;
  logic: unknown;
  hand: (c: BenchContext) => unknown;
}

export const benchRules: BenchRule[] = [
  {
    id: "I1",
    title: "I1 tiered retroactive rebate",
    logic: {
      if: [
        { "<": [v("sales.attainment_ytd"), v("params.attainment_gate")] },
        0,
        { "<": [base, 0] },
        0,
        {
          "*": [
            base,
            {
              if: [
                { "<": [base, 1_000_000] },
                0.005,
                { "<": [base, 3_000_000] },
                0.01,
                { "<": [base, 6_000_000] },
                0.015,
                0.02,
              ],
            },
          ],
        },
      ],
    },
    hand: (c) => {
      const x = c.sales.rebate_base_ytd;
      if (c.sales.attainment_ytd < c.params.attainment_gate || x < 0) return 0;
      return x * (x < 1_000_000 ? 0.005 : x < 3_000_000 ? 0.01 : x < 6_000_000 ? 0.015 : 0.02);
    },
  },
  {
    id: "I2",
    title: "I2 marginal rebate",
    logic: {
      if: [
        { "<": [v("sales.attainment_ytd"), v("params.attainment_gate")] },
        0,
        {
          "+": [
            { "*": [0.005, { max: [0, { min: [base, 1_000_000] }] }] },
            { "*": [0.01, { max: [0, { "-": [{ min: [base, 3_000_000] }, 1_000_000] }] }] },
            { "*": [0.015, { max: [0, { "-": [{ min: [base, 6_000_000] }, 3_000_000] }] }] },
            { "*": [0.02, { max: [0, { "-": [base, 6_000_000] }] }] },
          ],
        },
      ],
    },
    hand: (c) => {
      const x = c.sales.rebate_base_ytd;
      if (c.sales.attainment_ytd < c.params.attainment_gate) return 0;
      return (
        0.005 * Math.max(0, Math.min(x, 1_000_000)) +
        0.01 * Math.max(0, Math.min(x, 3_000_000) - 1_000_000) +
        0.015 * Math.max(0, Math.min(x, 6_000_000) - 3_000_000) +
        0.02 * Math.max(0, x - 6_000_000)
      );
    },
  },
  {
    id: "I3",
    title: "I3 growth bonus with caps",
    logic: {
      if: [
        { or: [{ "!": v("sales.has_prior_year") }, { "<": [v("sales.prior_ytd"), 300_000] }] },
        0,
        {
          min: [
            {
              "*": [
                0.05,
                {
                  max: [
                    0,
                    { "-": [base, { "*": [v("sales.prior_ytd"), { "+": [1, v("params.growth_hurdle")] }] }] },
                  ],
                },
              ],
            },
            { "*": [0.01, base] },
            200_000,
          ],
        },
      ],
    },
    hand: (c) => {
      const s = c.sales;
      if (!s.has_prior_year || s.prior_ytd < 300_000) return 0;
      const x = s.rebate_base_ytd;
      return Math.min(0.05 * Math.max(0, x - s.prior_ytd * (1 + c.params.growth_hurdle)), 0.01 * x, 200_000);
    },
  },
  {
    id: "I4",
    title: "I4 collection gate × payment-speed band",
    logic: {
      if: [
        { and: [{ ">=": [v("ar.collection_rate"), 0.9] }, { "<=": [v("ar.overdue_90_amount"), 0] }] },
        {
          if: [
            { "<=": [v("ar.avg_days_to_pay"), 15] },
            1,
            { "<=": [v("ar.avg_days_to_pay"), 30] },
            0.8,
            { "<=": [v("ar.avg_days_to_pay"), 45] },
            0.5,
            0,
          ],
        },
        0,
      ],
    },
    hand: (c) => {
      const ar = c.ar;
      if (!(ar.collection_rate >= 0.9 && ar.overdue_90_amount <= 0)) return 0;
      const d = ar.avg_days_to_pay;
      return d <= 15 ? 1 : d <= 30 ? 0.8 : d <= 45 ? 0.5 : 0;
    },
  },
  {
    id: "E1",
    title: "E1 attitude × ability segment",
    logic: {
      if: [
        { and: [{ ">=": [attitude, 60] }, { ">=": [ability, 60] }] },
        "keep",
        { ">=": [attitude, 60] },
        "must_train",
        { ">=": [ability, 60] },
        "must_transform",
        "eliminate",
      ],
    },
    hand: (c) => {
      const att =
        0.25 * clipJs(100 - 20 * c.violations.points_12m, 0, 100) +
        0.25 * (100 * clipJs(c.training.completion_rate, 0, 1)) +
        0.2 * clipJs(((c.ar.collection_rate - 0.7) / 0.3) * 100, 0, 100) +
        0.15 * (20 * c.profile.manager_rating) +
        0.15 * clipJs((c.profile.our_share_of_purchases / 0.5) * 100, 0, 100);
      const p = c.profile;
      const abil =
        0.3 * clipJs(100 * c.sales.attainment_ytd, 0, 100) +
        0.2 * clipJs(50 + 250 * c.sales.growth_yoy, 0, 100) +
        0.2 * (100 * c.network.coverage_rate) +
        0.15 * clipJs(50 * (p.vehicles / 8) + 50 * (p.warehouse_m2 / 2000), 0, 100) +
        0.15 * clipJs(100 * (p.working_capital_est / (0.25 * c.targets.annual_sales)), 0, 100);
      return att >= 60 ? (abil >= 60 ? "keep" : "must_train") : abil >= 60 ? "must_transform" : "eliminate";
    },
  },
];
