import { test as base, expect } from "@playwright/test";

interface AppFixtures {
  /** Requests the page attempted to anything but the app's own origin (all of them were aborted). */
  blockedRequests: string[];
  /** Console errors and uncaught page errors seen during the test. */
  consoleErrors: string[];
  /** Set to true in a test that provokes console errors on purpose. */
  allowConsoleErrors: boolean;
}

/**
 * The app must work offline: Monaco and every asset are bundled and nothing goes to a CDN. Every test
 * gets a page on which any request to another origin is aborted and fails the test, and on which a
 * console error fails the test unless the test says it expects one.
 */
export const test = base.extend<AppFixtures>({
  allowConsoleErrors: [false, { option: true }],
  baseURL: async ({}, use) => {
    const url = process.env.CRW_BASE_URL;
    if (!url)
      throw new Error("CRW_BASE_URL is not set: run the suite through tests/e2e/playwright.config.ts");
    await use(url);
  },
  blockedRequests: async ({ context, baseURL }, use) => {
    const origin = new URL(baseURL!).origin;
    const blocked: string[] = [];
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      blocked.push(url);
      return route.abort("blockedbyclient");
    });
    await use(blocked);
    expect(blocked, "the app tried to reach the network outside localhost").toEqual([]);
  },
  consoleErrors: async ({ context, allowConsoleErrors }, use) => {
    // Listening on the context also catches workers' and popups' consoles, not only the first page's.
    const errors: string[] = [];
    context.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    context.on("weberror", (error) => errors.push(`uncaught: ${error.error().message}`));
    await use(errors);
    if (!allowConsoleErrors) expect(errors, "console errors").toEqual([]);
  },
  page: async ({ page, blockedRequests, consoleErrors }, use) => {
    // Depending on both fixtures installs the route and the listeners before the test navigates.
    void blockedRequests;
    void consoleErrors;
    // Every Content-Security-Policy violation (in the page and its workers) becomes a console error,
    // so the console check above fails the test on any of them.
    await page.context().addInitScript(() => {
      self.addEventListener("securitypolicyviolation", (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline code"}`);
      });
    });
    await use(page);
  },
});

export { expect };
