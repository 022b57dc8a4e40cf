import { describe, expect, it } from "vitest";
import { appendTestText } from "../../../src/platform/documents/pinTest";

const test = { name: "D-0001", data: { sales: { net: 5 } }, expect: 1 };

describe("appendTestText", () => {
  it("appends to the tests array and leaves the rest of the text as written", () => {
    const text =
      '{\n    "id": "r", // kept\n    "logic": 1,\n    "tests": [\n        { "name": "a", "data": {}, "expect": 1 }\n    ]\n}\n';
    const edited = appendTestText(text, test);
    expect(
      edited.startsWith(
        '{\n    "id": "r", // kept\n    "logic": 1,\n    "tests": [\n        { "name": "a", "data": {}, "expect": 1 },',
      ),
    ).toBe(true);
    expect(edited).toContain('"name": "D-0001"');
    // The file's own four-space indentation.
    expect(edited).toMatch(/\n {12}"name": "D-0001"/);
    const parsed = JSON.parse(edited.replace(" // kept", "")) as { tests: unknown[] };
    expect(parsed.tests).toEqual([{ name: "a", data: {}, expect: 1 }, test]);
  });

  it("fills an empty tests array", () => {
    const edited = appendTestText('{\n  "id": "r",\n  "tests": []\n}\n', test);
    expect(edited).toBe(
      '{\n  "id": "r",\n  "tests": [\n    {\n      "name": "D-0001",\n      "data": {\n        "sales": {\n          "net": 5\n        }\n      },\n      "expect": 1\n    }\n  ]\n}\n',
    );
  });

  it("adds a tests array when the file has none", () => {
    const edited = appendTestText('{\n  "id": "r"\n}', test);
    expect((JSON.parse(edited) as { tests: unknown[] }).tests).toEqual([test]);
  });
});
