/**
 * The pack and data of `npm run bench -- cli`: 10 rules and 6 population operators (partitions, a
 * rank, a percentile, a group mean, a budget factor, ABC classes and a normalisation), and seeded
 * distributor records of about 400 bytes of JSON each, most of it fields no rule reads, as real
 * extracts are. Written into a temp dir by cli.bench.ts.
 */
import { createWriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { mulberry32 } from "../harness";

const rule = (
  id: string,
  logic: unknown,
  output: Record<string, unknown> = { type: "number", decimals: 2 },
) => ({
  id,
  kind: "incentive",
  version: "1.0.0",
  title: { en: id },
  output,
  logic,
  tests: [],
});
const v = (path: string) => ({ var: path });

export const rules = [
  rule(
    "attainment",
    { if: [{ ">": [v("targets.ytd"), 0] }, { "/": [v("sales.net_ytd"), v("targets.ytd")] }, 0] },
    { type: "number", decimals: 4 },
  ),
  rule(
    "growth",
    {
      if: [
        { ">": [v("sales.prior_ytd"), 0] },
        { "-": [{ "/": [v("sales.net_ytd"), v("sales.prior_ytd")] }, 1] },
        0,
      ],
    },
    { type: "number", decimals: 4 },
  ),
  rule(
    "collection-rate",
    { if: [{ ">": [v("ar.due"), 0] }, { "/": [v("ar.collected"), v("ar.due")] }, 1] },
    { type: "number", decimals: 4 },
  ),
  rule(
    "rate",
    {
      if: [
        { ">=": [v("out.attainment"), 1.2] },
        0.03,
        { ">=": [v("out.attainment"), 1] },
        0.02,
        { ">=": [v("out.attainment"), 0.9] },
        0.01,
        0,
      ],
    },
    { type: "number", decimals: 4 },
  ),
  rule("volume-rebate", { "*": [v("sales.net_ytd"), v("out.rate")] }),
  rule(
    "points",
    { "*": [{ "/": [v("sales.net_ytd"), 1000] }, { if: [{ "==": [v("profile.tier"), "gold"] }, 2, 1] }] },
    { type: "number", decimals: 0 },
  ),
  rule("growth-bonus", {
    if: [
      { ">": [v("out.growth"), { "+": [v("pop.region_growth_mean"), v("params.growth_gate")] }] },
      { min: [{ "*": [v("sales.net_ytd"), 0.005] }, 50000] },
      0,
    ],
  }),
  rule("raw-total", {
    if: [
      { ">=": [v("out.collection-rate"), 0.85] },
      { "+": [v("out.volume-rebate"), v("out.growth-bonus")] },
      0,
    ],
  }),
  rule("payable", {
    "*": [v("out.raw-total"), v("pop.budget"), { if: [{ "==": [v("pop.abc_class"), "A"] }, 1, 0.9] }],
  }),
  rule(
    "status",
    {
      if: [
        { "<": [v("pop.attainment_pct"), 0.1] },
        "review",
        { "<=": [v("pop.region_rank"), 10] },
        "top",
        { and: [{ "==": [v("pop.abc_class"), "C"] }, { "<": [v("pop.points_index"), 5] }] },
        "watch",
        "keep",
      ],
    },
    { type: "string", enum: ["review", "top", "watch", "keep"] },
  ),
];

export const population = [
  {
    id: "region-rank",
    op: "rank",
    measure: "sales.net_ytd",
    partitionBy: "profile.region",
    order: "desc",
    out: "pop.region_rank",
  },
  {
    id: "attainment-pct",
    op: "percentile",
    measure: "out.attainment",
    partitionBy: "profile.region",
    out: "pop.attainment_pct",
  },
  {
    id: "region-growth-mean",
    op: "group_stat",
    stat: "mean",
    measure: "out.growth",
    partitionBy: "profile.region",
    out: "pop.region_growth_mean",
  },
  {
    id: "abc",
    op: "cumulative_share_class",
    measure: "sales.net_ytd",
    partitionBy: "profile.region",
    breaks: [0.8, 0.95],
    labels: ["A", "B", "C"],
    out: "pop.abc_class",
  },
  {
    id: "budget-factor",
    op: "budget_factor",
    measure: "out.raw-total",
    budget: "params.budget",
    partitionBy: "profile.region",
    out: "pop.budget",
  },
  {
    id: "points-index",
    op: "normalize_to_max",
    measure: "out.points",
    partitionBy: "profile.tier",
    out: "pop.points_index",
  },
];

export const manifest = {
  name: "bench-program",
  version: "1.0.0",
  title: { en: "Benchmark program" },
  params: { growth_gate: { type: "number", default: 0.05 }, budget: { type: "number", default: 2e9 } },
  population,
  rules: rules.map((r) => `${r.id}.rule.json`),
};

/** Writes the rule files and the manifest into `dir`; returns the manifest's path. */
export async function writePack(dir: string): Promise<string> {
  for (const r of rules) await writeFile(join(dir, `${r.id}.rule.json`), JSON.stringify(r));
  const path = join(dir, "bench.manifest.json");
  await writeFile(path, JSON.stringify(manifest));
  return path;
}

/** Writes `count` seeded JSONL records to `path`. */
export async function writeData(path: string, count: number): Promise<void> {
  const random = mulberry32(20261122);
  const regions = ["华东", "华南", "华北", "华中", "西南", "西北", "东北"];
  const tiers = ["registered", "bronze", "silver", "gold", "platinum"];
  const channels = ["retail", "wholesale", "online", "project"];
  const out = createWriteStream(path);
  let buffer = "";
  for (let i = 0; i < count; i++) {
    const target = Math.round(300_000 + random() * 20_000_000);
    const net = Math.round(target * (0.3 + random() * 1.2));
    const due = Math.round(net * 0.9);
    const quarter = () => Math.round((net / 4) * (0.7 + random() * 0.6));
    const record = {
      id: `D-${String(i + 1).padStart(7, "0")}`,
      name: `经销商 ${i + 1} Trading Co.`,
      as_of: "2026-11-22",
      profile: {
        region: regions[Math.floor(random() * regions.length)],
        tier: tiers[Math.floor(random() * tiers.length)],
        channel: channels[Math.floor(random() * channels.length)],
        birthday_month: 1 + Math.floor(random() * 12),
        since: 2000 + Math.floor(random() * 26),
        manager_rating: 1 + Math.floor(random() * 5),
      },
      targets: { ytd: target, annual: Math.round(target * 1.1) },
      sales: {
        net_ytd: net,
        prior_ytd: Math.round(net * (0.7 + random() * 0.6)),
        quarters: [quarter(), quarter(), quarter(), quarter()],
      },
      ar: { due, collected: Math.round(due * (0.6 + random() * 0.4)), overdue_90: 0 },
      contact: { city: "上海", phone: `021-${String(10_000_000 + i).slice(-8)}` },
    };
    buffer += JSON.stringify(record) + "\n";
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once("drain", () => r()));
      buffer = "";
    }
  }
  out.end(buffer);
  await new Promise<void>((r) => out.once("finish", () => r()));
}
