// The database part of a backup. PostgreSQL: pg_dump in its custom format, restored by pg_restore
// into an empty database. Embedded PGlite: its own tarball of the data directory (dumpDataDir),
// restored into an empty directory; PGlite belongs to one process, so the cabinet is stopped first.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { BackupError } from "./backup.errors.ts";
import { runPgTool } from "./pg-tools.ts";
import { lastMigrationSql } from "./schema-version.ts";

export interface DatabaseTarget {
  /** PostgreSQL connection string; absent: PGlite in `pgliteDir`. */
  url?: string | undefined;
  pgliteDir: string;
}

export const dumpName = (target: DatabaseTarget): string =>
  target.url ? "database.pgdump" : "database.tar.gz";
export const kindOf = (target: DatabaseTarget): "postgres" | "pglite" => (target.url ? "postgres" : "pglite");

/** Writes the dump into `dir`; returns the time of the last migration applied to the database. */
export async function dumpDatabase(target: DatabaseTarget, dir: string): Promise<number> {
  const file = join(dir, dumpName(target));
  if (target.url) {
    const when = await withPostgres(target.url, lastMigration);
    await runPgTool("pg_dump", target.url, ["--format=custom", `--file=${file}`]);
    return when;
  }
  if (await isEmptyDir(target.pgliteDir)) throw new BackupError(`no PGlite database in ${target.pgliteDir}`);
  const db = new PGlite(target.pgliteDir);
  try {
    const when = await lastMigration(db);
    const dump = await db.dumpDataDir("gzip");
    await writeFile(file, Buffer.from(await dump.arrayBuffer()), { flag: "wx" });
    return when;
  } finally {
    await db.close();
  }
}

export async function assertDatabaseEmpty(target: DatabaseTarget): Promise<void> {
  if (target.url) {
    const tables = await withPostgres(target.url, async (client) => {
      const result = await client.query(
        "select count(*)::int as count from pg_tables where schemaname not in ('pg_catalog', 'information_schema')",
      );
      return (result.rows[0] as { count: number }).count;
    });
    if (tables > 0)
      throw new BackupError("the target database is not empty: restore goes into a newly created database");
  } else if (!(await isEmptyDir(target.pgliteDir)))
    throw new BackupError(`${target.pgliteDir} is not empty: restore goes into an empty DATA_DIR`);
}

export async function restoreDatabase(target: DatabaseTarget, dir: string): Promise<void> {
  const file = join(dir, dumpName(target));
  if (target.url) {
    // Owners and grants are those of the source server; the restoring role owns everything here.
    await runPgTool("pg_restore", target.url, ["--no-owner", "--no-privileges", "--exit-on-error", file]);
    return;
  }
  await mkdir(target.pgliteDir, { recursive: true });
  const db = new PGlite(target.pgliteDir, { loadDataDir: new Blob([await readFile(file)]) });
  await db.waitReady;
  await db.close();
}

async function lastMigration(db: { query(sql: string): Promise<{ rows: unknown[] }> }): Promise<number> {
  try {
    const result = await db.query(lastMigrationSql);
    const value = (result.rows[0] as { created_at: string | null } | undefined)?.created_at;
    if (value) return Number(value);
  } catch {
    // No migrations table: not a cabinet database.
  }
  throw new BackupError("the database has no applied migrations: nothing to back up");
}

async function withPostgres<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`cannot connect to the database: ${(error as Error).message}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function isEmptyDir(dir: string): Promise<boolean> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  return entries.length === 0;
}
