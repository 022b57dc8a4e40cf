import { createServer } from "node:net";
import { build, preview } from "vite";
import { assertChromiumInstalled } from "./chromium";

/** Asks the OS for a free loopback port. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/**
 * Builds the production bundle and serves it on a free localhost port for the whole run. The URL
 * reaches the test workers through the environment (they are started after this returns).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  assertChromiumInstalled();
  await build({ logLevel: "warn" });
  const port = await freePort();
  const server = await preview({
    logLevel: "warn",
    preview: { host: "127.0.0.1", port, strictPort: true, open: false },
  });
  process.env.CRW_BASE_URL = `http://127.0.0.1:${port}`;
  return async () => {
    await server.close();
  };
}
