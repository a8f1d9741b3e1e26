import { sql } from "drizzle-orm";
import { bigserial, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ownedBy } from "../../shared/schema-columns.ts";
import { users } from "../identity/identity.schema.ts";

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
    /** Set when delivery was given up (refused for good, or out of tries); `failure` says why. */
    failedAt: timestamp("failed_at", { withTimezone: true }),
    failure: text("failure"),
  },
  (table) => [
    index("outbox_pending_idx").on(table.id).where(sql`${table.sentAt} is null`),
    index("outbox_user_idx").on(table.userId, table.createdAt),
    index("outbox_failed_idx").on(table.failedAt).where(sql`${table.failedAt} is not null`),
  ],
);

/**
 * Notices in the cabinet (W4, W13): what happened and where to look. `key` names the event that
 * caused the notice, so that a job delivering it twice after a crash still leaves one notice.
 */
export const notices = pgTable(
  "notices",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: ownedBy("user_id", () => users.id),
    key: text("key").notNull().unique(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** A cabinet path to open, e.g. the application page. */
    link: text("link"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (table) => [index("notices_user_idx").on(table.userId, table.createdAt)],
);
