import { describe, expect, it } from "vitest";
import { inputText, parseInput, readable } from "../../../src/workbench/parts/templates/templateInputs";

describe("template form inputs", () => {
  it("shows ratios as percentages and reads them back without binary noise", () => {
    expect(inputText("ratio", 0.07)).toBe("7");
    expect(parseInput("ratio", "7")).toBe(0.07);
    expect(parseInput("ratio", "1.5 %")).toBe(0.015);
    expect(inputText("ratio", 0.015)).toBe("1.5");
  });

  it("reads money with grouping and a yuan sign; keeps what is not a number so the check names it", () => {
    expect(parseInput("money", "¥2,500,000")).toBe(2500000);
    expect(parseInput("money", "2.5e6")).toBe(2500000);
    expect(parseInput("money", "lots")).toBe("lots");
    expect(parseInput("money", "")).toBe("");
    expect(parseInput("path", " sales.net_ytd ")).toBe("sales.net_ytd");
  });

  it("formats money as ¥ in both languages and ratios with a percent sign", () => {
    expect(readable("money", 2500000, "en")).toBe("¥2,500,000");
    expect(readable("money", -1234.5, "zh-CN")).toBe("-¥1,234.5");
    expect(readable("ratio", 0.012, "en")).toBe("1.2 %");
    expect(readable("number", 5, "en")).toBe("");
  });
});
