import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { AuditEventName } from "./audit.events.ts";
import { auditEvents } from "./audit.schema.ts";

export interface AuditEntry {
  event: AuditEventName;
  outcome: "success" | "failure" | "denied";
  userId?: string | null;
  organizationId?: string | null;
  ip?: string | null;
  /** Never personal data or secrets: identifiers of records and reason codes only. */
  details?: Record<string, unknown>;
}

/** Writes one audit record; pass the transaction of the change so both commit together. */
export async function writeAudit(db: Pick<Database, "insert">, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    event: entry.event,
    outcome: entry.outcome,
    userId: entry.userId ?? null,
    organizationId: entry.organizationId ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
  });
}

export async function listUserAudit(db: Database, userId: string, limit = 50) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.userId, userId)))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit);
}
