import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("end-to-end suite without a browser", () => {
  it("fails with a message that says how to install Chromium", () => {
    const run = spawnSync("npx", ["playwright", "test", "-c", "tests/e2e/playwright.config.ts"], {
      env: { ...process.env, CHROME_PATH: "/nonexistent/chromium" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).not.toBe(0);
    const output = run.stdout + run.stderr;
    expect(output).toContain("No Chromium found at /nonexistent/chromium");
    expect(output).toContain("apt-get install -y chromium");
    expect(output).toContain("CHROME_PATH");
  });
});
