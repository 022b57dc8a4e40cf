import { describe, expect, it } from "vitest";
import { compareVersions, formatCount } from "../../src/workbench/i18n/format";

describe("formatCount", () => {
  it("uses thousands separators in both UI languages", () => {
    expect(formatCount(300, "en")).toBe("300");
    expect(formatCount(100_000, "en")).toBe("100,000");
    expect(formatCount(1_234_567, "zh-CN")).toBe("1,234,567");
  });
});

describe("compareVersions", () => {
  it("orders by semver precedence", () => {
    const sorted = [
      "1.10.0",
      "1.0.0",
      "1.0.0-rc.1",
      "1.0.0-alpha",
      "1.0.0-rc.10",
      "1.9.0",
      "1.0.0-rc.2",
      "0.9.9",
    ];
    expect(sorted.sort(compareVersions)).toEqual([
      "0.9.9",
      "1.0.0-alpha",
      "1.0.0-rc.1",
      "1.0.0-rc.2",
      "1.0.0-rc.10",
      "1.0.0",
      "1.9.0",
      "1.10.0",
    ]);
    expect(compareVersions("1.0.0+build.5", "1.0.0")).toBe(0);
  });
});
