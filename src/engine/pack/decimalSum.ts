/** 10^0 … 10^15, exact doubles. */
const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => Number(`1e${i}`));

/**
 * A finite number's decimal value, its 15-significant-digit reading (as `decimals` rounding reads it,
 * see roundHalfAwayFromZero), as integer units and a scale: 12.5 → [125n, 1].
 */
function decimalParts(x: number): [bigint, number] {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(Math.abs(x).toPrecision(15))!;
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  let units = BigInt(match[1]! + fraction);
  let scale = fraction.length - Number(match[3] ?? 0);
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return [x < 0 ? -units : units, scale];
}

/**
 * An exact sum of numbers taken at their decimal value (each double read to 15 significant digits, the
 * reading `decimals` rounding uses), so totals carry no float noise: 0.1 + 0.2 is 0.3, and a total
 * of rounded outputs is the exact sum of what was paid. Values on the scale's grid
 * are added as whole units in a double while that stays exact; anything else goes through BigInt.
 */
export class DecimalSum {
  private units = 0n;
  /** Whole units at `scale` not yet moved into `units`; exact while below 2^53. */
  private pending = 0;
  private scale: number;
  count = 0;

  /** `decimals`: the scale most values are expected on (an output's `decimals`). */
  constructor(decimals = 0) {
    this.scale = decimals;
  }

  add(x: number): void {
    if (!Number.isFinite(x)) return;
    this.count++;
    const p = POW10[this.scale];
    if (p !== undefined) {
      const r = Math.round(x * p);
      // r / p === x: the decimal r·10^-scale reads back as x, and with at most 15 digits it is x's
      // 15-digit reading (no other decimal of at most 15 digits reads back as the same double).
      if (Math.abs(r) < 1e15 && r / p === x) {
        this.pending += r;
        if (Math.abs(this.pending) > 2 ** 52) this.flush();
        return;
      }
    }
    this.flush();
    const [units, scale] = decimalParts(x);
    if (scale > this.scale) {
      this.units *= 10n ** BigInt(scale - this.scale);
      this.scale = scale;
    }
    this.units += units * 10n ** BigInt(this.scale - scale);
  }

  private flush(): void {
    this.units += BigInt(this.pending);
    this.pending = 0;
  }

  /**
   * The sum as a decimal string with `decimals` fraction digits (rounded half away from zero when the
   * sum has more), or with as many as it needs when `decimals` is not given.
   */
  format(decimals?: number, thousands = ""): string {
    this.flush();
    let units = this.units;
    let scale = this.scale;
    if (decimals !== undefined && decimals < scale) {
      const divisor = 10n ** BigInt(scale - decimals);
      const magnitude = units < 0n ? -units : units;
      const rounded = (magnitude + divisor / 2n) / divisor;
      units = units < 0n ? -rounded : rounded;
      scale = decimals;
    }
    const negative = units < 0n;
    let digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
    let fraction = scale > 0 ? digits.slice(-scale) : "";
    digits = scale > 0 ? digits.slice(0, -scale) : digits;
    if (decimals === undefined) fraction = fraction.replace(/0+$/, "");
    else fraction = fraction.padEnd(decimals, "0");
    const whole = thousands ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, thousands) : digits;
    const sign = negative && /[1-9]/.test(digits + fraction) ? "-" : "";
    return sign + whole + (fraction ? "." + fraction : "");
  }
}
