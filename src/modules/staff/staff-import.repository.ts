// SQL of staff imports; every read by id is scoped by the organization. A file's persons and cards
// go into the register in one statement each: the rows travel as one JSON parameter (which both
// drivers pass alike, whatever the number of rows) and are unpacked by jsonb_to_recordset in the
// file's order, so no statement is sent per line or per few hundred lines.
import { and, desc, eq, sql } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { findRow, insertRow } from "../../db/rows.ts";
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

/** The rows as a table `r` of these columns (SQL definitions, fixed in this file) plus `ordinality`. */
const jsonRows = (rows: readonly Record<string, unknown>[], columns: string) =>
  sql`rows from (jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as (${sql.raw(columns)})) with ordinality as r`;

/** Runs an `insert … returning 1` and tells how many rows it wrote. */
async function countWritten(db: DbExecutor, insert: ReturnType<typeof sql>): Promise<number> {
  const result = await db.execute<{ count: number }>(
    sql`with written as (${insert} returning 1) select count(*)::int as count from written`,
  );
  return Number(result.rows[0]?.count ?? 0);
}

/** New persons of the register; a СНИЛС already there is skipped. How many were created. */
export async function insertImportPersons(tx: DbExecutor, values: readonly PersonValue[]): Promise<number> {
  if (values.length === 0) return 0;
  const rows = values.map((value) => ({
    snils: value.snils,
    last_name: value.lastName,
    first_name: value.firstName,
    patronymic: value.patronymic,
    birth_date: value.birthDate,
    gender: value.gender,
  }));
  return countWritten(
    tx,
    sql`insert into register_persons (snils, last_name, first_name, patronymic, birth_date, gender)
      select r.snils, r.last_name, r.first_name, r.patronymic, r.birth_date, r.gender
      from ${jsonRows(rows, "snils text, last_name text, first_name text, patronymic text, birth_date date, gender text")}
      order by r.ordinality
      on conflict (snils) do nothing`,
  );
}

export type ImportCard = Omit<NewCard, "personId" | "id" | "personName"> & { snils: string };

/** Employment cards of the register's persons named by СНИЛС. How many were written. */
export async function insertImportCards(tx: DbExecutor, values: readonly ImportCard[]): Promise<number> {
  if (values.length === 0) return 0;
  const rows = values.map((value) => ({
    snils: value.snils,
    organization_oid: value.oid,
    organization_name: value.organization,
    department_id: value.nrPmuDepartId ?? null,
    department_name: value.nrPmuDepartName ?? null,
    post_id: value.postId,
    post_name: value.postName,
    position_type_id: value.positionTypeId,
    position_type_name: value.positionTypeName,
    rate: value.rate,
    begin_date: value.beginDate,
    end_date: value.endDate ?? null,
  }));
  const columns = Object.keys(rows[0] ?? {}).filter((column) => column !== "snils");
  return countWritten(
    tx,
    sql`insert into register_employment_cards (person_id, ${sql.raw(columns.join(", "))})
      select p.id, ${sql.raw(columns.map((column) => `r.${column}`).join(", "))}
      from ${jsonRows(
        rows,
        `snils text, organization_oid text, organization_name text, department_id text,
         department_name text, post_id text, post_name text, position_type_id text,
         position_type_name text, rate numeric, begin_date date, end_date date`,
      )}
      join register_persons p on p.snils = r.snils
      order by r.ordinality`,
  );
}
