import { expect, test } from "./fixtures";

test.describe("end-to-end harness", () => {
  // The blocked request is also logged as a console error, which this test checks itself.
  test.use({ allowConsoleErrors: true });

  test("a request that leaves the app's origin is refused by the CSP before it is sent", async ({
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
    // connect-src 'self' stops it in the page: it never reaches the network (nor the route guard,
    // which stays as a second line and fails any test whose request got past the policy).
    expect(blockedRequests).toEqual([]);
    expect(consoleErrors).toContainEqual(expect.stringContaining("CSP violation: connect-src"));
  });
});
