// The schema version of a database: the last drizzle migration applied to it, compared by the
// migration's creation time (its `when` in the journal). Times survive the renumbering of
// migrations when branches merge, so they order versions where tags and indexes may not.
import { readFileSync } from "node:fs";
import { migrationsFolder } from "../../db/client.ts";

export interface SchemaVersion {
  /** The migration's tag, e.g. `0004_h_backup`, or «unknown» when this code does not know it. */
  migration: string;
  /** The migration's creation time (ms), as recorded in `drizzle.__drizzle_migrations.created_at`. */
  when: number;
}

interface JournalEntry {
  tag: string;
  when: number;
}

function journal(): JournalEntry[] {
  const text = readFileSync(`${migrationsFolder}/meta/_journal.json`, "utf8");
  return (JSON.parse(text) as { entries: JournalEntry[] }).entries;
}

/** The newest schema this code can run. */
export function codeSchemaVersion(): SchemaVersion {
  const last = journal().at(-1);
  if (!last) throw new Error("no migrations in the journal");
  return { migration: last.tag, when: last.when };
}

export function schemaVersionAt(when: number): SchemaVersion {
  return { migration: journal().find((entry) => entry.when === when)?.tag ?? "unknown", when };
}

/** SQL reading the last applied migration's time; the same on PostgreSQL and PGlite. */
export const lastMigrationSql =
  "select max(created_at)::text as created_at from drizzle.__drizzle_migrations";
