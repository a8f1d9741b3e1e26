// The missing data an organization sends to activate its cabinet (O6), the files attached to its
// requests (O6, O8), and its requests to correct the data taken from ЕГРЮЛ/ЕГРИП (O5).
import { index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { generatedId, moment } from "../../shared/table-columns.ts";
import { storageKeyOrderIndex } from "../documents/storage-key-index.ts";
import { organizationId, submittedAndDecided, userRef } from "./organization-columns.ts";

/** What the form asks for; ИНН, КПП and the head are compared with ЕГРЮЛ/ЕГРИП before it is accepted. */
export interface OrganizationDataFields {
  inn: string;
  kpp: string | null;
  headName: string;
  headPosition: string | null;
  contactPhone: string;
  contactEmail: string;
  kind: string;
}

export const organizationDataRequests = pgTable(
  "organization_data_requests",
  {
    id: generatedId(),
    organizationId: organizationId(),
    fields: jsonb("fields").$type<OrganizationDataFields>().notNull(),
    status: text("status").$type<"submitted" | "approved" | "corrections">().notNull().default("submitted"),
    ...submittedAndDecided(),
    /** The operator's list of what to correct, one item per line of the form. */
    corrections: jsonb("corrections").$type<string[]>().notNull().default([]),
  },
  (table) => [index("organization_data_requests_org_idx").on(table.organizationId, table.submittedAt)],
);

/** What a file attached by an organization is for. */
export type OrganizationFilePurpose =
  | "supporting"
  | "charter"
  | "identity"
  | "power_of_attorney"
  | "licence"
  | "request"
  | "document";

/** Files an organization attached to a request; the bytes are in the file storage under `storage_key`. */
export const organizationFiles = pgTable(
  "organization_files",
  {
    id: generatedId(),
    organizationId: organizationId(),
    /** The data request or the representative's appointment the file belongs to. */
    subjectId: uuid("subject_id").notNull(),
    purpose: text("purpose").$type<OrganizationFilePurpose>().notNull(),
    originalName: text("original_name").notNull(),
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull().unique(),
    uploadedBy: userRef("uploaded_by").notNull(),
    uploadedAt: moment("uploaded_at").notNull(),
  },
  (table) => [
    index("organization_files_subject_idx").on(table.subjectId),
    storageKeyOrderIndex("organization_files_storage_key_c_idx", table.storageKey),
  ],
);

/** O5: «the data from ЕГРЮЛ are wrong»; operators see and answer them in the back office. */
export const egrulCorrectionRequests = pgTable(
  "egrul_correction_requests",
  {
    id: generatedId(),
    organizationId: organizationId(),
    field: text("field").notNull(),
    shownValue: text("shown_value"),
    proposedValue: text("proposed_value").notNull(),
    comment: text("comment"),
    status: text("status").$type<"new" | "answered">().notNull().default("new"),
    createdBy: userRef("created_by").notNull(),
    createdAt: moment("created_at").notNull(),
    answeredBy: userRef("answered_by"),
    answeredAt: moment("answered_at"),
    answer: text("answer"),
  },
  (table) => [index("egrul_corrections_org_idx").on(table.organizationId, table.createdAt)],
);
