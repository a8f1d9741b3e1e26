import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Members of the accreditation commission's back office (C1). Keyed by СНИЛС, so that the role can
 * be given (`npm run cli -- operator add --snils …`) before the person's first login through ESIA.
 */
export const operators = pgTable("operators", {
  /** 11 digits */
  snils: text("snils").primaryKey(),
  addedAt: timestamp("added_at", { withTimezone: true }).notNull(),
});
