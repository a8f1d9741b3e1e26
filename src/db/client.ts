// Database client factory: embedded PGlite by default, PostgreSQL when a URL is given.
// Both speak the same SQL and run the same migrations; the choice is made here only.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { schema } from "./schema.ts";

/**
 * Listeners told of every SQL statement sent through Drizzle: tests count a page's statements with
 * it (the budget of DESIGN.md). Empty in production, where it costs one check per statement.
 */
export const statementListeners = new Set<(sql: string) => void>();
const logger = {
  logQuery(query: string): void {
    for (const listener of statementListeners) listener(query);
  },
};

export const migrationsFolder = new URL("../../drizzle", import.meta.url).pathname;

// Drizzle's PGlite and node-postgres databases share the query API; one type keeps callers simple.
export type Database = NodePgDatabase<typeof schema>;

/** What repositories need: the database itself or a transaction opened on it. */
export type DbExecutor = Pick<Database, "select" | "insert" | "update" | "delete" | "execute" | "query">;

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, PGlite at `pgliteDir` (or in memory when that is absent too). */
  url?: string | undefined;
  pgliteDir?: string | undefined;
  poolSize?: number;
  /** PostgreSQL statement and idle-in-transaction timeout. */
  statementTimeoutMs?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url)
    return openPostgres(options.url, options.poolSize ?? 10, options.statementTimeoutMs ?? 10_000);
  return openPglite(options.pgliteDir);
}

async function openPglite(dir: string | undefined): Promise<DatabaseHandle> {
  if (dir) mkdirSync(dir, { recursive: true });
  // pg_trgm backs the staff search's trigram index (migration h-perf_custom).
  // (One options object: with an undefined directory the two-argument form would drop the options.)
  const client = new PGlite({ ...(dir ? { dataDir: dir } : {}), extensions: { pg_trgm } });
  await client.waitReady;
  const db = drizzlePglite(client, { schema, logger }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    ping: async () => {
      await client.query("select 1");
    },
    close: () => client.close(),
  };
}

async function openPostgres(url: string, max: number, statementTimeoutMs: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 3000,
    statement_timeout: statementTimeoutMs,
    idle_in_transaction_session_timeout: statementTimeoutMs,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  const db = drizzlePg(pool, { schema, logger });
  return {
    db,
    kind: "postgres",
    migrate: () => migratePg(db, { migrationsFolder }),
    ping: async () => {
      await pool.query("select 1");
    },
    close: () => pool.end(),
  };
}

/** True for errors that mean "the database cannot be reached", as opposed to a bad query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const codes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "57P01", "57P03"]);
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && codes.has(code)) return true;
    if (/Connection terminated|timeout exceeded when trying to connect/i.test(current.message)) return true;
  }
  return false;
}
