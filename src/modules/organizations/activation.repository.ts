// SQL of the data requests (O6), the attached files and the ЕГРЮЛ correction requests (O5).
import { and, asc, desc, eq } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { findRow, insertRow, listRows } from "../../db/rows.ts";
import { egrulCorrectionRequests, organizationDataRequests, organizationFiles } from "./activation.schema.ts";

export type DataRequestRow = typeof organizationDataRequests.$inferSelect;
export type OrganizationFileRow = typeof organizationFiles.$inferSelect;
export type CorrectionRequestRow = typeof egrulCorrectionRequests.$inferSelect;

export const insertDataRequest = (
  tx: DbExecutor,
  values: typeof organizationDataRequests.$inferInsert,
): Promise<DataRequestRow> => insertRow(tx, organizationDataRequests, values);

export async function latestDataRequest(
  db: DbExecutor,
  organizationId: string,
): Promise<DataRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(organizationDataRequests)
    .where(eq(organizationDataRequests.organizationId, organizationId))
    .orderBy(desc(organizationDataRequests.submittedAt))
    .limit(1);
  return row;
}

export async function listSubmittedDataRequests(db: DbExecutor): Promise<DataRequestRow[]> {
  return listRows(
    db,
    organizationDataRequests,
    eq(organizationDataRequests.status, "submitted"),
    asc(organizationDataRequests.submittedAt),
  );
}

export const findDataRequest = (db: DbExecutor, id: string): Promise<DataRequestRow | undefined> =>
  findRow(db, organizationDataRequests, eq(organizationDataRequests.id, id));

/** Records the operator's decision on a request still waiting for one; undefined otherwise. */
export async function decideDataRequest(
  tx: DbExecutor,
  id: string,
  decision: { status: "approved" | "corrections"; decidedBy: string; decidedAt: Date; corrections: string[] },
): Promise<DataRequestRow | undefined> {
  const [row] = await tx
    .update(organizationDataRequests)
    .set(decision)
    .where(and(eq(organizationDataRequests.id, id), eq(organizationDataRequests.status, "submitted")))
    .returning();
  return row;
}

export async function listFiles(db: DbExecutor, subjectId: string): Promise<OrganizationFileRow[]> {
  return listRows(
    db,
    organizationFiles,
    eq(organizationFiles.subjectId, subjectId),
    asc(organizationFiles.uploadedAt),
    asc(organizationFiles.originalName),
  );
}

export async function findFile(db: DbExecutor, id: string): Promise<OrganizationFileRow | undefined> {
  const [row] = await db.select().from(organizationFiles).where(eq(organizationFiles.id, id)).limit(1);
  return row;
}

export const insertCorrectionRequest = (
  tx: DbExecutor,
  values: typeof egrulCorrectionRequests.$inferInsert,
): Promise<CorrectionRequestRow> => insertRow(tx, egrulCorrectionRequests, values);

export async function listCorrectionRequests(
  db: DbExecutor,
  organizationId: string,
): Promise<CorrectionRequestRow[]> {
  return listRows(
    db,
    egrulCorrectionRequests,
    eq(egrulCorrectionRequests.organizationId, organizationId),
    desc(egrulCorrectionRequests.createdAt),
  );
}

export async function listNewCorrectionRequests(db: DbExecutor): Promise<CorrectionRequestRow[]> {
  return listRows(
    db,
    egrulCorrectionRequests,
    eq(egrulCorrectionRequests.status, "new"),
    asc(egrulCorrectionRequests.createdAt),
  );
}

export const findCorrectionRequest = (
  db: DbExecutor,
  id: string,
): Promise<CorrectionRequestRow | undefined> =>
  findRow(db, egrulCorrectionRequests, eq(egrulCorrectionRequests.id, id));

export async function answerCorrectionRequest(
  tx: DbExecutor,
  id: string,
  answer: { answer: string; answeredBy: string; answeredAt: Date },
): Promise<CorrectionRequestRow | undefined> {
  const [row] = await tx
    .update(egrulCorrectionRequests)
    .set({ ...answer, status: "answered" })
    .where(and(eq(egrulCorrectionRequests.id, id), eq(egrulCorrectionRequests.status, "new")))
    .returning();
  return row;
}
