/**
 * Loyalty balances (§4.3-J): the tier at period start, trailing qualifying purchases, and eight quarterly
 * points lots. Lots are a fixed-length list (oldest first) so that CSV carries them as indexed columns;
 * a fully redeemed lot stays in the list with `remaining` 0. Points expire at the end of the 24th month
 * after the month earned and redemption is first-in-first-out (L3).
 */
import type { DistributorRecord, LoyaltyLot, LoyaltyTier } from "./types";
import type { Rng } from "./prng";
import { WINDOW, sumRange, type MonthlySeries } from "./series";
import { fromMonthIndex } from "./dates";

/** Lots per record. */
export const LOT_COUNT = 8;

const MULTIPLIER: Readonly<Record<LoyaltyTier, number>> = { bronze: 1, silver: 1.2, gold: 1.5, platinum: 2 };

/** The tier a trailing amount earned last year (history; gates are ignored for simplicity). */
function tierFor(amount: number): LoyaltyTier {
  return amount >= 8_000_000
    ? "platinum"
    : amount >= 3_000_000
      ? "gold"
      : amount >= 1_000_000
        ? "silver"
        : "bronze";
}

const ORDER: readonly LoyaltyTier[] = ["bronze", "silver", "gold", "platinum"];

/** Inputs beyond the history. */
export interface LoyaltyContext {
  /** Running month index of the as_of month. */
  asOfIndex: number;
  /** Share of purchases actually paid (collected); unpaid orders earn nothing. */
  paidShare: number;
  daysSinceLastPurchase: number;
}

/** Builds the `loyalty` section. */
export function buildLoyalty(rng: Rng, s: MonthlySeries, ctx: LoyaltyContext): DistributorRecord["loyalty"] {
  const last = WINDOW - 1;
  // Tier at period start follows last year's purchases, with some history noise (upgrades not yet
  // re-earned, demotions pending) so that L2 moves distributors both ways.
  const priorAmount = sumRange(s.gross, last - 23, last - 12) * ctx.paidShare;
  let rank = ORDER.indexOf(tierFor(priorAmount));
  if (rng.chance(0.18)) rank = Math.min(3, Math.max(0, rank + (rng.chance(0.5) ? 1 : -1)));
  const tier = ORDER[rank] ?? "bronze";
  const phase = rng.int(0, 2);
  const lots: LoyaltyLot[] = [];
  for (let k = 0; k < LOT_COUNT; k += 1) {
    const t = WINDOW - 1 - 24 + phase + 3 * k;
    const earned = Math.floor((sumRange(s.gross, t - 2, t) * ctx.paidShare * MULTIPLIER[tier]) / 100);
    const ym = fromMonthIndex(ctx.asOfIndex - (last - t));
    lots.push({
      earned_yyyymm: ym.year * 100 + ym.month,
      remaining: earned,
      months_to_expiry: phase + 3 * k,
    });
  }
  // Many dealers never redeem (breakage); the rest redeem part of their balance, oldest points first.
  const redeemShare = rng.chance(0.35) ? 0 : rng.uniform(0.05, 0.6);
  let redeemed = Math.floor(lots.reduce((acc, lot) => acc + lot.remaining, 0) * redeemShare);
  for (const lot of lots) {
    const take = Math.min(lot.remaining, redeemed);
    lot.remaining -= take;
    redeemed -= take;
  }
  const paidQuarter = Math.round(sumRange(s.gross, last - 2, last) * ctx.paidShare);
  return {
    tier,
    points_balance: lots.reduce((acc, lot) => acc + lot.remaining, 0),
    qualifying_amount_12m: Math.round(sumRange(s.gross, last - 11, last) * ctx.paidShare),
    paid_purchases_period: paidQuarter,
    focus_paid_purchases_period: Math.round(paidQuarter * rng.uniform(0, 0.25)),
    lots,
    points_expiring_60d: lots
      .filter((lot) => lot.months_to_expiry > 0 && lot.months_to_expiry <= 2)
      .reduce((acc, lot) => acc + lot.remaining, 0),
    days_since_last_purchase: ctx.daysSinceLastPurchase,
    soft_landing_used: rng.chance(0.12),
  };
}
