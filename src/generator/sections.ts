/**
 * The record sections that do not come from the sales history: receivables, violations, training,
 * surveys, downstream network, inventory and status. A latent quality score `q` (standard normal) ties
 * them together the way they correlate in practice: good operators pay on time, train their staff and
 * cover their territory, which is what makes the attitude × ability and scorecard rules discriminate.
 */
import type { DistributorRecord } from "./types";
import type { Rng } from "./prng";
import type { IndustryPreset } from "./presets";
import { clip, ratio, roundStep, roundTo } from "./numbers";

/** Builds `ar` for a distributor with annual scale `annual` and net YTD billings `billed`. */
export function buildAr(
  rng: Rng,
  preset: IndustryPreset,
  q: number,
  annual: number,
  billed: number,
): DistributorRecord["ar"] {
  const [lo, hi] = preset.collection;
  const position = clip(0.8 + 0.18 * q + rng.normal(0, 0.16), 0, 1);
  const raw = lo + (hi - lo) * position;
  const opening = Math.round(annual * rng.uniform(0.02, 0.3));
  const due = Math.max(1, Math.round(opening + billed * rng.uniform(0.85, 0.97)));
  const collected = Math.round(due * raw);
  const rate = Math.min(1, ratio(collected, due));
  const overdue = Math.max(0, due - collected);
  const overdue90 = rate < 0.92 && rng.chance(0.45) ? Math.round(overdue * rng.uniform(0.1, 0.6)) : 0;
  const [dLo, dHi] = preset.daysToPay;
  // Slow payers are mostly the low collectors; squaring keeps most distributors near the short end.
  const slowness = clip((1 - position) * 0.8 + rng.uniform(0, 0.35), 0, 1) ** 2;
  const days = Math.round(dLo + (dHi - dLo) * slowness);
  return {
    opening_balance: opening,
    billed_period: billed,
    due_in_period: due,
    collected_period: collected,
    collection_rate: rate,
    avg_days_to_pay: days,
    overdue_amount: overdue,
    overdue_90_amount: overdue90,
    late_payment_events_12m: Math.min(12, rng.poisson(days / 40 + (1 - rate) * 8)),
    written_off_period: overdue90 > 0 && rng.chance(0.3) ? Math.round(overdue90 * rng.uniform(0.1, 0.5)) : 0,
    prepayment_share: roundTo(clip(rng.uniform(0, 0.3) + (preset.daysToPay[1] > 100 ? 0.25 : 0), 0, 1), 4),
  };
}

/** E3 case weights: the pre-derived `points_12m` uses the catalogue defaults (late payment weight 0). */
export function violationPoints(
  v: Pick<
    DistributorRecord["violations"],
    "cross_territory_count" | "dumping_count" | "below_floor_price_count" | "unauthorized_transfer_count"
  >,
): number {
  return (
    3 * v.cross_territory_count +
    3 * v.dumping_count +
    2 * v.below_floor_price_count +
    2 * v.unauthorized_transfer_count
  );
}

/** Builds `violations`; most distributors are clean (≈ 80 %, domain §4.3-E). */
export function buildViolations(rng: Rng, q: number): DistributorRecord["violations"] {
  const risk = clip(0.07 - 0.04 * q, 0.01, 0.25);
  const count = (p: number, max: number): number =>
    rng.chance(p) ? Math.min(max, 1 + (rng.chance(0.2) ? 1 : 0)) : 0;
  const cross = count(risk * 0.75, 4);
  const v = {
    cross_territory_count: cross,
    cross_territory_qty: cross > 0 ? cross * rng.int(40, 260) : 0,
    below_floor_price_count: count(risk, 4),
    dumping_count: count(risk * 0.25, 2),
    counterfeit_count: rng.chance(0.006) ? 1 : 0,
    unauthorized_transfer_count: count(risk * 0.35, 2),
  };
  const points = violationPoints(v);
  const any = points > 0 || v.counterfeit_count > 0;
  return {
    cross_territory_count: v.cross_territory_count,
    cross_territory_qty: v.cross_territory_qty,
    below_floor_price_count: v.below_floor_price_count,
    dumping_count: v.dumping_count,
    counterfeit_count: v.counterfeit_count,
    unauthorized_transfer_count: v.unauthorized_transfer_count,
    points_12m: points,
    fines_period: points >= 3 ? roundStep(rng.uniform(5000, 30000), 1000) : 0,
    months_since_last: any ? rng.int(0, 11) : 99,
  };
}

/** Builds `training`; `mustTrain` marks distributors classified must-train last period. */
export function buildTraining(rng: Rng, q: number, mustTrain: boolean): DistributorRecord["training"] {
  const required = rng.int(2, 8);
  const refused = rng.chance(mustTrain ? 0.2 : 0.02);
  const share = refused ? rng.uniform(0, 0.4) : clip(0.8 + 0.15 * q + rng.normal(0, 0.2), 0, 1);
  const attended = Math.round(required * share);
  return {
    required_sessions: required,
    attended_sessions: attended,
    completion_rate: ratio(attended, required),
    refused,
    certified_staff: rng.int(0, 20),
    plan_assigned: mustTrain || rng.chance(0.04),
  };
}

/** Builds `survey`; zero responses mean "no data" and every score of that survey is 0. */
export function buildSurvey(rng: Rng, q: number): DistributorRecord["survey"] {
  const endResponses = rng.chance(0.08) ? 0 : rng.int(5, 80);
  const downstreamResponses = rng.chance(0.1) ? 0 : rng.int(3, 50);
  const experience = endResponses > 0 ? roundTo(clip(7 + 0.8 * q + rng.normal(0, 0.8), 0, 10), 1) : 0;
  const expectation = endResponses > 0 ? roundTo(rng.uniform(6, 8.5), 1) : 0;
  return {
    end_customer_csat: endResponses > 0 ? roundTo(clip(4.2 + 0.25 * q + rng.normal(0, 0.3), 1, 5), 1) : 0,
    end_customer_experience: experience,
    end_customer_expectation: expectation,
    satisfaction_gap: roundTo(experience - expectation, 1),
    end_customer_responses: endResponses,
    downstream_satisfaction:
      downstreamResponses > 0 ? Math.round(clip(78 + 7 * q + rng.normal(0, 7), 30, 98)) : 0,
    downstream_responses: downstreamResponses,
    nps: endResponses > 0 ? Math.round(clip(20 + 20 * q + rng.normal(0, 15), -100, 100)) : 0,
  };
}

/** Builds `network` for a distributor with annual scale `annual`. */
export function buildNetwork(
  rng: Rng,
  preset: IndustryPreset,
  q: number,
  annual: number,
  level: string,
): DistributorRecord["network"] {
  const millions = annual / 1_000_000;
  const inTerritory = Math.round(clip(millions * preset.outletsPerMillion * rng.uniform(0.8, 1.6), 30, 8000));
  const covered = Math.round(inTerritory * clip(0.62 + 0.12 * q + rng.normal(0, 0.1), 0.2, 0.95));
  const subs =
    level === "township" ? rng.int(0, 3) : Math.round(clip(millions * rng.uniform(0.5, 3), 0, 120));
  const stocksNew = rng.chance(0.75);
  return {
    sub_distributors: subs,
    active_sub_distributors: Math.round(subs * rng.uniform(0.6, 1)),
    township_wholesalers: level === "township" ? 0 : Math.round(clip(millions * rng.uniform(0.3, 2), 0, 60)),
    outlets_covered: covered,
    outlets_in_territory: inTerritory,
    coverage_rate: ratio(covered, inTerritory),
    key_accounts: Math.round(clip(millions * rng.uniform(0.1, 1), 0, 40)),
    profiles_complete_rate: roundTo(clip(0.7 + 0.15 * q + rng.normal(0, 0.1), 0.1, 1), 4),
    downstream_mgmt_score: Math.round(clip(76 + 8 * q + rng.normal(0, 8), 10, 100)),
    new_product_outlets: stocksNew ? Math.round(covered * rng.uniform(0.02, 0.2)) : 0,
    display_compliant_outlets: Math.round(covered * rng.uniform(0.2, 0.8)),
  };
}

/** Builds `inventory`. */
export function buildInventory(
  rng: Rng,
  annual: number,
  slowSeller: boolean,
): DistributorRecord["inventory"] {
  const days = rng.int(slowSeller ? 45 : 10, slowSeller ? 120 : 60);
  return {
    days_on_hand: days,
    sell_through_rate: roundTo(slowSeller ? rng.uniform(0.5, 0.8) : rng.uniform(0.75, 1), 4),
    stock_value: Math.round((annual / 365) * days),
  };
}

/** Builds `status` (last period's classifications). */
export function buildStatus(
  rng: Rng,
  q: number,
  segmentPrev: DistributorRecord["status"]["segment_prev"],
  abcPrev: "A" | "B" | "C",
): DistributorRecord["status"] {
  const transform = segmentPrev === "must_transform";
  return {
    segment_prev: segmentPrev,
    rectification_due_passed: transform && rng.chance(0.6),
    rectification_met: transform && rng.chance(0.5),
    prev_score: roundTo(clip(rng.normal(77 + 8 * q, 7), 15, 98), 1),
    abc_class_prev: abcPrev,
  };
}
