import { type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, index } from "drizzle-orm/pg-core";

/**
 * A byte-order (COLLATE "C") index on a table's storage key: the orphan check and backups walk the
 * rows in the order the file store lists its files, page by page, and the unique index in the
 * database's own collation cannot serve that order.
 */
export const storageKeyOrderIndex = (name: string, column: AnyPgColumn) =>
  index(name).on(sql`${column} collate "C"` as SQL);
