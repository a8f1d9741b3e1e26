// Writing one row the same way in every repository.
import { getTableName, type SQL } from "drizzle-orm";
import type { PgColumn, PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import type { DbExecutor } from "./client.ts";

/** Inserts one row and returns it as stored, with its defaults and generated id. */
export async function insertRow<Table extends PgTable>(
  db: DbExecutor,
  table: Table,
  values: PgInsertValue<Table>,
): Promise<Table["$inferSelect"]> {
  const [row] = (await db.insert(table).values(values).returning()) as Table["$inferSelect"][];
  if (!row) throw new Error(`insert into ${getTableName(table)} returned no row`);
  return row;
}

/** The one row of `table` that `where` picks (by id, or by a unique key), or undefined. */
export async function findRow<Table extends PgTable>(
  db: DbExecutor,
  table: Table,
  where: SQL | undefined,
): Promise<Table["$inferSelect"] | undefined> {
  const [row] = (await db
    .select()
    .from(table as PgTable)
    .where(where)
    .limit(1)) as Table["$inferSelect"][];
  return row;
}

/** Every row of `table` that `where` picks, in the given order. */
export function listRows<Table extends PgTable>(
  db: DbExecutor,
  table: Table,
  where: SQL | undefined,
  ...order: (SQL | PgColumn)[]
): Promise<Table["$inferSelect"][]> {
  return db
    .select()
    .from(table as PgTable)
    .where(where)
    .orderBy(...order) as unknown as Promise<Table["$inferSelect"][]>;
}
