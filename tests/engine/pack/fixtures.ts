import type { Manifest, PackContent, RuleFile } from "../../../src/engine/pack/model";

/** A minimal valid rule file for tests; `overrides` replace members. */
export function rule(id: string, logic: unknown, overrides: Partial<RuleFile> = {}): RuleFile {
  return {
    id,
    kind: "incentive",
    version: "1.0.0",
    title: { en: id, "zh-CN": id },
    output: { type: "number" },
    logic,
    tests: [],
    ...overrides,
  };
}

export function content(rules: RuleFile[], extra: Partial<PackContent> = {}): PackContent {
  return { params: {}, population: [], rules, ...extra };
}

export function manifest(overrides: Partial<Manifest> = {}): Manifest {
  return {
    name: "test-pack",
    version: "1.0.0",
    title: { en: "Test pack" },
    params: {},
    population: [],
    rules: [],
    changelog: [],
    ...overrides,
  };
}
