import { and, desc, eq, gte, isNull, sql } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { findRow, insertRow } from "../../db/rows.ts";
import { consentCodes, consents } from "./consent.schema.ts";

export type ConsentRow = typeof consents.$inferSelect;
export type ConsentCodeRow = typeof consentCodes.$inferSelect;

export const findActiveConsent = (db: DbExecutor, userId: string): Promise<ConsentRow | undefined> =>
  findRow(db, consents, and(eq(consents.userId, userId), isNull(consents.revokedAt)));

export const insertConsent = (tx: DbExecutor, consent: typeof consents.$inferInsert): Promise<ConsentRow> =>
  insertRow(tx, consents, consent);

export async function revokeActiveConsent(
  tx: DbExecutor,
  userId: string,
  now: Date,
  ip: string,
): Promise<ConsentRow | undefined> {
  const [row] = await tx
    .update(consents)
    .set({ revokedAt: now, revokedIp: ip })
    .where(and(eq(consents.userId, userId), isNull(consents.revokedAt)))
    .returning();
  return row;
}

export async function insertCode(tx: DbExecutor, code: typeof consentCodes.$inferInsert): Promise<void> {
  await tx.insert(consentCodes).values(code);
}

export async function countCodesSince(db: DbExecutor, userId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(consentCodes)
    .where(and(eq(consentCodes.userId, userId), gte(consentCodes.createdAt, since)));
  return row?.count ?? 0;
}

/** The person's newest code; sending a new one makes the older ones useless. Locked in a transaction. */
export async function latestCode(
  db: DbExecutor,
  userId: string,
  lock = false,
): Promise<ConsentCodeRow | undefined> {
  const query = db
    .select()
    .from(consentCodes)
    .where(eq(consentCodes.userId, userId))
    .orderBy(desc(consentCodes.createdAt))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

/** Counts a wrong entry; returns the attempts made so far. */
export async function recordWrongAttempt(tx: DbExecutor, codeId: string): Promise<number> {
  const [row] = await tx
    .update(consentCodes)
    .set({ attempts: sql`${consentCodes.attempts} + 1` })
    .where(eq(consentCodes.id, codeId))
    .returning({ attempts: consentCodes.attempts });
  return row?.attempts ?? Number.POSITIVE_INFINITY;
}

export async function markCodeUsed(tx: DbExecutor, codeId: string, now: Date): Promise<void> {
  await tx.update(consentCodes).set({ usedAt: now }).where(eq(consentCodes.id, codeId));
}
