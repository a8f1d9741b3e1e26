// SQL of the documents module; plain objects in and out.
import { and, count, desc, eq, getTableColumns, gte, inArray, isNull, sql, sum } from "drizzle-orm";
import type { Database, DbExecutor } from "../../db/client.ts";
import { cursorText, olderThan, type TimeCursor } from "../../db/keyset.ts";
import { prepared } from "../../db/prepared.ts";
import { findRow, insertRow } from "../../db/rows.ts";
import { auditEvents } from "../audit/audit.schema.ts";
import { users } from "../identity/identity.schema.ts";
import { documents } from "./documents.schema.ts";

export type DocumentRow = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;
type Executor = DbExecutor & Pick<Database, "selectDistinct">;

/** Serialises uploads of one user until the transaction ends, so two uploads cannot both pass the quota. */
export async function lockUserForUpload(tx: Executor, userId: string): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
}

export async function storageUsage(db: Executor, userId: string): Promise<{ files: number; bytes: number }> {
  const [row] = await db
    .select({ files: count(), bytes: sum(documents.sizeBytes).mapWith(Number) })
    .from(documents)
    .where(eq(documents.userId, userId));
  return { files: row?.files ?? 0, bytes: row?.bytes ?? 0 };
}

export const insertDocument = (tx: Executor, values: NewDocument): Promise<DocumentRow> =>
  insertRow(tx, documents, values);

/** One page of the user's documents, newest first. */
export async function listDocuments(
  db: Executor,
  userId: string,
  page: { limit: number; after?: TimeCursor | undefined },
): Promise<(DocumentRow & { cursorAt: string })[]> {
  return (
    db
      .select({ ...getTableColumns(documents), cursorAt: cursorText(documents.uploadedAt) })
      .from(documents)
      // Keyset (issue 9): after the previous page's last document, from the (user, uploaded) index.
      .where(and(eq(documents.userId, userId), olderThan(documents.uploadedAt, documents.id, page.after)))
      .orderBy(desc(documents.uploadedAt), desc(documents.id))
      .limit(page.limit)
  );
}

/** By id alone: the service checks ownership itself so that a foreign id is audited as a denial. */
export const findDocument = (db: Executor, id: string): Promise<DocumentRow | undefined> =>
  findRow(db, documents, eq(documents.id, id));

/**
 * Deletes the owner's unlocked document. Undefined when it is gone, became locked meanwhile, or is
 * still referenced from another table (an application's attachment): the savepoint keeps the
 * caller's transaction usable in that case.
 */
export async function deleteUnlockedDocument(
  tx: Pick<Database, "transaction">,
  userId: string,
  id: string,
): Promise<DocumentRow | undefined> {
  try {
    return await tx.transaction(async (savepoint) => {
      const [row] = await savepoint
        .delete(documents)
        .where(and(eq(documents.id, id), eq(documents.userId, userId), isNull(documents.lockedAt)))
        .returning();
      return row;
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) return undefined;
    throw error;
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if ((current as { code?: unknown }).code === "23503") return true;
  }
  return false;
}

// On the worker's home page (issue 9): prepared once.
const userDocumentTypes = prepared((db: Executor) =>
  db
    .selectDistinct({ typeCode: documents.typeCode })
    .from(documents)
    .where(eq(documents.userId, sql.placeholder("userId")))
    .prepare("user_document_types"),
);

export async function listUserDocumentTypes(db: Executor, userId: string): Promise<string[]> {
  const rows = await userDocumentTypes(db).execute({ userId });
  return rows.map((row) => row.typeCode);
}

/** Refused uploads live only in the audit log; the list page shows the recent ones. */
export async function listRecentRejections(db: Executor, userId: string, since: Date, limit: number) {
  return db
    .select({ occurredAt: auditEvents.occurredAt, details: auditEvents.details })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.userId, userId),
        eq(auditEvents.event, "document.rejected"),
        gte(auditEvents.occurredAt, since),
      ),
    )
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit);
}

// Contract with the applications module: when an application is submitted it calls lockDocuments
// for every attached document inside its own transaction, and unlockDocuments when no submitted
// application uses them any more. A locked document cannot be deleted (deleteUnlockedDocument).

/** Locks the user's own documents among `ids`; returns the ids actually locked (foreign ids are ignored). */
export async function lockDocuments(
  tx: Executor,
  userId: string,
  ids: string[],
  at: Date,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .update(documents)
    .set({ lockedAt: sql`coalesce(${documents.lockedAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(documents.userId, userId), inArray(documents.id, ids)))
    .returning({ id: documents.id });
  return rows.map((row) => row.id);
}

export async function unlockDocuments(tx: Executor, userId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(documents)
    .set({ lockedAt: null })
    .where(and(eq(documents.userId, userId), inArray(documents.id, ids)));
}
