// SQL of staff imports; every read by id is scoped by the organization. A file's persons and cards
// go into the register in one statement each: the rows travel as one JSON parameter (which both
// drivers pass alike, whatever the number of rows) and are unpacked by jsonb_to_recordset in the
// file's order, so no statement is sent per line or per few hundred lines, and no statement has
// thousands of parameters to bind.
import { and, desc, eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { DbExecutor } from "../../db/client.ts";
import { findRow, insertRow } from "../../db/rows.ts";
import { registerPersons } from "../register/register.schema.ts";
import { registerEmploymentCards } from "../register/register-record.schema.ts";
import type { NewCard } from "./staff.repository.ts";
import { type ImportStatus, staffImports } from "./staff.schema.ts";
import type { PersonValue } from "./staff.validation.ts";

export type StaffImportRow = typeof staffImports.$inferSelect;

export const insertImport = (
  tx: DbExecutor,
  values: typeof staffImports.$inferInsert,
): Promise<StaffImportRow> => insertRow(tx, staffImports, values);

export async function findImport(db: DbExecutor, id: string): Promise<StaffImportRow | undefined> {
  const [row] = await db.select().from(staffImports).where(eq(staffImports.id, id)).limit(1);
  return row;
}

export async function findOrganizationImport(db: DbExecutor, organizationId: string, id: string) {
  return findRow(
    db,
    staffImports,
    and(eq(staffImports.id, id), eq(staffImports.organizationId, organizationId)),
  );
}

export async function listImports(db: DbExecutor, organizationId: string, limit = 10) {
  return db
    .select({
      id: staffImports.id,
      fileName: staffImports.fileName,
      status: staffImports.status,
      totalRows: staffImports.totalRows,
      importedRows: staffImports.importedRows,
      createdAt: staffImports.createdAt,
    })
    .from(staffImports)
    .where(eq(staffImports.organizationId, organizationId))
    .orderBy(desc(staffImports.createdAt))
    .limit(limit);
}

/** Moves the import on, but only from the status the caller expects (so two moves cannot both win). */
export async function moveImport(
  db: DbExecutor,
  id: string,
  from: ImportStatus,
  change: Partial<typeof staffImports.$inferInsert> & { status?: ImportStatus },
): Promise<boolean> {
  const rows = await db
    .update(staffImports)
    .set(change)
    .where(and(eq(staffImports.id, id), eq(staffImports.status, from)))
    .returning({ id: staffImports.id });
  return rows.length > 0;
}

/**
 * The rows as a table `r` numbered by `ordinality`: a key that is a column of `table` gets the
 * column's SQL name and type, any other key (the СНИЛС of a card's person) is text. With the list
 * of the table's columns and the expressions that select them from `r`.
 */
function fileRows<T extends object>(table: PgTable, values: readonly T[]) {
  const columns: Record<string, PgColumn> = getTableColumns(table);
  const keys = Object.keys(values[0] ?? {}) as (keyof T & string)[];
  const name = (key: string) => columns[key]?.name ?? key;
  const definitions = keys.map((key) => `${name(key)} ${columns[key]?.getSQLType() ?? "text"}`);
  const json = values.map((value) => Object.fromEntries(keys.map((key) => [name(key), value[key] ?? null])));
  const written = keys.filter((key) => key in columns).map(name);
  return {
    columns: sql.raw(written.join(", ")),
    values: sql.raw(written.map((column) => `r.${column}`).join(", ")),
    table: sql`rows from (jsonb_to_recordset(${JSON.stringify(json)}::jsonb) as (${sql.raw(definitions.join(", "))})) with ordinality as r`,
  };
}

/** Runs an `insert … returning 1` and tells how many rows it wrote. */
async function countWritten(db: DbExecutor, insert: SQL): Promise<number> {
  const result = await db.execute<{ count: number }>(
    sql`with written as (${insert} returning 1) select count(*)::int as count from written`,
  );
  return Number(result.rows[0]?.count ?? 0);
}

/** New persons of the register; a СНИЛС already there is skipped. How many were created. */
export async function insertImportPersons(tx: DbExecutor, values: readonly PersonValue[]): Promise<number> {
  if (values.length === 0) return 0;
  const rows = fileRows(registerPersons, values);
  return countWritten(
    tx,
    sql`insert into register_persons (${rows.columns}) select ${rows.values} from ${rows.table}
      order by r.ordinality on conflict (snils) do nothing`,
  );
}

export type ImportCard = Omit<NewCard, "personId" | "id" | "personName"> & { snils: string };

/** Employment cards of the register's persons named by СНИЛС. How many were written. */
export async function insertImportCards(tx: DbExecutor, values: readonly ImportCard[]): Promise<number> {
  if (values.length === 0) return 0;
  const rows = fileRows(registerEmploymentCards, values);
  return countWritten(
    tx,
    sql`insert into register_employment_cards (person_id, ${rows.columns}) select p.id, ${rows.values}
      from ${rows.table} join register_persons p on p.snils = r.snils order by r.ordinality`,
  );
}
