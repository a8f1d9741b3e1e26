// Columns that most tables declare alike, so that each table says only what is its own.
import { sql } from "drizzle-orm";
import { type AnyPgColumn, uuid } from "drizzle-orm/pg-core";

/** A random UUID primary key that PostgreSQL fills in. */
export const generatedUuid = () => uuid("id").primaryKey().default(sql`gen_random_uuid()`);

/** The row belongs to the `owner` row and is deleted with it. */
export const ownedBy = (name: string, owner: () => AnyPgColumn) =>
  uuid(name).notNull().references(owner, { onDelete: "cascade" });
