// SQL of the organization's «Документы»: each document with its file (organization_files, purpose
// `document`), always scoped by the organization.
import { and, desc, eq, isNull } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
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
    .innerJoin(
      organizationFiles,
      and(
        eq(organizationFiles.subjectId, organizationDocuments.id),
        eq(organizationFiles.purpose, "document"),
        eq(organizationFiles.organizationId, organizationDocuments.organizationId),
      ),
    )
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
    .innerJoin(
      organizationFiles,
      and(
        eq(organizationFiles.subjectId, organizationDocuments.id),
        eq(organizationFiles.purpose, "document"),
      ),
    )
    .where(and(eq(organizationDocuments.organizationId, organizationId), eq(organizationDocuments.id, id)))
    .limit(1);
  return row;
}

export async function insertOrgDocument(
  tx: DbExecutor,
  row: Omit<typeof organizationDocuments.$inferInsert, "id">,
): Promise<OrgDocumentRow> {
  const [inserted] = await tx.insert(organizationDocuments).values(row).returning();
  if (!inserted) throw new Error("document insert returned nothing");
  return inserted;
}

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
    .where(
      and(
        eq(organizationDocuments.organizationId, organizationId),
        eq(organizationDocuments.id, id),
        isNull(organizationDocuments.replacedBy),
      ),
    )
    .returning({ id: organizationDocuments.id });
  return rows.length > 0;
}
