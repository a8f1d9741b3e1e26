// Changing or removing the row a condition picks and getting it back, the same way in every repository.
import { lt, type SQL } from "drizzle-orm";
import type { PgColumn, PgInsertValue, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { DbExecutor } from "./client.ts";

/** The first of the rows a statement returned, typed as the table's row. */
const firstRow = async <Table extends PgTable>(rows: Promise<unknown>) =>
  ((await rows) as Table["$inferSelect"][])[0];

/** Sets `values` on the row `where` picks; the row as changed, or undefined when none matched. */
export const updateRow = <Table extends PgTable>(
  db: DbExecutor,
  table: Table,
  values: PgUpdateSetSource<Table>,
  where: SQL | undefined,
) => firstRow<Table>(db.update(table).set(values).where(where).returning());

/** Deletes the row `where` picks; the row as it was, or undefined when none matched. */
export const deleteRow = <Table extends PgTable>(db: DbExecutor, table: Table, where: SQL | undefined) =>
  firstRow<Table>(db.delete(table).where(where).returning());

/** Inserts the row or, when its key is taken, overwrites the row that has it with these values. */
export async function upsertRow<Table extends PgTable>(
  db: DbExecutor,
  table: Table,
  key: PgColumn,
  values: PgInsertValue<Table> & PgUpdateSetSource<Table>,
): Promise<void> {
  await db.insert(table).values(values).onConflictDoUpdate({ target: key, set: values });
}

/** Deletes every row whose `moment` is before `before` (a purge of old rows); how many went. */
export async function deleteBefore(
  db: DbExecutor,
  table: PgTable,
  moment: PgColumn,
  before: Date,
): Promise<number> {
  const rows = await db.delete(table).where(lt(moment, before)).returning({ moment });
  return rows.length;
}
