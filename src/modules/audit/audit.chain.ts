// The tamper-evident journal (C5). Each record carries the SHA-256 of its content and of the
// previous record's hash, so changing or deleting a record breaks every link after it.
//
// One global chain rather than one per organization: many records belong to no organization
// (a worker's own actions, logins, commission decisions), a single order is what `audit verify`
// can walk in one pass, and removing a whole organization's records cannot go unnoticed the way a
// separate per-organization chain could simply be dropped. The cost is that writers of the journal
// take turns: a transaction-scoped advisory lock is held from the audit write to the commit.
import { createHash } from "node:crypto";
import { asc, desc, gt, sql } from "drizzle-orm";
import type { Database, DbExecutor } from "../../db/client.ts";
import { auditEvents, auditVerifications } from "./audit.schema.ts";

/** Arbitrary constant naming the journal's advisory lock. */
const AUDIT_CHAIN_LOCK = 5_101_015;

export interface ChainedContent {
  occurredAt: Date;
  userId: string | null;
  organizationId: string | null;
  event: string;
  outcome: "success" | "failure" | "denied";
  ip: string | null;
  details: Record<string, unknown>;
}

/** JSON with object keys sorted, so that jsonb's reordering does not change the hash. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  return JSON.stringify(value ?? null);
}

export function chainHash(content: ChainedContent, prevHash: string): string {
  const body = canonical({
    occurredAt: content.occurredAt.toISOString(),
    userId: content.userId,
    organizationId: content.organizationId,
    event: content.event,
    outcome: content.outcome,
    ip: content.ip,
    details: content.details,
    prevHash,
  });
  return createHash("sha256").update(body).digest("hex");
}

/** Appends a record to the chain; the lock lasts until the caller's transaction ends. */
export async function appendChained(db: DbExecutor, content: ChainedContent): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await db
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  const prevHash = last?.hash ?? "";
  await db.insert(auditEvents).values({ ...content, prevHash, hash: chainHash(content, prevHash) });
}

export interface Verification {
  ok: boolean;
  rowsChecked: number;
  brokenId: number | null;
}

/** Walks the chain in id order (in batches) and names the first record that does not match. */
export async function verifyChain(db: DbExecutor, batch = 1000): Promise<Verification> {
  let after = 0;
  let prevHash: string | null = null;
  let rowsChecked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, after))
      .orderBy(asc(auditEvents.id))
      .limit(batch);
    for (const row of rows) {
      after = row.id;
      // Records written before the chain began carry no hash; the chain starts at the first that does.
      if (row.hash === null && prevHash === null) continue;
      rowsChecked += 1;
      const expectedPrev: string = prevHash ?? row.prevHash ?? "";
      if (row.hash === null || row.prevHash !== expectedPrev || chainHash(row, expectedPrev) !== row.hash)
        return { ok: false, rowsChecked, brokenId: row.id };
      prevHash = row.hash;
    }
    if (rows.length < batch) return { ok: true, rowsChecked, brokenId: null };
  }
}

export async function recordVerification(db: Database, result: Verification, now: Date): Promise<void> {
  await db.insert(auditVerifications).values({ ...result, checkedAt: now });
}

/** The latest `audit verify` result, for the status page. */
export async function lastVerification(db: DbExecutor) {
  const [last] = await db.select().from(auditVerifications).orderBy(desc(auditVerifications.id)).limit(1);
  return last;
}
