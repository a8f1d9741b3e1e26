// Columns that the organization's tables share: the row's generated id, the owning organization, the
// person a row is about, and the trail of a request that someone submits and an operator decides.
import { uuid } from "drizzle-orm/pg-core";
import { generatedId, moment } from "../../shared/table-columns.ts";
import { users } from "../identity/identity.schema.ts";
import { organizations } from "./organizations.schema.ts";

/** The owning organization; its rows go with it. */
export const organizationId = () =>
  uuid("organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });

/** The person the row is about; `cascade` where the row means nothing once the person is gone. */
export const userId = (onDelete?: "cascade") =>
  uuid("user_id")
    .notNull()
    .references(() => users.id, onDelete ? { onDelete } : {});

/** A row about one person in one organization, under its own id. */
export const memberColumns = (onDelete?: "cascade") => ({
  id: generatedId(),
  organizationId: organizationId(),
  userId: userId(onDelete),
});

/** A reference to a user, under the column's name (who did something). */
export const userRef = (name: string) => uuid(name).references(() => users.id);

/** Who sent the request and when, and who decided on it and when (empty until decided). */
export const submittedAndDecided = () => ({
  submittedBy: userRef("submitted_by").notNull(),
  submittedAt: moment("submitted_at").notNull(),
  decidedBy: userRef("decided_by"),
  decidedAt: moment("decided_at"),
});
