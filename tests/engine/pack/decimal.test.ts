import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundHalfAwayFromZero, roundOnDigits } from "../../../src/engine/pack/decimal";
import { DecimalSum } from "../../../src/engine/pack/decimalSum";

/**
 * Exact decimal rounding, as DECIMAL columns and BigDecimal compute it: the value `units`·10^-scale
 * rounded half away from zero to `decimals` digits, as the double nearest to the result.
 */
function exactRound(units: bigint, scale: number, decimals: number): number {
  const negative = units < 0n;
  let magnitude = negative ? -units : units;
  let exponent = -scale;
  if (decimals < scale) {
    const divisor = 10n ** BigInt(scale - decimals);
    magnitude = (magnitude + divisor / 2n) / divisor;
    exponent = -decimals;
  }
  const value = Number(`${magnitude}e${exponent}`);
  return negative && value !== 0 ? -value : value;
}

describe("roundHalfAwayFromZero", () => {
  it.each([
    [1.005, 2, 1.01],
    [1.045, 2, 1.05],
    [-2.5, 0, -3],
    [2.5, 0, 3],
    [-1.005, 2, -1.01],
    [0.125, 2, 0.13],
    [1.004999, 2, 1],
    [123456.785, 2, 123456.79],
    [1e-7, 2, 0],
    [5e-7, 6, 0.000001],
    [9.995, 2, 10],
    [1.5e21, 2, 1.5e21],
    [-0.4, 0, 0],
    [7, 3, 7],
    // The double is 63389.174999999996; its 15-digit reading 63389.1750000000 is the decimal product.
    [4_225_945 * 0.015, 2, 63_389.18],
    [-4_225_945 * 0.015, 2, -63_389.18],
    // Past 15 significant digits a double carries nothing: the result is the 15-digit reading.
    [2 ** 53, 2, 9_007_199_254_740_990],
    [123.45678901234568, 15, 123.456789012346],
  ])("rounds %d to %d decimals as %d", (x, d, expected) => {
    expect(roundHalfAwayFromZero(x, d)).toBe(expected);
    expect(roundOnDigits(x, d)).toBe(expected);
  });

  it("never returns -0", () => {
    expect(Object.is(roundHalfAwayFromZero(-0.001, 2), 0)).toBe(true);
    expect(Object.is(roundOnDigits(-0.001, 2), 0)).toBe(true);
  });

  it("agrees with exact decimal rounding of values with up to three decimals", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 3 }),
        (n, d) => {
          expect(roundHalfAwayFromZero(n / 1000, d)).toBe(exactRound(BigInt(n), 3, d));
        },
      ),
    );
  });

  it("agrees with exact decimal arithmetic on amount × rate: integer amounts below 10^8, rates of up to 4 decimals", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -99_999_999, max: 99_999_999 }),
        fc.integer({ min: 0, max: 99_999 }),
        fc.integer({ min: 0, max: 4 }),
        (amount, rateUnits, d) => {
          // The rate as an engineer writes it, e.g. 0.015: the double nearest to rateUnits·10^-4.
          const rate = rateUnits / 10_000;
          const exact = exactRound(BigInt(amount) * BigInt(rateUnits), 4, d);
          expect(roundHalfAwayFromZero(amount * rate, d)).toBe(exact);
          expect(roundOnDigits(amount * rate, d)).toBe(exact);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("rounds a double sum of up to 1,000 money amounts to its exact total in cents", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -99_999_999, max: 99_999_999 }), { minLength: 1, maxLength: 1000 }),
        (cents) => {
          const sum = cents.reduce((total, c) => total + c / 100, 0);
          const exact = cents.reduce((total, c) => total + BigInt(c), 0n);
          expect(roundHalfAwayFromZero(sum, 2)).toBe(exactRound(exact, 2, 2));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("rounds a double sum of a dozen money amounts to whole units and tenths as DECIMAL does, ties included", () => {
    // A sum of n doubles is off by up to n half-ulps; the 15-digit reading absorbs that for a dozen
    // amounts (not for thousands: a naive float sum of those can lose the 15th digit, and no rounding
    // rule can recover what the sum lost).
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 99_999_999 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 1 }),
        (cents, d) => {
          const sum = cents.reduce((total, c) => total + c / 100, 0);
          const exact = cents.reduce((total, c) => total + BigInt(c), 0n);
          expect(roundHalfAwayFromZero(sum, d)).toBe(exactRound(exact, 2, d));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});

describe("roundHalfAwayFromZero's arithmetic shortcuts", () => {
  const same = (x: number, d: number): void => {
    expect(roundHalfAwayFromZero(x, d)).toBe(roundOnDigits(x, d));
  };

  it("agree with the 15-digit definition on any double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.integer({ min: 0, max: 15 }), (x, d) => {
        same(x, d);
      }),
      { numRuns: 20_000 },
    );
  });

  it("agree on doubles of money size", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 6 }), same),
      { numRuns: 20_000 },
    );
  });

  it("agree on products like rate × amount and on exact and near ties, in binary and at 15 digits", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(0.015, 0.005, 1 / 7, 1.005e-3, 0.5, 1),
        fc.integer({ min: -3, max: 3 }),
        (n, d, rate, ulps) => {
          const x = n * rate;
          same(x, d);
          same(nextDouble(x), d);
          same(prevDouble(x), d);
          // The decimal tie one digit past the kept ones, and its neighbouring doubles.
          let tie = (Math.trunc(x * 10 ** d) * 10 + 5) / 10 ** (d + 1);
          for (let i = 0; i < Math.abs(ulps); i++) tie = ulps < 0 ? prevDouble(tie) : nextDouble(tie);
          same(tie, d);
          // The doubles around the midpoint below that tie in the 15-digit reading, where the reading
          // switches between the tie and the 15-digit decimal under it.
          const digits = Math.abs(tie).toPrecision(15);
          const exponent = Number(Math.abs(tie).toExponential(14).split("e")[1]);
          const midpoint = Number(digits) - 0.5 * 10 ** (exponent - 14);
          let near = tie < 0 ? -midpoint : midpoint;
          for (let i = 0; i < Math.abs(ulps); i++) near = ulps < 0 ? prevDouble(near) : nextDouble(near);
          same(near, d);
        },
      ),
      { numRuns: 20_000 },
    );
  });
});

function nextDouble(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigInt64(0, view.getBigInt64(0) + (x >= 0 ? 1n : -1n));
  return view.getFloat64(0);
}

function prevDouble(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigInt64(0, view.getBigInt64(0) + (x > 0 ? -1n : 1n));
  return view.getFloat64(0);
}

describe("DecimalSum reads values as the rounding does", () => {
  it("takes each double at its 15-digit reading, so float noise never reaches a total", () => {
    const sum = new DecimalSum();
    sum.add(0.1 + 0.2); // the double 0.30000000000000004
    sum.add(4_225_945 * 0.015); // the double 63389.174999999996
    expect(sum.format()).toBe("63389.475");
    expect(sum.format(2)).toBe("63389.48");
  });

  it("sums unrounded amount × rate products to their exact decimal total", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.integer({ min: 0, max: 99_999 })),
          { minLength: 1, maxLength: 200 },
        ),
        (products) => {
          const sum = new DecimalSum(2);
          let exact = 0n;
          for (const [amount, rateUnits] of products) {
            sum.add(amount * (rateUnits / 10_000));
            exact += BigInt(amount) * BigInt(rateUnits);
          }
          // Compare as exact decimals: the BigInt total with four decimals, trailing zeros dropped.
          const digits = (exact < 0n ? -exact : exact).toString().padStart(5, "0");
          const text = `${exact < 0n ? "-" : ""}${digits.slice(0, -4)}.${digits.slice(-4)}`
            .replace(/0+$/, "")
            .replace(/\.$/, "");
          expect(sum.format()).toBe(text);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
