// SQL of API clients and of the idempotency keys of their writes.
import { and, eq } from "drizzle-orm";
import { deleteBefore } from "../../db/changed-row.ts";
import type { DbExecutor } from "../../db/client.ts";
import { findRow, insertRow } from "../../db/rows.ts";
import { apiClients, apiIdempotencyKeys, apiUsedAssertions } from "./api.schema.ts";

export type ApiClientRow = typeof apiClients.$inferSelect;
export type NewApiClient = typeof apiClients.$inferInsert;

export const insertClient = (tx: DbExecutor, client: NewApiClient): Promise<ApiClientRow> =>
  insertRow(tx, apiClients, client);

export async function findClientByClientId(db: DbExecutor, clientId: string) {
  const [row] = await db.select().from(apiClients).where(eq(apiClients.clientId, clientId)).limit(1);
  return row;
}

export async function setSuspended(tx: DbExecutor, clientId: string, at: Date | null) {
  const [row] = await tx
    .update(apiClients)
    .set({ suspendedAt: at })
    .where(eq(apiClients.clientId, clientId))
    .returning({ id: apiClients.id });
  return row;
}

export async function listClients(db: DbExecutor) {
  return db.select().from(apiClients).orderBy(apiClients.createdAt);
}

export async function findIdempotent(db: DbExecutor, clientId: string, key: string) {
  return findRow(
    db,
    apiIdempotencyKeys,
    and(eq(apiIdempotencyKeys.clientId, clientId), eq(apiIdempotencyKeys.key, key)),
  );
}

/** Claims the key with an empty answer (status 0); false when it was there already. */
export async function claimIdempotent(
  db: DbExecutor,
  row: { clientId: string; key: string; requestHash: string; createdAt: Date },
): Promise<boolean> {
  const inserted = await db
    .insert(apiIdempotencyKeys)
    .values({ ...row, status: 0, response: {} })
    .onConflictDoNothing()
    .returning({ key: apiIdempotencyKeys.key });
  return inserted.length > 0;
}

export async function finishIdempotent(
  db: DbExecutor,
  clientId: string,
  key: string,
  answer: { status: number; response: unknown },
): Promise<void> {
  await db
    .update(apiIdempotencyKeys)
    .set(answer)
    .where(and(eq(apiIdempotencyKeys.clientId, clientId), eq(apiIdempotencyKeys.key, key)));
}

export async function dropIdempotent(db: DbExecutor, clientId: string, key: string): Promise<void> {
  await db
    .delete(apiIdempotencyKeys)
    .where(and(eq(apiIdempotencyKeys.clientId, clientId), eq(apiIdempotencyKeys.key, key)));
}

/** Removes the keys older than `before`; the number removed. */
export const purgeIdempotent = (db: DbExecutor, before: Date): Promise<number> =>
  deleteBefore(db, apiIdempotencyKeys, apiIdempotencyKeys.createdAt, before);

/** Records an assertion's `jti`; false when the client used it already (a replay). */
export async function spendAssertion(
  db: DbExecutor,
  row: { clientId: string; jti: string; expiresAt: Date },
): Promise<boolean> {
  const inserted = await db
    .insert(apiUsedAssertions)
    .values(row)
    .onConflictDoNothing()
    .returning({ jti: apiUsedAssertions.jti });
  return inserted.length > 0;
}

/** Forgets the `jti` of assertions expired before `now`: jose refuses those assertions anyway. */
export const purgeUsedAssertions = (db: DbExecutor, now: Date): Promise<number> =>
  deleteBefore(db, apiUsedAssertions, apiUsedAssertions.expiresAt, now);

export async function touchClient(db: DbExecutor, id: string, at: Date): Promise<void> {
  await db.update(apiClients).set({ lastUsedAt: at }).where(eq(apiClients.id, id));
}

export async function findClientById(db: DbExecutor, id: string) {
  const [row] = await db.select().from(apiClients).where(eq(apiClients.id, id)).limit(1);
  return row;
}

export async function setSecretHash(tx: DbExecutor, id: string, secretHash: string) {
  const [row] = await tx
    .update(apiClients)
    .set({ secretHash })
    .where(eq(apiClients.id, id))
    .returning({ id: apiClients.id });
  return row;
}
