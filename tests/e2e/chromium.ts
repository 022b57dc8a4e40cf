import { existsSync } from "node:fs";

/** Where the system Chromium is: `CHROME_PATH` when set, else Debian's /usr/bin/chromium. */
export const chromiumPath = process.env.CHROME_PATH || "/usr/bin/chromium";

/** Flags for a headless Chromium that never talks to anything but the app under test. */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  // A second line of defence behind the request fixture: no host but loopback even resolves.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
];

/** Throws a message that says how to get a browser, since Playwright's own download is not an option here. */
export function assertChromiumInstalled(): void {
  if (existsSync(chromiumPath)) return;
  throw new Error(
    [
      `No Chromium found at ${chromiumPath}.`,
      "The end-to-end tests drive the system Chromium (Playwright cannot download browsers here).",
      "Install one with:  sudo apt-get install -y chromium   (Debian/Ubuntu; /usr/bin/chromium)",
      "or point CHROME_PATH at an existing Chromium or Chrome binary:  CHROME_PATH=/path/to/chrome npm test",
    ].join("\n"),
  );
}
