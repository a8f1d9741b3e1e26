// SQL of the applications module; plain objects in and out.
import { and, asc, desc, eq, getTableColumns, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { cursorText, olderThan, type TimeCursor } from "../../db/keyset.ts";
import { pickColumns } from "../../db/pick-columns.ts";
import { prepared } from "../../db/prepared.ts";
import { findRow, insertRow, listRows } from "../../db/rows.ts";
import { documents } from "../documents/documents.schema.ts";
import { users } from "../identity/identity.schema.ts";
import {
  applicationAttachments,
  applicationEvents,
  applicationNumberCounters,
  applications,
  portfolioEntries,
  requestedDocuments,
} from "./applications.schema.ts";
import type { ApplicationStatus } from "./applications.status.ts";

export type ApplicationRow = typeof applications.$inferSelect;
type NewApplication = typeof applications.$inferInsert;
export type ApplicationPatch = Partial<Omit<NewApplication, "id" | "number" | "userId" | "status">>;
export type EventRow = typeof applicationEvents.$inferSelect;
export type PortfolioEntryRow = typeof portfolioEntries.$inferSelect;
export type RequestedDocumentRow = typeof requestedDocuments.$inferSelect;

/** Numbers of a year: the year times this plus the year's count (room for 999 999 a year). */
export const NUMBERS_PER_YEAR = 1_000_000;

/** The next number of `year`, from its counter row; the row stays locked until the transaction ends. */
export async function nextApplicationNumber(tx: DbExecutor, year: number): Promise<number> {
  const [row] = await tx
    .insert(applicationNumberCounters)
    .values({ year, lastValue: 1 })
    .onConflictDoUpdate({
      target: applicationNumberCounters.year,
      set: { lastValue: sql`${applicationNumberCounters.lastValue} + 1` },
    })
    .returning({ value: applicationNumberCounters.lastValue });
  if (!row || row.value >= NUMBERS_PER_YEAR) throw new Error(`application numbers of ${year} exhausted`);
  return year * NUMBERS_PER_YEAR + row.value;
}

/** Inserts the application with the next number of the year it is created in (Moscow time). */
export async function insertApplication(
  tx: DbExecutor,
  values: Omit<NewApplication, "number">,
): Promise<ApplicationRow> {
  const year = Number(
    new Intl.DateTimeFormat("en", { timeZone: "Europe/Moscow", year: "numeric" }).format(values.createdAt),
  );
  const number = await nextApplicationNumber(tx, year);
  return insertRow(tx, applications, { ...values, number });
}

/**
 * By id alone: the services check who may see it, so that a foreign id is audited as a denial.
 * `lock` holds the row until the transaction ends: concurrent changes of one application queue up.
 */
export async function findApplication(db: DbExecutor, id: string, lock = false) {
  const query = db.select().from(applications).where(eq(applications.id, id)).limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

// On the worker's home page and list (issue 9): prepared once.
const userApplications = prepared((db: DbExecutor) =>
  db
    .select()
    .from(applications)
    .where(eq(applications.userId, sql.placeholder("userId")))
    .orderBy(desc(applications.createdAt), desc(applications.number))
    .prepare("user_applications"),
);

export async function listUserApplications(db: DbExecutor, userId: string): Promise<ApplicationRow[]> {
  return userApplications(db).execute({ userId });
}

/** One page of «Мои заявки», newest first, by keyset (issue 9): after the cursor's application. */
export async function listUserApplicationsPage(
  db: DbExecutor,
  userId: string,
  page: { limit: number; after: TimeCursor | undefined },
): Promise<(ApplicationRow & { cursorAt: string })[]> {
  return db
    .select({ ...getTableColumns(applications), cursorAt: cursorText(applications.createdAt) })
    .from(applications)
    .where(
      and(
        eq(applications.userId, userId),
        olderThan(applications.createdAt, applications.number, page.after),
      ),
    )
    .orderBy(desc(applications.createdAt), desc(applications.number))
    .limit(page.limit);
}

/** The person's open application for the specialty, if any (one at a time). */
export function findOpenApplication(db: DbExecutor, userId: string, specialtyCode: string) {
  const mine = and(eq(applications.userId, userId), eq(applications.specialtyCode, specialtyCode));
  const open = sql`${applications.status} not in ('approved', 'rejected', 'withdrawn')`;
  return findRow(db, applications, and(mine, open));
}

export async function updateApplication(tx: DbExecutor, id: string, patch: ApplicationPatch): Promise<void> {
  await tx.update(applications).set(patch).where(eq(applications.id, id));
}

/** Moves the status only if it is still `from`; undefined when someone else moved it first. */
export async function moveStatus(
  tx: DbExecutor,
  id: string,
  from: ApplicationStatus,
  to: ApplicationStatus,
  patch: ApplicationPatch,
): Promise<ApplicationRow | undefined> {
  const [row] = await tx
    .update(applications)
    .set({ ...patch, status: to })
    .where(and(eq(applications.id, id), eq(applications.status, from)))
    .returning();
  return row;
}

export const insertEvent = (
  tx: DbExecutor,
  event: typeof applicationEvents.$inferInsert,
): Promise<EventRow> => insertRow(tx, applicationEvents, event);

export const findEvent = (db: DbExecutor, id: number): Promise<EventRow | undefined> =>
  findRow(db, applicationEvents, eq(applicationEvents.id, id));

/** History with the actor's name; the oldest first, as a journal reads. */
export async function listEvents(db: DbExecutor, applicationId: string) {
  return db
    .select({
      event: applicationEvents,
      actor: pickColumns(users, "lastName", "firstName", "middleName"),
    })
    .from(applicationEvents)
    .leftJoin(users, eq(users.id, applicationEvents.actorId))
    .where(eq(applicationEvents.applicationId, applicationId))
    .orderBy(asc(applicationEvents.occurredAt), asc(applicationEvents.id));
}

/** The slots' documents, with what the slot shows of each. */
export async function listAttachments(db: DbExecutor, applicationId: string) {
  return db
    .select({
      ...pickColumns(applicationAttachments, "id", "slotId", "documentId"),
      ...pickColumns(documents, "typeCode", "originalName", "sizeBytes"),
      attachedAt: applicationAttachments.attachedAt,
    })
    .from(applicationAttachments)
    .innerJoin(documents, eq(documents.id, applicationAttachments.documentId))
    .where(eq(applicationAttachments.applicationId, applicationId))
    .orderBy(asc(applicationAttachments.attachedAt));
}

export async function insertAttachment(
  tx: DbExecutor,
  values: { applicationId: string; slotId: string; documentId: string; attachedAt: Date },
): Promise<void> {
  await tx.insert(applicationAttachments).values(values).onConflictDoNothing();
}

export const deleteAttachment = (
  tx: DbExecutor,
  applicationId: string,
  attachmentId: string,
): Promise<boolean> => deleteOfApplication(tx, applicationAttachments, applicationId, attachmentId);

/** Every document the application uses: slots and provided requested documents. */
export async function listUsedDocumentIds(db: DbExecutor, applicationId: string): Promise<string[]> {
  const [attached, provided] = await Promise.all([
    db
      .select({ id: applicationAttachments.documentId })
      .from(applicationAttachments)
      .where(eq(applicationAttachments.applicationId, applicationId)),
    db
      .select({ id: requestedDocuments.documentId })
      .from(requestedDocuments)
      .where(eq(requestedDocuments.applicationId, applicationId)),
  ]);
  return [...new Set([...attached, ...provided].flatMap((row) => (row.id ? [row.id] : [])))];
}

/** Of `documentIds`, those still used by another submitted (not draft, not final) application. */
export async function documentsUsedElsewhere(
  db: DbExecutor,
  applicationId: string,
  documentIds: string[],
): Promise<Set<string>> {
  if (documentIds.length === 0) return new Set();
  const rows = await db
    .select({ id: applicationAttachments.documentId })
    .from(applicationAttachments)
    .innerJoin(applications, eq(applications.id, applicationAttachments.applicationId))
    .where(
      and(
        inArray(applicationAttachments.documentId, documentIds),
        sql`${applications.id} <> ${applicationId}`,
        sql`${applications.status} not in ('draft', 'approved', 'rejected', 'withdrawn')`,
      ),
    );
  return new Set(rows.map((row) => row.id));
}

/** The tables of rows that belong to one application and are listed, added and removed with it. */
type ChildTable = typeof applicationAttachments | typeof portfolioEntries | typeof requestedDocuments;

const listOfApplication = <Table extends ChildTable>(
  db: DbExecutor,
  table: Table,
  applicationId: string,
  ...order: SQL[]
): Promise<Table["$inferSelect"][]> => listRows(db, table, eq(table.applicationId, applicationId), ...order);

/** Removes the application's row `id`; false when it is not there (or belongs to another application). */
async function deleteOfApplication(
  tx: DbExecutor,
  table: typeof applicationAttachments | typeof portfolioEntries,
  applicationId: string,
  id: string,
): Promise<boolean> {
  const rows = await tx
    .delete(table)
    .where(and(eq(table.id, id), eq(table.applicationId, applicationId)))
    .returning({ id: table.id });
  return rows.length > 0;
}

export const listPortfolioEntries = (db: DbExecutor, applicationId: string): Promise<PortfolioEntryRow[]> =>
  listOfApplication(db, portfolioEntries, applicationId, asc(portfolioEntries.completedOn));

export async function insertPortfolioEntry(
  tx: DbExecutor,
  values: typeof portfolioEntries.$inferInsert,
): Promise<void> {
  await tx.insert(portfolioEntries).values(values);
}

export const deletePortfolioEntry = (
  tx: DbExecutor,
  applicationId: string,
  entryId: string,
): Promise<boolean> => deleteOfApplication(tx, portfolioEntries, applicationId, entryId);

export const listRequestedDocuments = (
  db: DbExecutor,
  applicationId: string,
): Promise<RequestedDocumentRow[]> =>
  listOfApplication(
    db,
    requestedDocuments,
    applicationId,
    asc(requestedDocuments.requestedAt),
    asc(requestedDocuments.label),
  );

export async function insertRequestedDocuments(
  tx: DbExecutor,
  rows: (typeof requestedDocuments.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await tx.insert(requestedDocuments).values(rows);
}

/** The application's requests still waiting for a document. */
const openRequestsOf = (applicationId: string) =>
  and(eq(requestedDocuments.applicationId, applicationId), isNull(requestedDocuments.documentId));

/** Fills one open request with the document; false when it was already provided or is not there. */
export async function provideRequestedDocument(
  tx: DbExecutor,
  applicationId: string,
  requestId: string,
  documentId: string,
  at: Date,
): Promise<boolean> {
  const rows = await tx
    .update(requestedDocuments)
    .set({ documentId, providedAt: at })
    .where(and(eq(requestedDocuments.id, requestId), openRequestsOf(applicationId)))
    .returning({ id: requestedDocuments.id });
  return rows.length > 0;
}

export async function countOpenRequests(db: DbExecutor, applicationId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(requestedDocuments)
    .where(openRequestsOf(applicationId));
  return row?.count ?? 0;
}

export type AttachmentItem = Awaited<ReturnType<typeof listAttachments>>[number];
