// The organization's «Документы» (O8, O9): licences, the charter, orders. The file itself is an
// organization_files row (purpose `document`, subject this row), so the file store's bookkeeping
// (orphan check, moves, backup) already knows it. A replaced document stays, marked with its successor.
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../identity/identity.schema.ts";
import { generatedId } from "../org-submissions/submission-columns.ts";
import { organizationId } from "../organizations/organization-columns.ts";

export type OrgDocumentKind = "licence" | "charter" | "order" | "other";

export const organizationDocuments = pgTable(
  "organization_documents",
  {
    id: generatedId(),
    organizationId: organizationId(),
    kind: text("kind").$type<OrgDocumentKind>().notNull(),
    title: text("title").notNull(),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
    /** Set when a newer version replaced this one. */
    replacedBy: uuid("replaced_by"),
    replacedAt: timestamp("replaced_at", { withTimezone: true }),
  },
  (table) => [index("organization_documents_org_idx").on(table.organizationId, table.uploadedAt)],
);
