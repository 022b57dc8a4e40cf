/**
 * `npm start`: builds the production bundle when any input is newer than the last build, then serves
 * it on localhost and prints the URL. Building only when needed keeps a second start instant.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build, preview } from "vite";

const root = process.cwd();
const stamp = join(root, "dist", "app", ".build-stamp");
const inputs = ["src", "rules", "samples", "index.html", "vite.config.ts", "package-lock.json"];

/** Newest modification time under a file or folder (0 when it does not exist). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stat.mtimeMs,
  );
}

const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changedAt = Math.max(...inputs.map((input) => newestMtime(join(root, input))));
if (changedAt > builtAt) {
  console.log("Building the workbench (sources changed since the last build)…");
  await build({ logLevel: "warn" });
  writeFileSync(stamp, new Date().toISOString());
} else {
  console.log("The build is up to date.");
}

const port = Number(process.env.PORT ?? 4173);
const server = await preview({ preview: { host: "127.0.0.1", port, strictPort: false, open: false } });
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`\nChannel Rules Workbench is running at ${url}\nPress Ctrl+C to stop.`);
