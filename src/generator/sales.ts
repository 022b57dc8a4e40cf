/**
 * Aggregates a monthly history into the `sales.*` and `targets.*` sections. Every derived field follows
 * the domain catalogue's definitions (§4.3-C, §4.4 note): net = gross − returns, rebate base = net −
 * special price, attainment and growth on the rebate base, quarterly figures on the rebate base.
 */
import type { DistributorRecord } from "./types";
import type { Rng } from "./prng";
import { WINDOW, quarterlyTotals, sumRange, type MonthlySeries } from "./series";
import { declineStreak, quarterYoy, ratio, roundStep, roundTo, sum } from "./numbers";

/** Inputs besides the history. */
export interface SalesContext {
  asOfMonth: number;
  seasonality: readonly number[];
  /** Annual target in CNY (rebate-base basis). */
  annualTarget: number;
  targetGrowth: number;
  hasPriorYear: boolean;
  /** Post-settlement returns and write-offs removed from the base for I7. */
  restatementCut: number;
  marketSize: number;
  targetShare: number;
  /** np01 launch window figures. */
  np01: { windowQty: number; sellThroughQty: number; pricePerCase: number };
}

/** Builds `targets` (quarter targets add up to the annual one exactly). */
export function buildTargets(rng: Rng, ctx: SalesContext): DistributorRecord["targets"] {
  const w = ctx.seasonality;
  const quarterShares = [0, 1, 2, 3].map((q) => (w[3 * q] ?? 0) + (w[3 * q + 1] ?? 0) + (w[3 * q + 2] ?? 0));
  const quarters = quarterShares.slice(0, 3).map((s) => roundStep(ctx.annualTarget * s, 1000));
  quarters.push(ctx.annualTarget - sum(quarters));
  let ytdShare = 0;
  for (let m = 0; m < ctx.asOfMonth; m += 1) ytdShare += w[m] ?? 0;
  return {
    annual_sales: ctx.annualTarget,
    ytd_sales: ctx.asOfMonth === 12 ? ctx.annualTarget : roundStep(ctx.annualTarget * ytdShare, 1000),
    quarter_sales: quarters,
    growth: roundTo(ctx.targetGrowth, 4),
    market_share: roundTo(ctx.targetShare, 4),
    annual_collections: roundStep(ctx.annualTarget * rng.uniform(0.9, 1), 1000),
  };
}

/** Builds `sales` from the history. */
export function buildSales(
  rng: Rng,
  s: MonthlySeries,
  ctx: SalesContext,
  targets: DistributorRecord["targets"],
): DistributorRecord["sales"] {
  const last = WINDOW - 1;
  const ytdFrom = last - ctx.asOfMonth + 1;
  const gross = sumRange(s.gross, ytdFrom, last);
  const returns = sumRange(s.returns, ytdFrom, last);
  const special = sumRange(s.special, ytdFrom, last);
  const net = gross - returns;
  const base = net - special;
  const prior = sumRange(s.base, ytdFrom - 12, last - 12);
  const priorYearEnd = last - ctx.asOfMonth;
  const quarterly = quarterlyTotals(s.base, ctx.asOfMonth);
  const qYoy = quarterYoy(quarterly);
  const annualisedNet = (net * 12) / ctx.asOfMonth;
  const np01Net = Math.min(Math.round(ctx.np01.windowQty * ctx.np01.pricePerCase), Math.round(net * 0.15));
  const premium = Math.round(Math.max(0, net - np01Net) * rng.uniform(0.1, 0.3));
  return {
    gross_ytd: gross,
    returns_ytd: returns,
    special_price_ytd: special,
    net_ytd: net,
    rebate_base_ytd: base,
    rebate_base_ytd_restated: base - ctx.restatementCut,
    prior_ytd: prior,
    prior_full_year: sumRange(s.base, priorYearEnd - 11, priorYearEnd),
    has_prior_year: ctx.hasPriorYear,
    growth_yoy: ctx.hasPriorYear && prior > 0 ? roundTo(base / prior - 1, 4) : 0,
    attainment_ytd: ratio(base, targets.ytd_sales),
    monthly: s.base.slice(WINDOW - 12),
    monthly_prior: s.base.slice(WINDOW - 24, WINDOW - 12),
    quarterly,
    q_yoy: qYoy,
    q_yoy_latest: qYoy[3] ?? 0,
    q_yoy_minus1: qYoy[2] ?? 0,
    q_yoy_minus2: qYoy[1] ?? 0,
    q_yoy_minus3: qYoy[0] ?? 0,
    q_yoy_below_minus10_streak: declineStreak(qYoy),
    by_line: {
      core: { net_ytd: net - premium - np01Net },
      premium: { net_ytd: premium },
      new_np01: {
        net_ytd: np01Net,
        window_qty: ctx.np01.windowQty,
        window_sell_through_qty: ctx.np01.sellThroughQty,
      },
    },
    focus_sku_ytd: Math.round(net * rng.uniform(0.05, 0.2)),
    prior_quarter_net: quarterly[6] ?? 0,
    market_size_est: ctx.marketSize,
    market_share: ratio(annualisedNet, ctx.marketSize),
  };
}
