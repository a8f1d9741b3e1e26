// Writing one row the same way in every repository.
import { getTableName } from "drizzle-orm";
import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
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
