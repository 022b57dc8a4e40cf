/** 10^0 … 10^22: every one is exactly representable as a double. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * Rounds `x` to `decimals` digits half away from zero on its decimal value: the shortest decimal string
 * that reads back as `x` (what JSON and people see) is rounded, not the binary double. So 1.005 → 1.01
 * and 1.045 → 1.05, where `Math.round(x * 100) / 100` gives 1 and 1.04.
 *
 * This runs once per rule and record, so it avoids strings where arithmetic gives the same answer
 * provably, and falls back to {@link roundOnDigits} (the definition) where it cannot.
 */
export function roundHalfAwayFromZero(x: number, decimals: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  if (Number.isInteger(x)) return x;
  const p = POW10[decimals];
  if (p === undefined) return roundOnDigits(x, decimals);
  const a = Math.abs(x);
  const y = a * p;
  if (!(y < 2 ** 48)) return roundOnDigits(x, decimals);
  // r / p is the double nearest to the decimal r·10^-decimals (both operands are exact and division is
  // correctly rounded), so when it is `a`, a string with at most `decimals` digits reads back as `a`:
  // so does the shortest one, and rounding changes nothing. Most money values stop here.
  const r = Math.round(y);
  if (r / p === a) return x;
  // Let S be the shortest decimal of `a`: |S − a| ≤ a·2^-53 and |y − a·p| ≤ a·p·2^-53, so S·p is within
  // y·2^-52 of y, a quarter of `margin` (itself below 1/4 here). Rounding S on its digits keeps
  // floor(S·p) units and adds one when the first dropped digit is 5 or more, i.e. when the fraction of
  // S·p is at least one half.
  const margin = y * 2 ** -50;
  let units: number | undefined;
  if (Math.abs(y - r) <= margin) {
    // S·p is within 1/2 of r but not r itself (that decimal does not read back as `a`): it rounds to r.
    units = r;
  } else {
    const k = Math.floor(y);
    const fraction = y - k;
    if (Math.abs(fraction - 0.5) > margin) units = fraction > 0.5 ? k + 1 : k;
    else if (decimals < 22) {
      // Near a tie: compare with T, the decimal (k + 1/2)·10^-decimals, through t = the double nearest
      // to it. Reading decimals is monotonic, so a > t means S > T (round up) and a < t means S < T.
      // When a = t and T has at most 15 digits, T is the shortest decimal of `a` (no other decimal of at
      // most 15 digits reads back as the same double): an exact tie, rounded away from zero.
      const t = (10 * k + 5) / (p * 10);
      if (a > t) units = k + 1;
      else if (a < t) units = k;
      else if (10 * k + 5 < 1e15) units = k + 1;
    }
  }
  if (units === undefined) return roundOnDigits(x, decimals);
  const magnitude = units / p;
  return x < 0 && magnitude !== 0 ? -magnitude : magnitude;
}

/**
 * The definition of {@link roundHalfAwayFromZero}, on the digit string: the shortest string of `x` is
 * cut after `decimals` digits with integer arithmetic, one unit is added when the first dropped digit
 * is 5 or more, and the result is converted back once. `-0` results are returned as `0`.
 */
export function roundOnDigits(x: number, decimals: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  // When some string with at most `decimals` digits reads back as x, so does the shortest one, and
  // rounding changes nothing.
  if (Number.isInteger(x) || Number(x.toFixed(Math.min(decimals, 100))) === x) return x;
  const negative = x < 0;
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(x)));
  if (!match) return x;
  const digits = match[1]! + (match[2] ?? "");
  // Position of the decimal point within `digits`, after applying the exponent.
  const point = match[1]!.length + Number(match[3] ?? 0);
  const keep = point + decimals;
  if (keep >= digits.length) return x;
  if (keep < 0) return 0;
  // Dropped digits are at least half of the last kept unit exactly when the first of them is 5 or more.
  const roundUp = digits.charCodeAt(keep) >= 53;
  let kept = BigInt(keep === 0 ? "0" : digits.slice(0, keep));
  if (roundUp) kept += 1n;
  const magnitude = Number(`${kept}e${point - keep}`);
  const result = negative ? -magnitude : magnitude;
  // -0 would print as 0 but compare differently with Object.is; results are plain 0.
  return result === 0 ? 0 : result;
}
