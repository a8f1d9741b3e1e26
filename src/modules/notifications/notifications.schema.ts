import { sql } from "drizzle-orm";
import { bigserial, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Messages to send by SMS or e-mail, written in the transaction of the change that causes them
 * (a transactional outbox); delivery picks up the rows whose `sent_at` is still empty.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id"),
    channel: text("channel").$type<"sms" | "email">().notNull(),
    /** `+7XXXXXXXXXX` for SMS, an address for e-mail. */
    recipient: text("recipient").notNull(),
    subject: text("subject"),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (table) => [
    index("outbox_pending_idx").on(table.id).where(sql`${table.sentAt} is null`),
    index("outbox_user_idx").on(table.userId, table.createdAt),
  ],
);
