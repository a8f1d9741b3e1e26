// SQL of staff imports; every read by id is scoped by the organization.
import { and, desc, eq } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { findRow, insertRow } from "../../db/rows.ts";
import { type ImportStatus, staffImports } from "./staff.schema.ts";

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
