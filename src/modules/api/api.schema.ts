// Integration API (C4, O17): the registered client systems, the idempotency keys of their writes,
// and the version of every change of a person, employment card, accreditation or organization.
import { sql } from "drizzle-orm";
import {
  bigserial,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export type ApiClientKind = "organization" | "authority" | "insurer";

/** A system that calls the API with OAuth 2.0 client credentials. */
export const apiClients = pgTable("api_clients", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  /** The public `client_id`. */
  clientId: text("client_id").notNull().unique(),
  name: text("name").notNull(),
  kind: text("kind").$type<ApiClientKind>().notNull(),
  /** ФРМО OID of the organization an `organization` client acts for. */
  organizationOid: text("organization_oid"),
  scopes: jsonb("scopes").$type<string[]>().notNull(),
  /** SHA-256 of the secret (a random 256-bit value, so a slow hash adds nothing); null with a key only. */
  secretHash: text("secret_hash"),
  /** Public key (JWK) for `private_key_jwt`. */
  publicJwk: jsonb("public_jwk").$type<Record<string, unknown>>(),
  suspendedAt: timestamp("suspended_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** When the client last got a token: the operators' list shows which systems are still in use. */
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
});

/** People of the back office who may register, suspend and re-key API clients (given by CLI, by СНИЛС). */
export const apiClientOperators = pgTable("api_client_operators", {
  snils: text("snils").primaryKey(),
  addedAt: timestamp("added_at", { withTimezone: true }).notNull(),
});

/** The client a row belongs to; it goes with the client. */
const clientOf = () =>
  uuid("client_id")
    .notNull()
    .references(() => apiClients.id, { onDelete: "cascade" });

/**
 * The `jti` of every private_key_jwt assertion accepted, kept until the assertion expires, so that a
 * captured assertion cannot be played again within its lifetime (RFC 7523 §3, item 7).
 */
export const apiUsedAssertions = pgTable(
  "api_used_assertions",
  {
    clientId: clientOf(),
    jti: text("jti").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.clientId, table.jti] }),
    index("api_used_assertions_expiry_idx").on(table.expiresAt),
  ],
);

/** The answer to a write with an `Idempotency-Key`, replayed when the same key comes again. */
export const apiIdempotencyKeys = pgTable(
  "api_idempotency_keys",
  {
    clientId: clientOf(),
    key: text("key").notNull(),
    /** SHA-256 of method, path and body: the same key with another request is refused. */
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    response: jsonb("response").$type<unknown>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.clientId, table.key] }),
    index("api_idempotency_keys_created_idx").on(table.createdAt),
  ],
);

/** PostgreSQL's 64-bit transaction id (read and written as its decimal text). */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => "xid8" });

export type VersionedResource = "person" | "card" | "accreditation" | "organization";

/**
 * One row per change, written by triggers in the transaction of the change (custom migration
 * `api_versions`), so every write path — cabinet, import, API, seed — is covered. The change feed
 * reads in (`txid`, `seq`) order and only below the oldest transaction still running: `seq` alone is
 * taken before commit, so a change committed later could carry a smaller `seq` than one already read.
 */
export const resourceVersions = pgTable(
  "resource_versions",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    resourceType: text("resource_type").$type<VersionedResource>().notNull(),
    resourceId: uuid("resource_id").notNull(),
    version: integer("version").notNull(),
    operation: text("operation").$type<"create" | "update" | "delete">().notNull(),
    /** The person the row belongs to (persons, cards, accreditation procedures). */
    personId: uuid("person_id"),
    /** ФРМО OID of the card's or the organization's organization. */
    organizationOid: text("organization_oid"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
    /** The writing transaction (set by the default in the trigger's insert). */
    txid: xid8("txid").notNull().default(sql`pg_current_xact_id()`),
  },
  (table) => [
    uniqueIndex("resource_versions_resource_idx").on(table.resourceType, table.resourceId, table.version),
    index("resource_versions_person_idx").on(table.personId, table.changedAt),
    index("resource_versions_org_idx").on(table.organizationOid, table.txid, table.seq),
    index("resource_versions_feed_idx").on(table.txid, table.seq),
    index("resource_versions_time_idx").on(table.changedAt),
  ],
);
