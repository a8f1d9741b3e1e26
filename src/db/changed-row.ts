// Changing or removing the row a condition picks and getting it back, the same way in every repository.
import type { SQL } from "drizzle-orm";
import type { PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { DbExecutor } from "./client.ts";

/** Sets `values` on the row `where` picks; the row as changed, or undefined when none matched. */
export async function updateRow<Table extends PgTable>(
  db: DbExecutor,
  table: Table,
  values: PgUpdateSetSource<Table>,
  where: SQL | undefined,
): Promise<Table["$inferSelect"] | undefined> {
  const [row] = (await db.update(table).set(values).where(where).returning()) as Table["$inferSelect"][];
  return row;
}

/** Deletes the row `where` picks; the row as it was, or undefined when none matched. */
export async function deleteRow<Table extends PgTable>(
  db: DbExecutor,
  table: Table,
  where: SQL | undefined,
): Promise<Table["$inferSelect"] | undefined> {
  const [row] = (await db.delete(table).where(where).returning()) as Table["$inferSelect"][];
  return row;
}
