import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { generatedUuid, ownedBy } from "../../shared/schema-columns.ts";

/** A person who has logged in through ESIA at least once. */
export const users = pgTable("users", {
  id: generatedUuid(),
  esiaOid: text("esia_oid").notNull().unique(),
  lastName: text("last_name").notNull(),
  firstName: text("first_name").notNull(),
  middleName: text("middle_name"),
  snils: text("snils"),
  trusted: boolean("trusted").notNull().default(false),
  lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
  previousLoginAt: timestamp("previous_login_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Server-side sessions; only the SHA-256 of the cookie value is stored. */
export const sessions = pgTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    /** The browser's User-Agent (cut short), for «Мои сеансы». */
    userAgent: text("user_agent"),
    /** The /24 or /64 the session was last used from: the network, not the address. */
    network: text("network"),
  },
  (table) => [
    index("sessions_user_idx").on(table.userId),
    index("sessions_last_seen_idx").on(table.lastSeenAt),
  ],
);

/** Networks a person has signed in from: a sign-in from one not listed sends a notice (new network). */
export const userNetworks = pgTable(
  "user_networks",
  {
    userId: ownedBy("user_id", () => users.id),
    network: text("network").notNull(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.network] })],
);
