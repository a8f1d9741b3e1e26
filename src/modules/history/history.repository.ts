import { and, desc, eq, getTableColumns, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { cursorText, olderThan, type TimeCursor } from "../../db/keyset.ts";
import { applications } from "../applications/applications.schema.ts";
import { auditEvents } from "../audit/audit.schema.ts";

export type AuditRow = typeof auditEvents.$inferSelect;

export interface HistoryQuery {
  userId: string;
  /** Inclusive */
  from?: Date | undefined;
  /** Exclusive */
  until?: Date | undefined;
  limit: number;
  /** Keyset: the page starts after this entry (older than it). */
  after?: TimeCursor | undefined;
}

export type HistoryRow = AuditRow & { cursorAt: string };

/** One page of the user's own journal, newest first, and how many entries match in all. */
export async function listUserEvents(
  db: DbExecutor,
  query: HistoryQuery,
): Promise<{ rows: HistoryRow[]; total: number }> {
  const conditions: SQL[] = [eq(auditEvents.userId, query.userId)];
  if (query.from) conditions.push(gte(auditEvents.occurredAt, query.from));
  if (query.until) conditions.push(lt(auditEvents.occurredAt, query.until));
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    db
      .select({ ...getTableColumns(auditEvents), cursorAt: cursorText(auditEvents.occurredAt) })
      .from(auditEvents)
      .where(and(where, olderThan(auditEvents.occurredAt, auditEvents.id, query.after)))
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(query.limit),
    db.select({ total: sql<number>`count(*)::int` }).from(auditEvents).where(where),
  ]);
  return { rows, total: count?.total ?? 0 };
}

/** The numbers of the user's own applications among these ids, for naming them in the journal. */
export async function applicationNumbersOf(
  db: DbExecutor,
  userId: string,
  ids: string[],
): Promise<Record<string, number>> {
  if (ids.length === 0) return {};
  const rows = await db
    .select({ id: applications.id, number: applications.number })
    .from(applications)
    .where(and(eq(applications.userId, userId), inArray(applications.id, ids)));
  return Object.fromEntries(rows.map((row) => [row.id, row.number]));
}
