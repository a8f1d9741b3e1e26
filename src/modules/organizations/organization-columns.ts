// Columns that the organization's tables share: the owning organization, and the trail of a request
// that someone submits and an operator decides.
import { timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../identity/identity.schema.ts";
import { organizations } from "./organizations.schema.ts";

/** The owning organization; its rows go with it. */
export const organizationId = () =>
  uuid("organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });

/** Who sent the request and when, and who decided on it and when (empty until decided). */
export const submittedAndDecided = () => ({
  submittedBy: uuid("submitted_by")
    .notNull()
    .references(() => users.id),
  submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
  decidedBy: uuid("decided_by").references(() => users.id),
  decidedAt: timestamp("decided_at", { withTimezone: true }),
});
