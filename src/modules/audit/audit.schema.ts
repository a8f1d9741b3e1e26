import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
  },
  (table) => [
    index("audit_user_time_idx").on(table.userId, table.occurredAt),
    index("audit_org_time_idx").on(table.organizationId, table.occurredAt),
  ],
);
