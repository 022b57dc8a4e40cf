/**
 * Rounds `x` to `decimals` digits half away from zero on its decimal value: the shortest decimal string
 * that reads back as `x` (what JSON and people see) is rounded, not the binary double. So 1.005 → 1.01
 * and 1.045 → 1.05, where `Math.round(x * 100) / 100` gives 1 and 1.04.
 */
export function roundHalfAwayFromZero(x: number, decimals: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  // Fast path: when some string with at most `decimals` digits reads back as x, so does the shortest
  // one, and rounding changes nothing. Most money values take this path.
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
