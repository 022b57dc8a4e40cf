/**
 * A private PostgreSQL server for the SQL target's tests: Debian's `postgresql` binaries, a cluster
 * in a temporary directory, listening only on a Unix socket there (no TCP), started before the tests
 * and stopped after. When the binaries are missing the tests skip with a message, unless
 * CRW_REQUIRE_POSTGRES=1 (set by .ci/run), where a missing server is a failure.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export const REQUIRED = process.env.CRW_REQUIRE_POSTGRES === "1";

/** The newest installed server's bin directory, or undefined. */
export function postgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], "bin");
}

export interface PgServer {
  client: pg.Client;
  /** A directory the server process can read files from (for COPY ... FROM). */
  dataDir: string;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<PgServer> {
  const bin = postgresBin();
  if (!bin) throw new Error("PostgreSQL is not installed (apt-get install postgresql)");
  const dir = mkdtempSync(join(tmpdir(), "crw-pg-"));
  chmodSync(dir, 0o777);
  const cluster = join(dir, "cluster");
  // initdb and postgres refuse to run as root: run them as Debian's postgres user then.
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", join(bin, tool), ...args], { stdio: "pipe" })
      : execFileSync(join(bin, tool), args, { stdio: "pipe" });
  run("initdb", ["-D", cluster, "-A", "trust", "-U", "crw", "--no-sync", "-E", "UTF8", "--locale", "C"]);
  const port = 40000 + Math.floor(Math.random() * 20000);
  run("pg_ctl", [
    "-D",
    cluster,
    "-w",
    "-l",
    join(dir, "server.log"),
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses='' -c fsync=off`,
    "start",
  ]);
  const client = new pg.Client({ host: dir, port, user: "crw", database: "postgres" });
  await client.connect();
  return {
    client,
    dataDir: dir,
    async stop() {
      await client.end().catch(() => undefined);
      try {
        run("pg_ctl", ["-D", cluster, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Loads a CSV file (header row) into a table of TEXT columns, as the server reads it. */
export async function loadCsv(
  server: PgServer,
  table: string,
  path: string,
  header: string[],
): Promise<void> {
  const columns = header.map((c) => `"${c.replace(/"/g, '""')}" TEXT`).join(", ");
  await server.client.query(`DROP TABLE IF EXISTS ${table}`);
  await server.client.query(`CREATE TABLE ${table} (${columns})`);
  await server.client.query(
    `COPY ${table} FROM '${path.replace(/'/g, "''")}' WITH (FORMAT csv, HEADER true)`,
  );
}
