// Delegated access (O8, O9): the organization's authorised representatives, appointed by the head on
// a power of attorney that an operator verifies, and the rights granted to employees for a period.
import { index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { day, generatedId, moment } from "../../shared/table-columns.ts";
import { organizationId, submittedAndDecided, userRef } from "../organizations/organization-columns.ts";
import type { Right } from "./access.rights.ts";

/**
 * A person the organization gives powers to, named as in the register; recognised by СНИЛС (11 digits)
 * when they enter the cabinet.
 */
const personOfOrganization = () => ({
  id: generatedId(),
  organizationId: organizationId(),
  snils: text("snils").notNull(),
  fullName: text("full_name").notNull(),
});

/** Who ended the powers and when (empty while they last). */
const revoked = () => ({ revokedBy: userRef("revoked_by"), revokedAt: moment("revoked_at") });

export type RepresentativeStatus = "pending" | "active" | "refused" | "revoked";

export const organizationRepresentatives = pgTable(
  "organization_representatives",
  {
    ...personOfOrganization(),
    attorneyNumber: text("attorney_number").notNull(),
    /** `xml` for a machine-readable power of attorney (МЧД), `pdf` for a scanned one. */
    attorneyFormat: text("attorney_format").$type<"pdf" | "xml">().notNull(),
    issuedOn: day("issued_on").notNull(),
    validUntil: day("valid_until").notNull(),
    status: text("status").$type<RepresentativeStatus>().notNull().default("pending"),
    ...submittedAndDecided(),
    /** On refusal: the missing or incorrect documents, one item each. */
    refusalReasons: jsonb("refusal_reasons").$type<string[]>().notNull().default([]),
    ...revoked(),
  },
  (table) => [index("organization_representatives_idx").on(table.organizationId, table.snils)],
);

/** Rights of an employee in the cabinet, from `startsOn` to `endsOn` inclusive (Moscow dates). */
export const organizationAccessGrants = pgTable(
  "organization_access_grants",
  {
    ...personOfOrganization(),
    rights: jsonb("rights").$type<Right[]>().notNull(),
    startsOn: day("starts_on").notNull(),
    endsOn: day("ends_on").notNull(),
    grantedBy: userRef("granted_by").notNull(),
    grantedAt: moment("granted_at").notNull(),
    ...revoked(),
  },
  (table) => [index("organization_access_grants_idx").on(table.organizationId, table.snils)],
);
