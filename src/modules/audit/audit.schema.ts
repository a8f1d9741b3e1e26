import {
  bigint,
  bigserial,
  boolean,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/** Security-relevant and user actions; written in the same transaction as the change. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    userId: uuid("user_id"),
    organizationId: text("organization_id"),
    event: text("event").notNull(),
    outcome: text("outcome").$type<"success" | "failure" | "denied">().notNull(),
    ip: text("ip"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    /** Hash of the previous record (the chain is global, see audit.chain.ts); null before the chain began. */
    prevHash: text("prev_hash"),
    /** SHA-256 of this record's content and prevHash. */
    hash: text("hash"),
  },
  (table) => [
    index("audit_user_time_idx").on(table.userId, table.occurredAt),
    index("audit_org_time_idx").on(table.organizationId, table.occurredAt),
  ],
);

/** Results of `audit verify`, newest last; the status page shows the latest. */
export const auditVerifications = pgTable("audit_verifications", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  checkedAt: timestamp("checked_at", { withTimezone: true }).notNull(),
  ok: boolean("ok").notNull(),
  rowsChecked: bigint("rows_checked", { mode: "number" }).notNull(),
  /** The first record whose hash or link does not match. */
  brokenId: bigint("broken_id", { mode: "number" }),
});
