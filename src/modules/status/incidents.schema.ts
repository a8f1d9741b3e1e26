import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../identity/identity.schema.ts";

/**
 * Messages about the service that an operator of the support desk posts (C6): planned works and
 * outages («Плановые работы 03.12 с 02:00 до 04:00», «Сбой отправки SMS»). Shown on every page's
 * header from `starts_at` until `ends_at` (open-ended while null) and on the status page.
 */
export const incidents = pgTable(
  "incidents",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    /** maintenance | outage */
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    details: text("details"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    postedBy: uuid("posted_by")
      .notNull()
      .references(() => users.id),
    postedAt: timestamp("posted_at", { withTimezone: true }).notNull(),
    endedBy: uuid("ended_by").references(() => users.id),
  },
  // The header reads the open ones (ends_at null or ahead) on every refresh of its cache.
  (table) => [index("incidents_ends_at_idx").on(table.endsAt)],
);
