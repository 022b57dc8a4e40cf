import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { schemaFields } from "../../../src/engine";

const schema = JSON.parse(
  readFileSync(join(resolve(__dirname, "../../.."), "samples/distributor.schema.json"), "utf8"),
) as unknown;

describe("dataset fields for the pickers", () => {
  const fields = schemaFields(schema);
  const at = (path: string) => fields.find((f) => f.path === path);

  it("lists every leaf with its titles in both languages, its type, unit and choices", () => {
    expect(at("sales.rebate_base_ytd")).toMatchObject({ type: "number", unit: "CNY" });
    expect(at("sales.rebate_base_ytd")?.title["zh-CN"]).toContain("返利基数");
    expect(at("sales.rebate_base_ytd")?.title.en).toContain("Rebate base");
    expect(at("ar.collection_rate")).toMatchObject({ unit: "ratio" });
    expect(at("profile.program_tier")?.enum).toEqual(["registered", "bronze", "silver", "gold", "platinum"]);
    expect(at("profile.partner_since")).toMatchObject({ type: "string", date: true });
    expect(at("sales.by_line.new_np01.window_sell_through_qty")).toMatchObject({ type: "integer" });
    expect(at("sales.q_yoy")).toMatchObject({ type: "array" });
    expect(at("sales")).toBeUndefined();
  });

  it("reads nothing from what is not a schema", () => {
    expect(schemaFields(undefined)).toEqual([]);
    expect(schemaFields({ type: "object" })).toEqual([]);
  });
});
