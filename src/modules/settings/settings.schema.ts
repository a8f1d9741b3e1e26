import { boolean, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../identity/identity.schema.ts";

/** Notification channels the worker chose (W13, W14); the cabinet itself is always on. */
export const notificationSettings = pgTable("notification_settings", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  email: boolean("email").notNull(),
  sms: boolean("sms").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});
