/**
 * One distributor record from (seed, index): draws an archetype, builds the monthly history and every
 * section from it, then derives the fields the catalogue derives. Pure: no I/O, no clock, no Math.random.
 */
import type { DistributorRecord, Industry, Level, ProgramTier, SalesRegion } from "./types";
import { Rng } from "./prng";
import { LEVEL_WEIGHTS, NAME_WORDS, PRESETS } from "./presets";
import { pickPlace, REGION_WEIGHTS } from "./geography";
import { regionWeights, type RegionMix } from "./regionMix";
import { buildSeries, WINDOW } from "./series";
import { buildSales, buildTargets } from "./sales";
import {
  buildAr,
  buildInventory,
  buildNetwork,
  buildStatus,
  buildSurvey,
  buildTraining,
  buildViolations,
} from "./sections";
import { buildLoyalty } from "./loyalty";
import { interimPayable } from "./settlement";
import { clip, roundStep, roundTo } from "./numbers";
import {
  daysBetween,
  daysInMonth,
  formatIsoDate,
  fromMonthIndex,
  monthIndex,
  parseIsoDate,
  wholeYears,
  type Ymd,
} from "./dates";

/** Options shared by every record of a dataset. */
export interface GeneratorOptions {
  seed: number;
  /** Evaluation date, `YYYY-MM-DD`. */
  asOf: string;
  industry: Industry | "mixed";
  /** Digits in ids (at least 4): `D-0001`. */
  idWidth: number;
  /** Relative shares of sales regions; without it the default shares (`REGION_WEIGHTS`). */
  regionMix?: RegionMix;
}

type Archetype = "steady" | "newcomer" | "decliner" | "lapsing" | "dormant";
const ARCHETYPES: Readonly<Record<Archetype, number>> = {
  steady: 83,
  newcomer: 7,
  decliner: 6,
  lapsing: 3,
  dormant: 1,
};
const INDUSTRY_MIX: Readonly<Record<Industry, number>> = { fmcg: 50, electronics: 25, agri: 25 };
/** Last period's segment, by how the distributor performs. */
const SEGMENTS_WHEN_WEAK = { keep: 30, must_train: 35, must_transform: 35 } as const;
const SEGMENTS = { keep: 80, must_train: 12, must_transform: 8 } as const;
const TIERS: readonly ProgramTier[] = ["registered", "bronze", "silver", "gold", "platinum"];

function programTier(rng: Rng, annual: number): ProgramTier {
  let rank =
    annual < 800_000 ? 0 : annual < 2_000_000 ? 1 : annual < 6_000_000 ? 2 : annual < 20_000_000 ? 3 : 4;
  if (rng.chance(0.15)) rank = clip(rank + (rng.chance(0.5) ? 1 : -1), 0, 4);
  return TIERS[rank] ?? "registered";
}

function companyName(
  rng: Rng,
  level: Level,
  place: { province: string; city: string; county: string },
  industry: Industry,
): string {
  const where =
    level === "provincial" ? place.province : level === "city" ? place.city : place.county.replace(/区$/, "");
  return `${where}${rng.pick(NAME_WORDS)}${rng.pick(PRESETS[industry].trade)}有限公司`;
}

function dayIn(rng: Rng, index: number, limit?: Ymd): Ymd {
  const { year, month } = fromMonthIndex(index);
  const lastDay =
    limit !== undefined && limit.year === year && limit.month === month
      ? limit.day
      : daysInMonth(year, month);
  return { year, month, day: rng.int(1, lastDay) };
}

/**
 * Returns a function producing record `index` (0-based) of the dataset described by `options`; the
 * options are checked and parsed once, which matters when a million records are generated.
 */
export function createRecordGenerator(options: GeneratorOptions): (index: number) => DistributorRecord {
  const asOf = parseIsoDate(options.asOf);
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffffffff) {
    throw new Error(`seed must be an integer in 0…4294967295, got ${options.seed}`);
  }
  // Defaults live here, not in regionMix.ts, so the form's parser never pulls the place tables in.
  const regions = (regionWeights(options.regionMix) ?? REGION_WEIGHTS) as Readonly<
    Record<SalesRegion, number>
  >;
  return (index) => buildRecord(options, asOf, regions, index);
}

/** Generates one record (convenience for tests and small datasets). */
export function generateRecord(options: GeneratorOptions, index: number): DistributorRecord {
  return createRecordGenerator(options)(index);
}

function buildRecord(
  options: GeneratorOptions,
  asOf: Ymd,
  regions: Readonly<Record<SalesRegion, number>>,
  index: number,
): DistributorRecord {
  const rng = new Rng(options.seed, index);
  const asOfIndex = monthIndex(asOf.year, asOf.month);
  const archetype = rng.weighted(ARCHETYPES);
  const industry = options.industry === "mixed" ? rng.weighted(INDUSTRY_MIX) : options.industry;
  const preset = PRESETS[industry];
  const region: SalesRegion = rng.weighted(regions);
  const place = pickPlace(
    region,
    (w) => rng.weighted(w),
    (items) => rng.pick(items),
  );
  const level = rng.weighted(LEVEL_WEIGHTS);
  const q = rng.normal() - (archetype === "decliner" ? 0.5 : 0);
  const scale = rng.logNormal(preset.annualMedian[level], 0.85, preset.annualRange[0], preset.annualRange[1]);

  // The business trend is what management plans with; the surprise is what actually happened this year.
  const trend =
    archetype === "newcomer"
      ? 0.3
      : archetype === "decliner"
        ? rng.normal(-0.04, 0.05)
        : rng.normal(0.08 + 0.03 * q, 0.07);
  const surprise = rng.normal(0, 0.07);
  const onboardAt = archetype === "newcomer" ? rng.int(13, 30) : 0;
  const ytdFrom = WINDOW - asOf.month;
  const hasPriorYear = onboardAt === 0 || onboardAt <= ytdFrom - 12;
  const returnsRate = rng.uniform(preset.returns[0], preset.returns[1]);
  const series = buildSeries(rng, {
    level: scale,
    trend: trend + surprise,
    seasonality: preset.seasonality,
    asOfMonth: asOf.month,
    onboardAt,
    silentMonths: archetype === "lapsing" ? rng.int(3, 11) : archetype === "dormant" ? rng.int(13, 20) : 0,
    shockQuarters: archetype === "decliner" ? rng.int(1, 4) : 0,
    shockDepth: rng.uniform(0.12, 0.35),
    returnsRate,
    specialRate: rng.uniform(preset.specialPrice[0], preset.specialPrice[1]),
  });

  const activeShare = onboardAt > ytdFrom ? (WINDOW - onboardAt) / asOf.month : 1;
  const targetGrowth = clip(trend + rng.uniform(-0.06, 0.03), 0.05, 0.3);
  const annualTarget = Math.max(
    100_000,
    roundStep(scale * (1 + targetGrowth) * activeShare * rng.uniform(0.95, 1.05), 10_000),
  );
  const network = buildNetwork(rng, preset, q, annualTarget, level);
  const windowQty =
    network.new_product_outlets > 0 ? Math.round((annualTarget / 1_000_000) * rng.uniform(150, 1100)) : 0;
  const marketSize = roundStep(annualTarget * rng.uniform(2.5, 10), 10_000);
  const salesCtx = {
    asOfMonth: asOf.month,
    seasonality: preset.seasonality,
    annualTarget,
    targetGrowth,
    hasPriorYear,
    restatementCut: 0,
    marketSize,
    targetShare: clip(rng.uniform(1, 1.3) / rng.uniform(2.5, 10), 0.05, 0.4),
    np01: {
      windowQty,
      sellThroughQty: Math.round(windowQty * rng.uniform(0.55, 0.95)),
      pricePerCase: industry === "electronics" ? 600 : 130,
    },
  };
  const targets = buildTargets(rng, salesCtx);
  const sales = buildSales(rng, series, salesCtx, targets);
  const ar = buildAr(rng, preset, q, annualTarget, sales.net_ytd);
  const violations = buildViolations(rng, q);
  const segmentPrev = q < -0.8 ? rng.weighted(SEGMENTS_WHEN_WEAK) : rng.weighted(SEGMENTS);
  const training = buildTraining(rng, q, segmentPrev === "must_train");

  // History: an interim settlement under the current program, then returns and write-offs after it.
  const settled = rng.chance(0.35);
  const postReturns =
    settled && rng.chance(0.3) ? Math.round(sales.rebate_base_ytd * rng.uniform(0.005, 0.04)) : 0;
  sales.rebate_base_ytd_restated = sales.rebate_base_ytd - postReturns - ar.written_off_period;
  const paid = settled
    ? interimPayable({
        base: sales.rebate_base_ytd,
        attainment: sales.attainment_ytd,
        prior: sales.prior_ytd,
        hasPriorYear: sales.has_prior_year,
        collectionRate: ar.collection_rate,
        overdue90: ar.overdue_90_amount,
        daysToPay: ar.avg_days_to_pay,
        violationPoints: violations.points_12m,
      })
    : 0;

  let lastSale = WINDOW - 1;
  while (lastSale > 0 && (series.gross[lastSale] ?? 0) === 0) lastSale -= 1;
  const lastPurchase = dayIn(rng, asOfIndex - (WINDOW - 1 - lastSale), asOf);
  const loyalty = buildLoyalty(rng, series, {
    asOfIndex,
    paidShare: clip(ar.collection_rate + rng.uniform(-0.04, 0.01), 0.3, 1),
    daysSinceLastPurchase: daysBetween(lastPurchase, asOf),
  });

  const since: Ymd =
    onboardAt > 0
      ? dayIn(rng, asOfIndex - (WINDOW - 1 - onboardAt))
      : dayIn(rng, monthIndex(rng.int(2005, asOf.year - 3), rng.int(1, 12)));
  const millions = annualTarget / 1_000_000;
  const exclusive = rng.chance(0.14);
  const brands = exclusive ? rng.int(1, 4) : rng.int(3, level === "provincial" ? 30 : 15);
  const staff = Math.round(clip(millions * rng.uniform(2, 8), 3, 300));
  const tier = programTier(rng, annualTarget);
  const record: DistributorRecord = {
    id: `D-${String(index + 1).padStart(options.idWidth, "0")}`,
    as_of: options.asOf,
    profile: {
      name: companyName(rng, level, place, industry),
      sales_region: region,
      province: place.province,
      city: place.city,
      county: place.county,
      city_tier:
        level === "county" || level === "township" ? Math.min(5, place.cityTier + 1) : place.cityTier,
      level,
      channel_role:
        level === "provincial"
          ? "master_distributor"
          : level === "township"
            ? rng.chance(0.5)
              ? "sub_distributor"
              : "dealer"
            : rng.chance(0.85)
              ? "distributor"
              : "dealer",
      industry,
      partner_since: formatIsoDate(since.year, since.month, since.day),
      partner_years: wholeYears(since, asOf),
      contract_end: formatIsoDate(asOf.year + rng.int(0, 2), 12, 31),
      owner_birthday_month: rng.int(1, 12),
      anniversary_month: since.month,
      brands_carried: brands,
      competing_brands_carried: exclusive ? 0 : Math.min(10, rng.int(0, brands - 1)),
      is_exclusive: exclusive,
      our_share_of_purchases: exclusive
        ? roundTo(rng.uniform(0.85, 1), 4)
        : roundTo(clip(0.35 + 0.12 * q + rng.normal(0, 0.15), 0.05, 0.95), 4),
      staff_total: staff,
      sales_staff: Math.max(1, Math.round(staff * rng.uniform(0.3, 0.5))),
      vehicles: Math.round(clip(millions * preset.vehiclesPerMillion * rng.uniform(0.5, 1.6), 0, 60)),
      warehouse_m2: Math.round(
        clip(millions * preset.warehousePerMillion * rng.uniform(0.5, 1.6), 50, 30_000),
      ),
      registered_capital: roundStep(
        clip(millions * rng.uniform(0.3, 1.5) * 1_000_000, 500_000, 100_000_000),
        10_000,
      ),
      working_capital_est: roundStep(
        clip(annualTarget * clip(rng.normal(0.2 + 0.06 * q, 0.08), 0.03, 0.5), 200_000, 80_000_000),
        10_000,
      ),
      credit_limit: roundStep(clip(annualTarget * rng.uniform(0, 0.15), 0, 20_000_000), 10_000),
      deposit_balance: roundStep(clip(millions * rng.uniform(5_000, 20_000), 10_000, 500_000), 1000),
      has_signage: rng.chance(0.7),
      relationship_type: rng.chance(q > -0.3 ? 0.8 : 0.45) ? "relationship" : "transaction",
      lifecycle_stage:
        archetype === "newcomer"
          ? onboardAt > 24
            ? "exploration"
            : "formation"
          : archetype === "steady"
            ? trend > 0.15
              ? "formation"
              : "stable"
            : "decline",
      manager_rating: Math.round(clip(3.6 + 0.75 * q + rng.normal(0, 0.5), 1, 5)),
      program_tier: tier,
    },
    targets,
    sales,
    ar,
    violations,
    training,
    survey: buildSurvey(rng, q),
    network,
    inventory: buildInventory(rng, annualTarget, archetype === "decliner" || rng.chance(0.1)),
    loyalty,
    mdf: {
      balance: tier === "registered" || rng.chance(0.3) ? 0 : roundStep(rng.uniform(0, 40_000), 100),
      approved_claims_period: rng.chance(0.55) ? roundStep(rng.uniform(5_000, 90_000), 100) : 0,
      accrued_ytd: Math.round(sales.rebate_base_ytd * rng.uniform(0, 0.025)),
    },
    rebate: {
      paid_to_date_period: paid,
      carry_forward: rng.chance(0.03) ? -roundStep(rng.uniform(1_000, 20_000), 100) : 0,
    },
    status: buildStatus(
      rng,
      q,
      segmentPrev,
      annualTarget >= 20_000_000 ? "A" : annualTarget >= 5_000_000 ? "B" : "C",
    ),
  };
  return record;
}
