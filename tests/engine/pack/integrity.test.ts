import { describe, expect, it } from "vitest";
import { canonicalPackText, checkIntegrity, computeIntegrity } from "../../../src/engine/pack/integrity";

describe("integrity", () => {
  const pack = { name: "p", b: [1, 2.5, "x"], a: { z: 1e21, y: "é" } };

  it("hashes the RFC 8785 text without the integrity member", async () => {
    expect(canonicalPackText({ ...pack, integrity: "sha256-0" })).toBe(
      '{"a":{"y":"é","z":1e+21},"b":[1,2.5,"x"],"name":"p"}',
    );
    const integrity = await computeIntegrity(pack);
    expect(integrity).toMatch(/^sha256-[0-9a-f]{64}$/);
    expect(await computeIntegrity({ ...pack, integrity: "anything" })).toBe(integrity);
  });

  it("does not depend on member order", async () => {
    expect(await computeIntegrity({ a: pack.a, b: pack.b, name: "p" })).toBe(await computeIntegrity(pack));
  });

  it("detects a changed value", async () => {
    const signed = { ...pack, integrity: await computeIntegrity(pack) };
    expect((await checkIntegrity(signed)).ok).toBe(true);
    expect((await checkIntegrity({ ...signed, b: [1, 2.50001, "x"] })).ok).toBe(false);
  });

  it("matches the SHA-256 of a known text", async () => {
    // printf '{"a":1}' | sha256sum
    expect(await computeIntegrity({ a: 1 })).toBe(
      "sha256-015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862",
    );
  });
});
