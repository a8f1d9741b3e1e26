// SQL of API clients and of the idempotency keys of their writes.
import { and, eq, lt } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { apiClients, apiIdempotencyKeys } from "./api.schema.ts";

export type ApiClientRow = typeof apiClients.$inferSelect;
export type NewApiClient = typeof apiClients.$inferInsert;

export async function insertClient(tx: DbExecutor, client: NewApiClient): Promise<ApiClientRow> {
  const [row] = await tx.insert(apiClients).values(client).returning();
  if (!row) throw new Error("api client insert returned no row");
  return row;
}

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
  const [row] = await db
    .select()
    .from(apiIdempotencyKeys)
    .where(and(eq(apiIdempotencyKeys.clientId, clientId), eq(apiIdempotencyKeys.key, key)))
    .limit(1);
  return row;
}

/** Claims the key with an empty answer (status 0); false when it was there already. */
export async function claimIdempotent(
  db: DbExecutor,
  row: { clientId: string; key: string; requestHash: string },
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

export async function purgeIdempotent(db: DbExecutor, before: Date): Promise<void> {
  await db.delete(apiIdempotencyKeys).where(lt(apiIdempotencyKeys.createdAt, before));
}
