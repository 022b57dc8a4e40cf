import { expect, test } from "./fixtures";

test.describe("end-to-end harness", () => {
  // The blocked request is also logged as a console error, which this test checks itself.
  test.use({ allowConsoleErrors: true });

  test("aborts and records any request that leaves the app's origin", async ({
    page,
    blockedRequests,
    consoleErrors,
  }) => {
    await page.goto("/");
    const outcome = await page.evaluate(async () => {
      try {
        await fetch("https://cdn.example.com/monaco/loader.js");
        return "reached";
      } catch {
        return "blocked";
      }
    });
    expect(outcome).toBe("blocked");
    expect(blockedRequests).toEqual(["https://cdn.example.com/monaco/loader.js"]);
    expect(consoleErrors).toEqual([expect.stringContaining("ERR_BLOCKED_BY_CLIENT")]);
    // The fixture fails any test that attempted such a request; this one attempted it on purpose.
    blockedRequests.length = 0;
  });
});
