/**
 * Industry presets of domain §4.5 (seasonality, scale, collections) as numbers the generator draws from.
 * Figures marked [assumption] in the domain report are synthetic defaults, not sourced facts.
 */
import type { Industry, Level } from "./types";

/** What differs between industries. */
export interface IndustryPreset {
  /** Share of annual volume per calendar month, January first; sums to 1. */
  seasonality: readonly number[];
  /** Median annual sell-in (CNY) per hierarchy level, and the clip range. */
  annualMedian: Readonly<Record<Level, number>>;
  annualRange: readonly [number, number];
  /** Raw collection ratio range (collected ÷ due before the cap at 1). */
  collection: readonly [number, number];
  /** Typical days to pay range. */
  daysToPay: readonly [number, number];
  /** Returns as a share of gross. */
  returns: readonly [number, number];
  /** Special-price (excluded) sales as a share of gross. */
  specialPrice: readonly [number, number];
  /** Outlets in territory per million CNY of annual sales. */
  outletsPerMillion: number;
  /** Words used in company names (商贸, 电器, 农资 …). */
  trade: readonly string[];
  /** Vehicle and warehouse norms (E1 logistics) relative to which presets scale. */
  vehiclesPerMillion: number;
  warehousePerMillion: number;
}

/** Presets by industry. */
export const PRESETS: Readonly<Record<Industry, IndustryPreset>> = {
  fmcg: {
    // Pre-CNY peak (Dec–Jan ≈ 23 %) and Mid-Autumn (Aug–Sep ≈ 19 %).
    seasonality: [0.12, 0.07, 0.07, 0.07, 0.07, 0.08, 0.08, 0.09, 0.1, 0.07, 0.07, 0.11],
    annualMedian: { provincial: 120_000_000, city: 18_000_000, county: 4_500_000, township: 1_000_000 },
    annualRange: [300_000, 500_000_000],
    collection: [0.84, 1.03],
    daysToPay: [7, 45],
    returns: [0.01, 0.05],
    specialPrice: [0, 0.08],
    outletsPerMillion: 160,
    trade: ["商贸", "食品", "副食品", "酒业", "贸易"],
    vehiclesPerMillion: 1.4,
    warehousePerMillion: 320,
  },
  electronics: {
    // 618 (June) and Double 11 (November), plus pre-CNY.
    seasonality: [0.09, 0.05, 0.07, 0.07, 0.08, 0.13, 0.07, 0.07, 0.08, 0.08, 0.13, 0.08],
    annualMedian: { provincial: 150_000_000, city: 25_000_000, county: 3_500_000, township: 800_000 },
    annualRange: [300_000, 500_000_000],
    collection: [0.78, 1.03],
    daysToPay: [15, 60],
    returns: [0.03, 0.08],
    specialPrice: [0, 0.1],
    outletsPerMillion: 18,
    trade: ["电器", "家电", "电子科技", "数码", "电器销售"],
    vehiclesPerMillion: 0.6,
    warehousePerMillion: 150,
  },
  agri: {
    // Fertiliser: spring Feb–Apr ≈ 40 %, autumn Sep–Oct ≈ 25 %.
    seasonality: [0.05, 0.12, 0.16, 0.12, 0.06, 0.05, 0.04, 0.05, 0.12, 0.13, 0.05, 0.05],
    annualMedian: { provincial: 80_000_000, city: 15_000_000, county: 3_000_000, township: 900_000 },
    annualRange: [300_000, 300_000_000],
    collection: [0.58, 1.02],
    daysToPay: [30, 180],
    returns: [0.005, 0.03],
    specialPrice: [0, 0.06],
    outletsPerMillion: 45,
    trade: ["农资", "农业生产资料", "种业", "化肥", "植保"],
    vehiclesPerMillion: 1.0,
    warehousePerMillion: 600,
  },
};

/** Words for the distinctive part of a company name. */
export const NAME_WORDS = [
  "华联",
  "鑫源",
  "恒达",
  "永盛",
  "金穗",
  "丰和",
  "顺通",
  "宏远",
  "利民",
  "康达",
  "百汇",
  "盛世",
  "汇通",
  "天润",
  "农丰",
  "绿野",
  "众诚",
  "兴旺",
  "佳禾",
  "瑞丰",
  "润泽",
  "嘉禾",
  "广源",
  "聚鑫",
  "新合",
  "长荣",
  "东升",
  "安泰",
  "富民",
  "信达",
] as const;

/** Hierarchy level mix: most distributors are county level (the running example's type). */
export const LEVEL_WEIGHTS: Readonly<Record<Level, number>> = {
  provincial: 4,
  city: 18,
  county: 60,
  township: 17,
};
