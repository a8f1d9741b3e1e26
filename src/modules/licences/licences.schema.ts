// The organization's licences for medical and pharmaceutical activity (O17, seed 001 «сведения о
// выданных лицензиях, их сроках действия и основаниях для приостановки или отзыва»), and the history
// of every change to each.
import { date, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../identity/identity.schema.ts";
import { createdAndUpdated, generatedId, historyTable } from "../org-submissions/submission-columns.ts";
import { organizationId } from "../organizations/organization-columns.ts";

export type LicenceKind = "medical" | "pharmaceutical";
export type LicenceStatus = "active" | "suspended" | "terminated";
export type LicenceVerification = "pending" | "verified" | "rejected";

const day = (name: string) => date(name, { mode: "string" });

export const organizationLicences = pgTable(
  "organization_licences",
  {
    id: generatedId(),
    organizationId: organizationId(),
    kind: text("kind").$type<LicenceKind>().notNull(),
    number: text("number").notNull(),
    issuedBy: text("issued_by").notNull(),
    issuedOn: day("issued_on").notNull(),
    /** Licences issued since 2021 have no end; an older one may still carry its term. */
    validUntil: day("valid_until"),
    /** Addresses where the activity is carried out, each with its licensed works and services. */
    places: jsonb("places").$type<LicencePlace[]>().notNull(),
    status: text("status").$type<LicenceStatus>().notNull().default("active"),
    /** The ground of a suspension or a termination (the authority's decision), as entered. */
    statusGround: text("status_ground"),
    statusFrom: day("status_from"),
    /** The end of a suspension when the decision names one. */
    statusUntil: day("status_until"),
    verification: text("verification").$type<LicenceVerification>().notNull().default("pending"),
    verificationComment: text("verification_comment"),
    verifiedBy: uuid("verified_by").references(() => users.id),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    ...createdAndUpdated(),
  },
  (table) => [
    index("organization_licences_org_idx").on(table.organizationId, table.issuedOn),
    index("organization_licences_verification_idx").on(table.verification, table.createdAt),
  ],
);

export interface LicencePlace {
  address: string;
  works: string[];
}

export type LicenceAction = "added" | "suspended" | "resumed" | "terminated" | "verified" | "rejected";

/** Every change to a licence, with what it was changed to: the licence's history. */
export const organizationLicenceEvents = historyTable<LicenceAction, "licenceId">(
  "organization_licence_events",
  "licenceId",
  () => organizationLicences.id,
);
