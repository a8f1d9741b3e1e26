import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { generatedUuid, ownedBy } from "../../shared/schema-columns.ts";
import { users } from "../identity/identity.schema.ts";

/** Consents to personal-data processing (W2): which text, when, from where; revocable. */
export const consents = pgTable(
  "consents",
  {
    id: generatedUuid(),
    userId: ownedBy("user_id", () => users.id),
    versionId: text("version_id").notNull(),
    /** SHA-256 of the text the person agreed to, so that the record proves which wording it was. */
    textSha256: text("text_sha256").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull(),
    grantedIp: text("granted_ip"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedIp: text("revoked_ip"),
  },
  (table) => [
    uniqueIndex("consents_one_active_idx").on(table.userId).where(sql`${table.revokedAt} is null`),
    index("consents_user_idx").on(table.userId, table.grantedAt),
  ],
);

/** One-time codes that confirm a consent; only an HMAC of the code is kept. */
export const consentCodes = pgTable(
  "consent_codes",
  {
    id: uuid("id").primaryKey(),
    userId: ownedBy("user_id", () => users.id),
    codeHash: text("code_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [index("consent_codes_user_idx").on(table.userId, table.createdAt)],
);
