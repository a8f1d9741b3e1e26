// SQL of the journal (O10): the organization's audit records with who did them, filtered by person,
// event and period. Always scoped by the organization's id.
import { and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Database, DbExecutor } from "../../db/client.ts";
import { cursorText, olderThan } from "../../db/keyset.ts";
import { auditEvents } from "../audit/audit.schema.ts";
import { users } from "../identity/identity.schema.ts";
import { userNameColumns } from "./user-name-columns.ts";

export interface JournalFilter {
  organizationId: string;
  userId?: string | undefined;
  event?: string | undefined;
  /** Inclusive start and exclusive end, as instants. */
  from?: Date | undefined;
  until?: Date | undefined;
}

function where(filter: JournalFilter): SQL | undefined {
  return and(
    eq(auditEvents.organizationId, filter.organizationId),
    filter.userId ? eq(auditEvents.userId, filter.userId) : undefined,
    filter.event ? eq(auditEvents.event, filter.event) : undefined,
    filter.from ? gte(auditEvents.occurredAt, filter.from) : undefined,
    filter.until ? lt(auditEvents.occurredAt, filter.until) : undefined,
  );
}

/** Position in the journal's order (newest first): the record's exact time, as the database prints it, and id. */
export interface JournalCursor {
  at: string;
  id: number;
}

/**
 * The newest records first, by keyset: a page starts after the cursor (older than it), reading the
 * (organization, time) index from there, so an old page costs what the first one does.
 */
export async function listJournal(
  db: DbExecutor,
  filter: JournalFilter,
  limit: number,
  after?: JournalCursor,
) {
  return db
    .select({
      id: auditEvents.id,
      // Text, not a Date: the database keeps microseconds, which a cursor must not round away.
      cursorAt: cursorText(auditEvents.occurredAt),
      occurredAt: auditEvents.occurredAt,
      event: auditEvents.event,
      outcome: auditEvents.outcome,
      details: auditEvents.details,
      ...userNameColumns,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(and(where(filter), olderThan(auditEvents.occurredAt, auditEvents.id, after)))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit);
}

export type JournalRow = Awaited<ReturnType<typeof listJournal>>[number];

/** Only when the reader asks: it reads every matching record. */
export async function countJournal(db: DbExecutor, filter: JournalFilter): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(auditEvents).where(where(filter));
  return row?.count ?? 0;
}

/** Everyone who appears in the organization's journal, for the «who» filter. */
export async function journalPeople(db: Database, organizationId: string) {
  return db
    .selectDistinct({ id: users.id, ...userNameColumns })
    .from(auditEvents)
    .innerJoin(users, eq(users.id, auditEvents.userId))
    .where(eq(auditEvents.organizationId, organizationId))
    .orderBy(users.lastName, users.firstName, users.middleName, users.id);
}
