import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { applyEdits, findNodeAtLocation, modify, parseTree } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import { allNodes, parseLogic, printNode, type BuilderNode } from "../../../src/engine";

const ROOT = resolve(__dirname, "../../..");
const ruleFiles = ["incentive", "elimination", "loyalty"].flatMap((kind) =>
  readdirSync(join(ROOT, "rules", kind))
    .filter((f) => f.endsWith(".rule.json"))
    .map((f) => ({ file: `rules/${kind}/${f}`, text: readFileSync(join(ROOT, "rules", kind, f), "utf8") })),
);
const logicOf = (text: string) => (JSON.parse(text) as { logic: unknown }).logic;

const kinds = (node: BuilderNode) => new Set(allNodes(node).map((n) => n.kind));

describe("builder model round trip", () => {
  it.each(ruleFiles.map((r) => [r.file, r] as const))(
    "%s prints back to the same JSON, key order included",
    (_, r) => {
      const logic = logicOf(r.text);
      const printed = printNode(parseLogic(logic));
      expect(printed).toStrictEqual(logic);
      expect(JSON.stringify(printed, null, 2)).toBe(JSON.stringify(logic, null, 2));
    },
  );

  it("recognises the shipped library's tables: retroactive and marginal bands, steps and lookups", () => {
    const model = (id: string) =>
      parseLogic(logicOf(ruleFiles.find((r) => r.file.endsWith(`/${id}.rule.json`))!.text));
    const retro = allNodes(model("volume-rebate")).find((n) => n.kind === "bands");
    expect(retro).toMatchObject({
      kind: "bands",
      mode: "retroactive",
      measure: { name: "sales.rebate_base_ytd" },
    });
    expect(retro?.kind === "bands" && retro.rows.length).toBe(4);
    const marginal = allNodes(model("volume-rebate-marginal")).find((n) => n.kind === "bands");
    expect(marginal).toMatchObject({ kind: "bands", mode: "marginal" });
    expect(kinds(model("collection-multiplier"))).toContain("cases");
    expect(kinds(model("mdf-accrual"))).toContain("lookup");
    expect(kinds(model("loyalty-tier-earned"))).toContain("cases");
    // Every shipped rule is mostly understood: opaque blocks only where the builder has no form.
    const opaque = ruleFiles
      .filter((r) => kinds(parseLogic(logicOf(r.text))).has("opaque"))
      .map((r) => r.file);
    expect(opaque.length).toBeLessThan(ruleFiles.length / 2);
  });

  it("editing one node in the text changes only that node's text", () => {
    for (const r of ruleFiles) {
      const tree = parseTree(r.text)!;
      for (const node of allNodes(parseLogic(logicOf(r.text)))) {
        const at = findNodeAtLocation(tree, ["logic", ...node.path])!;
        expect(at, `${r.file} ${node.path.join("/")}`).toBeDefined();
        const edited = applyEdits(
          r.text,
          modify(r.text, ["logic", ...node.path], 12345, {
            formattingOptions: { insertSpaces: true, tabSize: 2 },
          }),
        );
        expect(edited.slice(0, at.offset)).toBe(r.text.slice(0, at.offset));
        expect(edited.slice(at.offset + 5)).toBe(r.text.slice(at.offset + at.length));
        expect(edited.slice(at.offset, at.offset + 5)).toBe("12345");
      }
    }
  });
});

// Random logic: recognised shapes (chains over one field, band formulas) mixed with constructs the
// builder keeps opaque (map/reduce, multi-key objects, arrays, dynamic var, sugar forms).
const field = fc.constantFrom("sales.net_ytd", "a", "b.c", "params.rate", "");
const scalar = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1, 0.5, "gold", "", "A"),
  fc.boolean(),
  fc.constant(null),
);
const varNode = fc.oneof(
  field.map((f) => ({ var: f })),
  field.map((f) => ({ var: [f] })),
  fc.tuple(field, scalar).map(([f, d]) => ({ var: [f, d] })),
  fc.constant({ var: 3 }),
);
const { logic } = fc.letrec((tie) => ({
  logic: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    varNode,
    fc
      .tuple(fc.constantFrom("and", "or"), fc.array(tie("logic"), { maxLength: 3 }))
      .map(([op, xs]) => ({ [op]: xs })),
    fc
      .tuple(fc.constantFrom("!", "!!"), tie("logic"), fc.boolean())
      .map(([op, x, wrap]) => ({ [op]: wrap ? [x] : x })),
    fc
      .tuple(
        fc.constantFrom("<", "<=", ">", ">=", "==", "===", "!=", "!=="),
        fc.array(tie("logic"), { minLength: 1, maxLength: 3 }),
      )
      .map(([op, xs]) => ({ [op]: xs })),
    fc
      .tuple(fc.constantFrom("+", "-", "*", "/", "%", "min", "max"), fc.array(tie("logic"), { maxLength: 3 }))
      .map(([op, xs]) => ({ [op]: xs })),
    fc.array(tie("logic"), { maxLength: 6 }).map((xs) => ({ if: xs })),
    // Threshold and lookup chains over one measure, sometimes broken by a stranger condition.
    fc
      .tuple(
        varNode,
        fc.constantFrom("<", "<=", ">=", "==", "==="),
        fc.array(fc.tuple(scalar, tie("logic")), { minLength: 1, maxLength: 4 }),
        tie("logic"),
        fc.boolean(),
      )
      .map(([m, op, rows, otherwise, broken]) => ({
        if: [
          ...rows.flatMap(([b, v], i) => [broken && i === 1 ? { ">": [m, b] } : { [op]: [m, b] }, v]),
          otherwise,
        ],
      })),
    // Band formulas: retroactive and marginal, with matching or mismatching measures.
    fc.tuple(varNode, varNode, fc.array(scalar, { minLength: 2, maxLength: 4 })).map(([m, other, xs]) => ({
      "*": [m, { if: [...xs.slice(1).flatMap((x, i) => [{ "<": [i === 1 ? other : m, x] }, xs[i]]), xs[0]] }],
    })),
    fc
      .tuple(varNode, fc.array(fc.tuple(scalar, scalar, scalar), { minLength: 2, maxLength: 4 }))
      .map(([m, rows]) => ({
        "+": rows.map(([rate, lo, hi], k) =>
          k === 0
            ? { "*": [rate, { min: [m, hi] }] }
            : k === rows.length - 1
              ? { "*": [rate, { max: [0, { "-": [m, lo] }] }] }
              : { "*": [rate, { max: [0, { "-": [{ min: [m, hi] }, lo] }] }] },
        ),
      })),
    fc
      .tuple(tie("logic"), tie("logic"))
      .map(([a, b]) => ({ reduce: [a, { "+": [{ var: "current" }, { var: "accumulator" }] }, b] })),
    fc.tuple(tie("logic"), tie("logic")).map(([a, b]) => ({ map: [a, b] })),
    fc.tuple(tie("logic"), tie("logic")).map(([a, b]) => ({ cat: [a, b], extra: 1 })),
    fc.array(tie("logic"), { maxLength: 3 }),
    fc.constant({}),
  ),
}));

describe("builder model round trip on random logic", () => {
  it("print(parse(x)) deep-equals x", () => {
    fc.assert(
      fc.property(logic, (x) => {
        expect(printNode(parseLogic(x))).toStrictEqual(x);
      }),
      { numRuns: 3000, seed: 20261203 },
    );
  });

  it("every node's path points at exactly its own JSON", () => {
    fc.assert(
      fc.property(logic, (x) => {
        for (const node of allNodes(parseLogic(x))) {
          let at: unknown = x;
          for (const key of node.path) at = (at as Record<string | number, unknown>)[key];
          expect(at).toStrictEqual(printNode(node));
        }
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});
