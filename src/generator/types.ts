/**
 * Shape of one evaluation record (domain §4.3): one distributor, one evaluation period (`as_of`).
 * samples/distributor.schema.json is the authoritative description (units, ranges, labels); this type
 * mirrors it so the generator cannot drift from it silently (tests validate generated records against it).
 */

/** Sales regions of §4.3-A, in the order reports list them. */
export const SALES_REGIONS = ["华东", "华南", "华北", "华中", "西南", "西北", "东北"] as const;
/** A sales region (销售区域). */
export type SalesRegion = (typeof SALES_REGIONS)[number];

/** Industry presets of §4.5. */
export const INDUSTRIES = ["fmcg", "electronics", "agri"] as const;
/** One industry preset. */
export type Industry = (typeof INDUSTRIES)[number];

/** Position of the distributor in the channel hierarchy. */
export type Level = "provincial" | "city" | "county" | "township";
/** Partner-program tier at period start (I6). */
export type ProgramTier = "registered" | "bronze" | "silver" | "gold" | "platinum";
/** Loyalty tier (L1, L2). */
export type LoyaltyTier = "bronze" | "silver" | "gold" | "platinum";

/** One points lot; `months_to_expiry` ≤ 0 means it expires at this evaluation. */
export interface LoyaltyLot {
  earned_yyyymm: number;
  remaining: number;
  months_to_expiry: number;
}

/** One distributor's evaluation record. No field is ever null (domain §4.1 principle 4). */
export interface DistributorRecord {
  id: string;
  as_of: string;
  profile: {
    name: string;
    sales_region: SalesRegion;
    province: string;
    city: string;
    county: string;
    city_tier: number;
    level: Level;
    channel_role: "master_distributor" | "distributor" | "sub_distributor" | "dealer";
    industry: Industry;
    partner_since: string;
    partner_years: number;
    contract_end: string;
    owner_birthday_month: number;
    anniversary_month: number;
    brands_carried: number;
    competing_brands_carried: number;
    is_exclusive: boolean;
    our_share_of_purchases: number;
    staff_total: number;
    sales_staff: number;
    vehicles: number;
    warehouse_m2: number;
    registered_capital: number;
    working_capital_est: number;
    credit_limit: number;
    deposit_balance: number;
    has_signage: boolean;
    relationship_type: "relationship" | "transaction";
    lifecycle_stage: "exploration" | "formation" | "stable" | "decline";
    manager_rating: number;
    program_tier: ProgramTier;
  };
  targets: {
    annual_sales: number;
    ytd_sales: number;
    quarter_sales: number[];
    growth: number;
    market_share: number;
    annual_collections: number;
  };
  sales: {
    gross_ytd: number;
    returns_ytd: number;
    special_price_ytd: number;
    net_ytd: number;
    rebate_base_ytd: number;
    rebate_base_ytd_restated: number;
    prior_ytd: number;
    prior_full_year: number;
    has_prior_year: boolean;
    growth_yoy: number;
    attainment_ytd: number;
    monthly: number[];
    monthly_prior: number[];
    quarterly: number[];
    q_yoy: number[];
    q_yoy_latest: number;
    q_yoy_minus1: number;
    q_yoy_minus2: number;
    q_yoy_minus3: number;
    q_yoy_below_minus10_streak: number;
    by_line: {
      core: { net_ytd: number };
      premium: { net_ytd: number };
      new_np01: { net_ytd: number; window_qty: number; window_sell_through_qty: number };
    };
    focus_sku_ytd: number;
    prior_quarter_net: number;
    market_size_est: number;
    market_share: number;
  };
  ar: {
    opening_balance: number;
    billed_period: number;
    due_in_period: number;
    collected_period: number;
    collection_rate: number;
    avg_days_to_pay: number;
    overdue_amount: number;
    overdue_90_amount: number;
    late_payment_events_12m: number;
    written_off_period: number;
    prepayment_share: number;
  };
  violations: {
    cross_territory_count: number;
    cross_territory_qty: number;
    below_floor_price_count: number;
    dumping_count: number;
    counterfeit_count: number;
    unauthorized_transfer_count: number;
    points_12m: number;
    fines_period: number;
    months_since_last: number;
  };
  training: {
    required_sessions: number;
    attended_sessions: number;
    completion_rate: number;
    refused: boolean;
    certified_staff: number;
    plan_assigned: boolean;
  };
  survey: {
    end_customer_csat: number;
    end_customer_experience: number;
    end_customer_expectation: number;
    satisfaction_gap: number;
    end_customer_responses: number;
    downstream_satisfaction: number;
    downstream_responses: number;
    nps: number;
  };
  network: {
    sub_distributors: number;
    active_sub_distributors: number;
    township_wholesalers: number;
    outlets_covered: number;
    outlets_in_territory: number;
    coverage_rate: number;
    key_accounts: number;
    profiles_complete_rate: number;
    downstream_mgmt_score: number;
    new_product_outlets: number;
    display_compliant_outlets: number;
  };
  inventory: { days_on_hand: number; sell_through_rate: number; stock_value: number };
  loyalty: {
    tier: LoyaltyTier;
    points_balance: number;
    qualifying_amount_12m: number;
    paid_purchases_period: number;
    focus_paid_purchases_period: number;
    lots: LoyaltyLot[];
    points_expiring_60d: number;
    days_since_last_purchase: number;
    soft_landing_used: boolean;
  };
  mdf: { balance: number; approved_claims_period: number; accrued_ytd: number };
  rebate: { paid_to_date_period: number; carry_forward: number };
  status: {
    segment_prev: "keep" | "must_train" | "must_transform";
    rectification_due_passed: boolean;
    rectification_met: boolean;
    prev_score: number;
    abc_class_prev: "A" | "B" | "C";
  };
}
