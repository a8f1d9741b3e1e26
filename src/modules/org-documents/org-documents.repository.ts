// SQL of the organization's «Документы»: each document with its file (organization_files, purpose
// `document`), always scoped by the organization.
import { and, desc, eq, isNull } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { insertRow } from "../../db/rows.ts";
import { users } from "../identity/identity.schema.ts";
import { organizationFiles } from "../organizations/activation.schema.ts";
import { organizationDocuments } from "./org-documents.schema.ts";

export type OrgDocumentRow = typeof organizationDocuments.$inferSelect;
export type OrgDocumentFile = typeof organizationFiles.$inferSelect;

export interface OrgDocumentItem {
  document: OrgDocumentRow;
  file: OrgDocumentFile;
  uploader: { lastName: string; firstName: string; middleName: string | null };
}

/** The document's own file: of its organization, kept for this document. */
const itsFile = and(
  eq(organizationFiles.subjectId, organizationDocuments.id),
  eq(organizationFiles.purpose, "document"),
  eq(organizationFiles.organizationId, organizationDocuments.organizationId),
);

/** The organization's own document: another organization's reads as missing. */
const ownDocument = (organizationId: string, id: string) =>
  and(eq(organizationDocuments.organizationId, organizationId), eq(organizationDocuments.id, id));

export async function listOrgDocuments(
  db: DbExecutor,
  organizationId: string,
  limit = 200,
): Promise<OrgDocumentItem[]> {
  return db
    .select({
      document: organizationDocuments,
      file: organizationFiles,
      uploader: { lastName: users.lastName, firstName: users.firstName, middleName: users.middleName },
    })
    .from(organizationDocuments)
    .innerJoin(organizationFiles, itsFile)
    .innerJoin(users, eq(users.id, organizationDocuments.uploadedBy))
    .where(eq(organizationDocuments.organizationId, organizationId))
    .orderBy(desc(organizationDocuments.uploadedAt))
    .limit(limit);
}

export async function findOrgDocument(
  db: DbExecutor,
  organizationId: string,
  id: string,
): Promise<{ document: OrgDocumentRow; file: OrgDocumentFile } | undefined> {
  const [row] = await db
    .select({ document: organizationDocuments, file: organizationFiles })
    .from(organizationDocuments)
    .innerJoin(organizationFiles, itsFile)
    .where(ownDocument(organizationId, id))
    .limit(1);
  return row;
}

export const insertOrgDocument = (
  tx: DbExecutor,
  row: Omit<typeof organizationDocuments.$inferInsert, "id">,
) => insertRow(tx, organizationDocuments, row);

/** Marks the current version replaced; false when it is not the organization's current one. */
export async function markReplaced(
  tx: DbExecutor,
  organizationId: string,
  id: string,
  by: string,
  at: Date,
): Promise<boolean> {
  const rows = await tx
    .update(organizationDocuments)
    .set({ replacedBy: by, replacedAt: at })
    .where(and(ownDocument(organizationId, id), isNull(organizationDocuments.replacedBy)))
    .returning({ id: organizationDocuments.id });
  return rows.length > 0;
}
