// SQL of the data requests (O6), the attached files and the ЕГРЮЛ correction requests (O5).
import { and, asc, desc, eq } from "drizzle-orm";
import { updateRow } from "../../db/changed-row.ts";
import type { DbExecutor } from "../../db/client.ts";
import { findRow, insertRow, listRows } from "../../db/rows.ts";
import { egrulCorrectionRequests, organizationDataRequests, organizationFiles } from "./activation.schema.ts";
import { listOwnRows } from "./organization-rows.ts";

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

export const listSubmittedDataRequests = (db: DbExecutor): Promise<DataRequestRow[]> =>
  listRows(
    db,
    organizationDataRequests,
    eq(organizationDataRequests.status, "submitted"),
    asc(organizationDataRequests.submittedAt),
  );

export const findDataRequest = (db: DbExecutor, id: string): Promise<DataRequestRow | undefined> =>
  findRow(db, organizationDataRequests, eq(organizationDataRequests.id, id));

/** Records the operator's decision on a request still waiting for one; undefined otherwise. */
export const decideDataRequest = (
  tx: DbExecutor,
  id: string,
  decision: { status: "approved" | "corrections"; decidedBy: string; decidedAt: Date; corrections: string[] },
) =>
  updateRow(
    tx,
    organizationDataRequests,
    decision,
    and(eq(organizationDataRequests.id, id), eq(organizationDataRequests.status, "submitted")),
  );

export const listFiles = (db: DbExecutor, subjectId: string): Promise<OrganizationFileRow[]> =>
  listRows(
    db,
    organizationFiles,
    eq(organizationFiles.subjectId, subjectId),
    asc(organizationFiles.uploadedAt),
    asc(organizationFiles.originalName),
  );

export const findFile = (db: DbExecutor, id: string): Promise<OrganizationFileRow | undefined> =>
  findRow(db, organizationFiles, eq(organizationFiles.id, id));

export const insertCorrectionRequest = (
  tx: DbExecutor,
  values: typeof egrulCorrectionRequests.$inferInsert,
): Promise<CorrectionRequestRow> => insertRow(tx, egrulCorrectionRequests, values);

export const listCorrectionRequests = (
  db: DbExecutor,
  organizationId: string,
): Promise<CorrectionRequestRow[]> =>
  listOwnRows(db, egrulCorrectionRequests, organizationId, desc(egrulCorrectionRequests.createdAt));

export const listNewCorrectionRequests = (db: DbExecutor): Promise<CorrectionRequestRow[]> =>
  listRows(
    db,
    egrulCorrectionRequests,
    eq(egrulCorrectionRequests.status, "new"),
    asc(egrulCorrectionRequests.createdAt),
  );

export const findCorrectionRequest = (
  db: DbExecutor,
  id: string,
): Promise<CorrectionRequestRow | undefined> =>
  findRow(db, egrulCorrectionRequests, eq(egrulCorrectionRequests.id, id));

export const answerCorrectionRequest = (
  tx: DbExecutor,
  id: string,
  answer: { answer: string; answeredBy: string; answeredAt: Date },
) =>
  updateRow(
    tx,
    egrulCorrectionRequests,
    { ...answer, status: "answered" },
    and(eq(egrulCorrectionRequests.id, id), eq(egrulCorrectionRequests.status, "new")),
  );
