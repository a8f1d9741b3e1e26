// Imports of staff from CSV (O17). The file's text is kept until it is checked; the rows that passed
// wait in `valid_rows` for the user's decision when others failed. Nothing reaches the register
// until the import runs, in one transaction.
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../identity/identity.schema.ts";
import { organizations } from "../organizations/organizations.schema.ts";
import type { CardValue, PersonValue } from "./staff.validation.ts";

export type ImportStatus = "validating" | "needs_decision" | "importing" | "done" | "failed" | "cancelled";

/** A checked line of the file, ready for the register: the person and the card as the forms check them. */
export type ImportRow = { line: number } & PersonValue & Omit<CardValue, "endDate">;

export interface ImportLineErrors {
  line: number;
  messages: string[];
}

export const staffImports = pgTable(
  "staff_imports",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    status: text("status").$type<ImportStatus>().notNull().default("validating"),
    /** The uploaded text, dropped once checked. */
    source: text("source"),
    totalRows: integer("total_rows").notNull().default(0),
    processedRows: integer("processed_rows").notNull().default(0),
    validRows: jsonb("valid_rows").$type<ImportRow[]>(),
    errors: jsonb("errors").$type<ImportLineErrors[]>().notNull().default([]),
    importedRows: integer("imported_rows").notNull().default(0),
    failure: text("failure"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [index("staff_imports_org_idx").on(table.organizationId, table.createdAt)],
);
