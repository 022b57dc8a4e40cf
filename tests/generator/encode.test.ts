import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createRecordEncoder,
  createRecordGenerator,
  csvHeader,
  csvLine,
  type DistributorRecord,
} from "../../src/generator/index";

const utf8 = new TextEncoder();

/** Checks bytes against the UTF-8 of a text (fast byte comparison; a text diff when they differ). */
function expectUtf8(actual: Uint8Array | undefined, text: string): void {
  const same = actual !== undefined && Buffer.from(utf8.encode(text)).equals(actual);
  if (!same) expect(new TextDecoder().decode(actual)).toBe(text);
  expect(same).toBe(true);
}
const dates = ["2024-12-31", "2025-05-17", "2024-02-29", "2023-09-30", "2030-01-01"];
const industries = ["mixed", "fmcg", "electronics", "agri"] as const;

/** Encodes values one by one with a fresh encoder shaped like `template`. */
function encodeEach(
  template: unknown,
  format: "json" | "csv",
  values: unknown[],
  codegen = true,
): Uint8Array[] {
  const encoder = createRecordEncoder(template, format, { codegen, capacity: 64 });
  return values.map((value) => {
    encoder.record(value);
    return encoder.take();
  });
}

describe("record encoder", () => {
  it("writes exactly the UTF-8 of JSON.stringify and csvLine for generated records, with and without codegen", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.constantFrom(...dates),
        fc.constantFrom(...industries),
        fc.boolean(),
        (seed, asOf, industry, codegen) => {
          const generate = createRecordGenerator({ seed, asOf, industry, idWidth: 5 });
          const template = generate(0);
          const columns = csvHeader(template);
          const json = createRecordEncoder(template, "json", { codegen });
          const csv = createRecordEncoder(template, "csv", { codegen });
          const records: DistributorRecord[] = [];
          for (let i = 0; i < 25; i += 1) {
            const record = generate(i * 7919);
            records.push(record);
            json.record(record);
            json.text("\n");
            csv.record(record);
            csv.text("\n");
          }
          const jsonText = records.map((r) => `${JSON.stringify(r)}\n`).join("");
          const csvText = records.map((r) => `${csvLine(r, columns)}\n`).join("");
          expectUtf8(json.take(), jsonText);
          expectUtf8(csv.take(), csvText);
        },
      ),
      { numRuns: 80 },
    );
  });

  it("writes any number as JSON.stringify and String do", () => {
    const edge = [
      0,
      -0,
      1.5,
      -0.0001,
      1e-6,
      -3e-6,
      1e-7,
      1.5e-7,
      3e-7,
      2 ** 31,
      -(2 ** 31),
      2 ** 53,
      2 ** 53 - 1,
      1e21,
      0.1 + 0.2,
    ];
    const special = [NaN, Infinity, -Infinity];
    const numbers = fc.oneof(
      fc.double(),
      fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).chain((k) => fc.nat(6).map((d) => k / 10 ** d)),
      fc.constantFrom(...edge, ...special),
    );
    fc.assert(
      fc.property(fc.array(numbers, { minLength: 1, maxLength: 20 }), (values) => {
        const template = { n: 0 };
        const records = values.map((n) => ({ n }));
        encodeEach(template, "json", records).forEach((bytes, i) =>
          expectUtf8(bytes, JSON.stringify(records[i])),
        );
        encodeEach(template, "csv", records).forEach((bytes, i) => expectUtf8(bytes, String(records[i]?.n)));
      }),
      { numRuns: 300 },
    );
  });

  it("escapes and quotes strings as JSON.stringify and csvLine do, surrogates included", () => {
    const odd = [
      'a"b',
      "back\\slash",
      "line\nbreak",
      "cr\r",
      "tab\t",
      "\u0000\u001f",
      "comma,",
      "邳州市",
      "😀",
      "\ud800x",
      "x\udc00",
      "",
    ];
    const template = { s: "", flag: true, deep: { list: ["", ""] } };
    const records = [...odd, ...odd.map((s) => `${s}${s}`)].map((s, i) => ({
      s,
      flag: i % 2 === 0,
      deep: { list: [s, "plain"] },
    }));
    for (const codegen of [true, false]) {
      encodeEach(template, "json", records, codegen).forEach((bytes, i) =>
        expectUtf8(bytes, JSON.stringify(records[i])),
      );
      const columns = csvHeader(template);
      encodeEach(template, "csv", records, codegen).forEach((bytes, i) =>
        expectUtf8(bytes, csvLine(records[i], columns)),
      );
    }
  });

  it("escapes keys and grows past its initial capacity", () => {
    const template = { 'we"ird\nkey': [1, 2], é: { x: "y".repeat(5000) } };
    for (const codegen of [true, false]) {
      const [bytes] = encodeEach(template, "json", [template], codegen);
      expectUtf8(bytes, JSON.stringify(template));
    }
  });

  it("starts over in a buffer handed back with reuse, and never in one still out", () => {
    const generate = createRecordGenerator({ seed: 11, asOf: "2024-12-31", industry: "mixed", idWidth: 4 });
    const encoder = createRecordEncoder(generate(0), "json", { capacity: 64 * 1024 });
    encoder.record(generate(1));
    const first = encoder.take();
    encoder.record(generate(2));
    const second = encoder.take();
    // Without reuse every take has a buffer of its own.
    expect(second.buffer).not.toBe(first.buffer);
    const firstText = new TextDecoder().decode(first);
    encoder.reuse(first);
    // The take after reuse starts over in the handed-back buffer, so record 4 lands in it.
    encoder.record(generate(3));
    const third = encoder.take();
    expect(third.buffer).not.toBe(first.buffer);
    encoder.record(generate(4));
    const fourth = encoder.take();
    expect(fourth.buffer).toBe(first.buffer);
    expectUtf8(fourth, JSON.stringify(generate(4)));
    // The bytes still out were not written over.
    expectUtf8(second, JSON.stringify(generate(2)));
    expectUtf8(third, JSON.stringify(generate(3)));
    expect(firstText).toBe(JSON.stringify(generate(1)));
  });

  it("rejects a record that does not fit the template", () => {
    const template = { a: { b: [1, 2] }, s: "x" };
    for (const codegen of [true, false]) {
      const encoder = createRecordEncoder(template, "json", { codegen });
      expect(() => encoder.record({ a: { b: [1, 2, 3] }, s: "x" })).toThrow(/a\.b/);
      expect(() => encoder.record({ a: null, s: "x" })).toThrow(/shape at a/);
      expect(() => encoder.record({ a: { b: [1, "2"] }, s: "x" })).toThrow(/a\.b\.1/);
      expect(() => encoder.record({ a: { b: [1, 2] }, s: 3 })).toThrow(/shape at s/);
      expect(() => createRecordEncoder({ a: null }, "csv")).toThrow(/cannot encode/);
    }
  });
});
