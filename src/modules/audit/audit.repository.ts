import { and, desc, eq } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Database, DbExecutor } from "../../db/client.ts";
import { appendChained } from "./audit.chain.ts";
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

/**
 * Writes one audit record, linked into the hash chain; pass the transaction of the change so both
 * commit together. Outside a transaction one is opened, so that the chain's lock covers the write.
 */
export async function writeAudit(db: DbExecutor | Database, entry: AuditEntry): Promise<void> {
  const content = {
    occurredAt: new Date(),
    event: entry.event,
    outcome: entry.outcome,
    userId: entry.userId ?? null,
    organizationId: entry.organizationId ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
  };
  if (db instanceof PgTransaction || !("transaction" in db)) await appendChained(db, content);
  else await db.transaction((tx) => appendChained(tx, content));
}

/** Who acted and from where; an actor of any cabinet carries these fields already. */
export interface AuditActor {
  userId?: string | null;
  ip?: string | null;
  organizationId?: string | null;
}

/** The common record: `by` succeeded in `event`; in the transaction of the change, like writeAudit. */
export function auditSuccess(
  db: DbExecutor | Database,
  by: AuditActor,
  event: AuditEventName,
  details?: Record<string, unknown>,
): Promise<void> {
  const { userId, ip, organizationId } = by;
  return writeAudit(db, { event, outcome: "success", userId, ip, organizationId, details });
}

export async function listUserAudit(db: Database, userId: string, limit = 50) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.userId, userId)))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit);
}
