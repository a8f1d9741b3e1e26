// O13 «фиксирует подозрительные попытки входа и инициирует блокировку»: the head's switch that holds
// a staff member's entry from a new network or device until it is confirmed, the held entries, and
// the addresses blocked for a while after repeated failed logins.
import { bigserial, boolean, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { moment } from "../../shared/table-columns.ts";
import { memberColumns, userRef } from "./organization-columns.ts";
import { organizations } from "./organizations.schema.ts";

export const organizationEntrySettings = pgTable("organization_entry_settings", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  /** «Блокировать подозрительные входы». */
  holdSuspicious: boolean("hold_suspicious").notNull(),
  updatedBy: userRef("updated_by").notNull(),
  updatedAt: moment("updated_at").notNull(),
});

export type EntryHoldStatus = "pending" | "released" | "rejected";

/** An entry waiting for the person's code or the head's approval. */
export const organizationEntryHolds = pgTable(
  "organization_entry_holds",
  {
    ...memberColumns("cascade"),
    /** The network (/24 or /64) and the device key, remembered as known once the entry is released. */
    network: text("network").notNull(),
    device: text("device").notNull(),
    deviceLabel: text("device_label").notNull(),
    ip: text("ip").notNull(),
    /** SHA-256 of the hold id and the e-mailed code; null when the person has no e-mail. */
    codeHash: text("code_hash"),
    codeExpiresAt: moment("code_expires_at"),
    attempts: integer("attempts").notNull().default(0),
    status: text("status").$type<EntryHoldStatus>().notNull().default("pending"),
    releasedBy: userRef("released_by"),
    decidedAt: moment("decided_at"),
    createdAt: moment("created_at").notNull(),
  },
  (table) => [
    index("organization_entry_holds_org_idx").on(table.organizationId, table.status, table.createdAt),
  ],
);

/** A failed login or a wrong code, by address: many of them from one address block it. */
export const loginFailures = pgTable(
  "login_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    ip: text("ip").notNull(),
    reason: text("reason").notNull(),
    at: moment("at").notNull(),
  },
  (table) => [index("login_failures_ip_idx").on(table.ip, table.at)],
);

export const blockedAddresses = pgTable("blocked_addresses", {
  ip: text("ip").primaryKey(),
  blockedUntil: moment("blocked_until").notNull(),
  failures: integer("failures").notNull(),
  createdAt: moment("created_at").notNull(),
});
