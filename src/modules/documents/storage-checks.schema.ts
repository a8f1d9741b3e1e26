import { bigserial, integer, jsonb, pgTable, timestamp } from "drizzle-orm/pg-core";

/**
 * Results of the periodic check of the file store against the rows that name its files (C8):
 * files without a row (a crash between storing and committing), rows whose file is missing, and
 * the upload leftovers swept from the staging area. Newest last; the status page shows the latest.
 */
export const storageChecks = pgTable("storage_checks", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  checkedAt: timestamp("checked_at", { withTimezone: true }).notNull(),
  filesWithoutRow: integer("files_without_row").notNull(),
  rowsWithoutFile: integer("rows_without_file").notNull(),
  /** Staging leftovers older than an hour, removed by this check. */
  stagingRemoved: integer("staging_removed").notNull(),
  /** Younger staging files: uploads that may still be in progress. */
  stagingInFlight: integer("staging_in_flight").notNull(),
  /** Up to 20 storage keys of each kind, for the operator (random keys, no personal data). */
  sample: jsonb("sample").$type<{ filesWithoutRow: string[]; rowsWithoutFile: string[] }>().notNull(),
});
