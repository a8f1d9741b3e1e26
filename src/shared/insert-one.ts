// One row in, the stored row (with its defaults) out: the insert that every repository writes.
import { getTableName } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbExecutor } from "../db/client.ts";

export async function insertOne<Table extends PgTable>(
  db: DbExecutor,
  table: Table,
  values: Table["$inferInsert"],
): Promise<Table["$inferSelect"]> {
  const [row] = (await db.insert(table).values(values).returning()) as Table["$inferSelect"][];
  // An insert without a conflict clause returns its row or throws; this is a broken driver.
  if (!row) throw new Error(`${getTableName(table)} insert returned no row`);
  return row;
}
