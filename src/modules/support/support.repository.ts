// SQL of the support desk: requests, their messages and attachments, and the operators' queue.
import { and, asc, desc, eq, gt, inArray, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { findRow, insertRow, listRows } from "../../db/rows.ts";
import { auditEvents } from "../audit/audit.schema.ts";
import { organizations } from "../organizations/organizations.schema.ts";
import type { SenderScope } from "./support.policy.ts";
import {
  supportAttachments,
  supportMessages,
  supportRequestNumbers,
  supportRequests,
} from "./support.schema.ts";
import type { RequestStatus } from "./support.status.ts";

export type SupportRequestRow = typeof supportRequests.$inferSelect;
export type NewSupportRequest = Omit<typeof supportRequests.$inferInsert, "id" | "number">;
export type SupportMessageRow = typeof supportMessages.$inferSelect;
export type SupportAttachmentRow = typeof supportAttachments.$inferSelect;

/** Inserts the request with the next number of the sequence, `SUP-2026-000123`. */
export async function insertRequest(
  tx: DbExecutor,
  values: NewSupportRequest,
  year: string,
): Promise<SupportRequestRow> {
  const [row] = await tx
    .insert(supportRequests)
    .values({
      ...values,
      number: sql`'SUP-' || ${year} || '-' || lpad(nextval(${supportRequestNumbers.seqName})::text, 6, '0')`,
    })
    .returning();
  if (!row) throw new Error("support request insert returned no row");
  return row;
}

export const findRequest = (db: DbExecutor, id: string): Promise<SupportRequestRow | undefined> =>
  findRow(db, supportRequests, eq(supportRequests.id, id));

export async function lockRequest(db: DbExecutor, id: string): Promise<SupportRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(supportRequests)
    .where(eq(supportRequests.id, id))
    .for("update")
    .limit(1);
  return row;
}

export async function updateRequest(
  db: DbExecutor,
  id: string,
  values: Partial<Omit<SupportRequestRow, "id" | "number">>,
): Promise<void> {
  await db.update(supportRequests).set(values).where(eq(supportRequests.id, id));
}

export const insertMessage = (db: DbExecutor, values: Omit<typeof supportMessages.$inferInsert, "id">) =>
  insertRow(db, supportMessages, values);

export async function listMessages(
  db: DbExecutor,
  requestId: string,
  options: { includeNotes: boolean; afterId?: number },
): Promise<SupportMessageRow[]> {
  return db
    .select()
    .from(supportMessages)
    .where(
      and(
        eq(supportMessages.requestId, requestId),
        options.includeNotes ? undefined : sql`${supportMessages.kind} <> 'note'`,
        options.afterId !== undefined ? gt(supportMessages.id, options.afterId) : undefined,
      ),
    )
    .orderBy(asc(supportMessages.id))
    .limit(500);
}

export const listAttachments = (db: DbExecutor, requestId: string): Promise<SupportAttachmentRow[]> =>
  listRows(
    db,
    supportAttachments,
    eq(supportAttachments.requestId, requestId),
    asc(supportAttachments.uploadedAt),
  );

export const findAttachment = (
  db: DbExecutor,
  requestId: string,
  id: string,
): Promise<SupportAttachmentRow | undefined> =>
  findRow(
    db,
    supportAttachments,
    and(eq(supportAttachments.requestId, requestId), eq(supportAttachments.id, id)),
  );

/** A sender's requests, newest first (bounded: a person writes a handful). */
export async function listSenderRequests(db: DbExecutor, scope: SenderScope, limit = 100) {
  const condition =
    scope.kind === "worker"
      ? and(eq(supportRequests.channel, "worker"), eq(supportRequests.userId, scope.userId))
      : and(
          eq(supportRequests.channel, "organization"),
          eq(supportRequests.organizationId, scope.organizationId),
          scope.userId ? eq(supportRequests.userId, scope.userId) : undefined,
        );
  return db
    .select()
    .from(supportRequests)
    .where(condition)
    .orderBy(desc(supportRequests.createdAt))
    .limit(limit);
}

export interface QueueFilter {
  kind?: string | undefined;
  priority?: string | undefined;
  /** One status; undefined: every open one. */
  status?: RequestStatus | undefined;
  organizationId?: string | undefined;
  line?: string | undefined;
  /** Keyset: the (due_at, id) of the last row of the previous page. */
  after?: { dueAt: Date; id: string } | undefined;
  limit: number;
}

const openStatusList = ["new", "in_progress", "awaiting_sender"];

/**
 * One page of the operators' queue, the nearest due time first. Keyset paging on (due_at, id), which
 * the queue index covers: the page costs the same at any depth and nothing is counted.
 */
export async function queuePage(db: DbExecutor, filter: QueueFilter) {
  const conditions: (SQL | undefined)[] = [
    filter.status
      ? eq(supportRequests.status, filter.status)
      : inArray(supportRequests.status, openStatusList),
    filter.kind ? eq(supportRequests.kind, filter.kind) : undefined,
    filter.priority ? eq(supportRequests.priority, filter.priority) : undefined,
    filter.organizationId ? eq(supportRequests.organizationId, filter.organizationId) : undefined,
    filter.line ? eq(supportRequests.line, filter.line) : undefined,
    // A row comparison, which PostgreSQL turns into one range scan of the queue index.
    filter.after
      ? sql`(${supportRequests.dueAt}, ${supportRequests.id}) > (${filter.after.dueAt.toISOString()}::timestamptz, ${filter.after.id}::uuid)`
      : undefined,
  ];
  const rows = await db
    .select({
      id: supportRequests.id,
      number: supportRequests.number,
      kind: supportRequests.kind,
      channel: supportRequests.channel,
      priority: supportRequests.priority,
      status: supportRequests.status,
      line: supportRequests.line,
      senderName: supportRequests.senderName,
      organizationName: organizations.shortName,
      createdAt: supportRequests.createdAt,
      dueAt: supportRequests.dueAt,
      firstAnsweredAt: supportRequests.firstAnsweredAt,
      assigneeId: supportRequests.assigneeId,
    })
    .from(supportRequests)
    .leftJoin(organizations, eq(organizations.id, supportRequests.organizationId))
    .where(and(...conditions))
    .orderBy(asc(supportRequests.dueAt), asc(supportRequests.id))
    .limit(filter.limit + 1);
  return { rows: rows.slice(0, filter.limit), hasNext: rows.length > filter.limit };
}

export type QueueRow = Awaited<ReturnType<typeof queuePage>>["rows"][number];

/** Open requests whose first answer is late and that have not been sent to the senior line for it. */
export async function listLateFirstAnswers(db: DbExecutor, now: Date, limit = 100) {
  return db
    .select({ id: supportRequests.id })
    .from(supportRequests)
    .where(
      and(
        inArray(supportRequests.status, openStatusList),
        isNull(supportRequests.firstAnsweredAt),
        isNull(supportRequests.lateEscalatedAt),
        lt(supportRequests.firstAnswerDueAt, now),
      ),
    )
    .limit(limit);
}

/** The sender's failed logins of the last days, for the operator's context (never their documents). */
export async function recentFailedLogins(db: DbExecutor, esiaOid: string, since: Date) {
  return db
    .select({ occurredAt: auditEvents.occurredAt, details: auditEvents.details })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.event, "auth.login_failed"),
        gt(auditEvents.occurredAt, since),
        sql`${auditEvents.details}->>'esiaOid' = ${esiaOid}`,
      ),
    )
    .orderBy(desc(auditEvents.occurredAt))
    .limit(10);
}
