/** 10^0 … 10^22: every one is exactly representable as a double. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * Bound on |D·10^decimals − y| relative to y, where D is x's 15-significant-digit decimal and
 * y = |x|·10^decimals as a double: D is within 5·10^-15·|x| of x (half a unit in the 15th digit of a
 * number at least 10^e is at most 5·10^-15 of it) and y is within 2^-53 of the exact product, so the
 * true bound is below 5.12·10^-15. 6·10^-15 leaves slack for computing the margin itself.
 */
const READING_ERROR = 6e-15;

/**
 * Rounds `x` to `decimals` digits half away from zero on its decimal value, which is the double read to
 * 15 significant digits (`x.toPrecision(15)`: the precision every double carries, what Excel shows and
 * what DECIMAL arithmetic computes), so float noise below the 15th digit never moves a cent. So
 * 1.005 → 1.01, -2.5 → -3 at 0 decimals, and 4,225,945 × 0.015 (the double 63389.174999999996, whose
 * 15-digit reading is 63389.1750000000) → 63389.18, where `Math.round(x * 100) / 100` gives 1, -2 and
 * 63389.17. When the reading has no digits past `decimals` (magnitudes of 10^15 and more, or many
 * decimals), the result is the reading itself. `-0` results are returned as `0`.
 *
 * This runs once per rule and record, so it avoids strings where arithmetic gives the same answer
 * provably, and falls back to {@link roundOnDigits} (the definition) where it cannot.
 */
export function roundHalfAwayFromZero(x: number, decimals: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  const a = Math.abs(x);
  // An integer below 10^15 has at most 15 digits: its reading is itself and nothing is dropped.
  if (Number.isInteger(x) && a < 1e15) return x;
  const p = POW10[decimals];
  if (p === undefined) return roundOnDigits(x, decimals);
  const y = a * p;
  // Below 10^13 the reading has at least two digits past `decimals` and `margin` stays below 0.06.
  if (!(y < 1e13)) return roundOnDigits(x, decimals);
  // r / p is the double nearest to the decimal r·10^-decimals (both operands are exact and division is
  // correctly rounded), so when it is `a`, that decimal of at most 13 digits is a's reading (no other
  // decimal of at most 15 digits reads back as the same double): rounding changes nothing. Most money
  // values stop here.
  const r = Math.round(y);
  if (r / p === a) return x;
  // Let D be the reading of `a`. D·p is within `margin` of y; rounding D on its digits keeps floor(D·p)
  // units and adds one when the first dropped digit is 5 or more, i.e. when D·p's fraction is at least
  // one half.
  const margin = y * READING_ERROR;
  let units: number | undefined;
  if (Math.abs(y - r) <= margin) {
    // D·p is within 2·margin (< 1/2) of r: it rounds to r.
    units = r;
  } else {
    const k = Math.floor(y);
    const fraction = y - k;
    if (Math.abs(fraction - 0.5) > margin) units = fraction > 0.5 ? k + 1 : k;
    else units = nearTie(a, k, decimals);
  }
  if (units === undefined) return roundOnDigits(x, decimals);
  const magnitude = units / p;
  return x < 0 && magnitude !== 0 ? -magnitude : magnitude;
}

/**
 * Units for `a` close to the tie T = (k + 1/2)·10^-decimals, or `undefined` when arithmetic cannot tell.
 * T has at most 14 digits, so it is a 15-digit decimal, and the reading D of `a` is at least T exactly
 * when `a` is at least M, the midpoint between T and the 15-digit decimal below it (ties in the reading
 * go up, as `toPrecision` rounds them). M is compared through m, the double nearest to it: a > m means
 * a > M and a < m means a < M; a = m cannot tell which side of M the double lies.
 */
function nearTie(a: number, k: number, decimals: number): number | undefined {
  // n = T's digits padded to 15 (T ends in 5, so it is no power of ten and the spacing below it is one
  // unit of n); then M = (2n − 1) / (2·10^(decimals + 1 + shift)), numerator exact below 2·10^15.
  let n = 10 * k + 5;
  let shift = 0;
  while (n < 1e14) {
    n *= 10;
    shift++;
  }
  const scale = POW10[decimals + 1 + shift];
  if (scale === undefined) return undefined;
  const m = (2 * n - 1) / (2 * scale);
  if (a > m) return k + 1;
  if (a < m) return k;
  return undefined;
}

/**
 * The definition of {@link roundHalfAwayFromZero}, on the digit string: `x` is read to 15 significant
 * digits with `toPrecision(15)`, that string is cut after `decimals` digits with integer arithmetic, one
 * unit is added when the first dropped digit is 5 or more, and the result is converted back once. `-0`
 * results are returned as `0`.
 */
export function roundOnDigits(x: number, decimals: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  const reading = Math.abs(x).toPrecision(15);
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(reading);
  if (!match) return x;
  const digits = match[1]! + (match[2] ?? "");
  // Position of the decimal point within `digits`, after applying the exponent.
  const point = match[1]!.length + Number(match[3] ?? 0);
  const keep = point + decimals;
  let magnitude: number;
  if (keep >= digits.length) magnitude = Number(reading);
  else if (keep < 0) magnitude = 0;
  else {
    // Dropped digits are at least half of the last kept unit exactly when the first of them is 5 or more.
    const roundUp = digits.charCodeAt(keep) >= 53;
    let kept = BigInt(keep === 0 ? "0" : digits.slice(0, keep));
    if (roundUp) kept += 1n;
    magnitude = Number(`${kept}e${point - keep}`);
  }
  const result = x < 0 ? -magnitude : magnitude;
  // -0 would print as 0 but compare differently with Object.is; results are plain 0.
  return result === 0 ? 0 : result;
}
