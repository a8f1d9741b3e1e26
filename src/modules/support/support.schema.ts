import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { storedFileColumns } from "../../shared/stored-file-columns.ts";
import { storageKeyOrderIndex } from "../documents/storage-key-index.ts";
import { users } from "../identity/identity.schema.ts";
import { organizations } from "../organizations/organizations.schema.ts";

/** Numbers requests SUP-YYYY-NNNNNN; a sequence, so that concurrent requests never share a number. */
export const supportRequestNumbers = pgSequence("support_request_numbers", { startWith: 1 });

/**
 * Operators of the support desk (W16, O14), keyed by СНИЛС like the commission's operators so that the
 * role can be given before the first login. `senior` marks the second line.
 */
export const supportOperators = pgTable("support_operators", {
  snils: text("snils").primaryKey(),
  senior: boolean("senior").notNull().default(false),
  addedAt: timestamp("added_at", { withTimezone: true }).notNull(),
});

/**
 * A request to support («Обращение»). A public request (someone who cannot log in) has no user; the
 * answer goes to the e-mail given. `due_at` is the next target: the first answer until it is given,
 * then the resolution; the operators' queue is read in its order.
 */
export const supportRequests = pgTable(
  "support_requests",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    number: text("number").notNull().unique(),
    kind: text("kind").notNull(),
    /** public | worker | organization */
    channel: text("channel").notNull(),
    userId: uuid("user_id").references(() => users.id),
    organizationId: uuid("organization_id").references(() => organizations.id),
    organizationInn: text("organization_inn"),
    /** head | employee, for requests from the organization's cabinet */
    senderRole: text("sender_role"),
    senderName: text("sender_name").notNull(),
    senderSnils: text("sender_snils"),
    senderInn: text("sender_inn"),
    email: text("email"),
    errorText: text("error_text").notNull().default(""),
    errorCode: text("error_code"),
    attemptAt: timestamp("attempt_at", { withTimezone: true }),
    description: text("description").notNull(),
    priority: text("priority").notNull(),
    /** first | senior */
    line: text("line").notNull().default("first"),
    status: text("status").notNull(),
    assigneeId: uuid("assignee_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    firstAnswerDueAt: timestamp("first_answer_due_at", { withTimezone: true }).notNull(),
    resolutionDueAt: timestamp("resolution_due_at", { withTimezone: true }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    firstAnsweredAt: timestamp("first_answered_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Set once the late first answer has sent the request to the senior line. */
    lateEscalatedAt: timestamp("late_escalated_at", { withTimezone: true }),
  },
  (table) => [
    index("support_requests_queue_idx").on(table.dueAt, table.id),
    index("support_requests_user_idx").on(table.userId, table.createdAt),
    index("support_requests_org_idx").on(table.organizationId, table.createdAt),
  ],
);

/**
 * The conversation and history of a request: answers, the sender's replies, chat lines, internal
 * notes (never shown to the sender) and events (taken, escalated, priority changed…).
 */
export const supportMessages = pgTable(
  "support_messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => supportRequests.id, { onDelete: "cascade" }),
    /** sender | operator | system */
    author: text("author").notNull(),
    /** message | chat | note | event */
    kind: text("kind").notNull(),
    authorUserId: uuid("author_user_id").references(() => users.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("support_messages_request_idx").on(table.requestId, table.id)],
);

/** Screenshots and files of a request or of a reply; the bytes are in the file storage. */
export const supportAttachments = pgTable(
  "support_attachments",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    requestId: uuid("request_id")
      .notNull()
      .references(() => supportRequests.id, { onDelete: "cascade" }),
    messageId: integer("message_id"),
    ...storedFileColumns(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("support_attachments_request_idx").on(table.requestId),
    storageKeyOrderIndex("support_attachments_storage_key_c_idx", table.storageKey),
  ],
);
