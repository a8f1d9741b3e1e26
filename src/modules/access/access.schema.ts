// Delegated access (O8, O9): the organization's authorised representatives, appointed by the head on
// a power of attorney that an operator verifies, and the rights granted to employees for a period.
import { sql } from "drizzle-orm";
import { date, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../identity/identity.schema.ts";
import { organizationId, submittedAndDecided } from "../organizations/organization-columns.ts";
import type { Right } from "./access.rights.ts";

export type RepresentativeStatus = "pending" | "active" | "refused" | "revoked";

export const organizationRepresentatives = pgTable(
  "organization_representatives",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    organizationId: organizationId(),
    /** The representative is recognised by СНИЛС when they enter the cabinet (11 digits). */
    snils: text("snils").notNull(),
    fullName: text("full_name").notNull(),
    attorneyNumber: text("attorney_number").notNull(),
    /** `xml` for a machine-readable power of attorney (МЧД), `pdf` for a scanned one. */
    attorneyFormat: text("attorney_format").$type<"pdf" | "xml">().notNull(),
    issuedOn: date("issued_on", { mode: "string" }).notNull(),
    validUntil: date("valid_until", { mode: "string" }).notNull(),
    status: text("status").$type<RepresentativeStatus>().notNull().default("pending"),
    ...submittedAndDecided(),
    /** On refusal: the missing or incorrect documents, one item each. */
    refusalReasons: jsonb("refusal_reasons").$type<string[]>().notNull().default([]),
    revokedBy: uuid("revoked_by").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [index("organization_representatives_idx").on(table.organizationId, table.snils)],
);

/** Rights of an employee in the cabinet, from `startsOn` to `endsOn` inclusive (Moscow dates). */
export const organizationAccessGrants = pgTable(
  "organization_access_grants",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    organizationId: organizationId(),
    snils: text("snils").notNull(),
    fullName: text("full_name").notNull(),
    rights: jsonb("rights").$type<Right[]>().notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    grantedBy: uuid("granted_by")
      .notNull()
      .references(() => users.id),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull(),
    revokedBy: uuid("revoked_by").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [index("organization_access_grants_idx").on(table.organizationId, table.snils)],
);
