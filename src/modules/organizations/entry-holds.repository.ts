// SQL of the held entries, the organization's switch, and the failed-login count by address.
import { and, asc, count, eq, gt, gte } from "drizzle-orm";
import { upsertRow } from "../../db/changed-row.ts";
import type { DbExecutor } from "../../db/client.ts";
import { insertRow } from "../../db/rows.ts";
import { users } from "../identity/identity.schema.ts";
import {
  blockedAddresses,
  loginFailures,
  organizationEntryHolds,
  organizationEntrySettings,
} from "./entry-holds.schema.ts";
import { ofOrganization } from "./organization-rows.ts";
import { userNameColumns } from "./user-name-columns.ts";

export type EntryHoldRow = typeof organizationEntryHolds.$inferSelect;

export async function holdsSuspicious(db: DbExecutor, organizationId: string): Promise<boolean> {
  const [row] = await db
    .select({ on: organizationEntrySettings.holdSuspicious })
    .from(organizationEntrySettings)
    .where(eq(organizationEntrySettings.organizationId, organizationId))
    .limit(1);
  return row?.on ?? false;
}

export const saveEntrySetting = (db: DbExecutor, values: typeof organizationEntrySettings.$inferInsert) =>
  upsertRow(db, organizationEntrySettings, organizationEntrySettings.organizationId, values);

export const insertHold = (db: DbExecutor, values: typeof organizationEntryHolds.$inferInsert) =>
  insertRow(db, organizationEntryHolds, values);

export async function findHold(db: DbExecutor, id: string, lock = false): Promise<EntryHoldRow | undefined> {
  const query = db.select().from(organizationEntryHolds).where(eq(organizationEntryHolds.id, id)).limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

export async function updateHold(
  db: DbExecutor,
  id: string,
  values: Partial<typeof organizationEntryHolds.$inferInsert>,
): Promise<void> {
  await db.update(organizationEntryHolds).set(values).where(eq(organizationEntryHolds.id, id));
}

export function listPendingHolds(db: DbExecutor, organizationId: string) {
  return db
    .select({ hold: organizationEntryHolds, ...userNameColumns })
    .from(organizationEntryHolds)
    .innerJoin(users, eq(users.id, organizationEntryHolds.userId))
    .where(
      ofOrganization(organizationEntryHolds, organizationId, eq(organizationEntryHolds.status, "pending")),
    )
    .orderBy(asc(organizationEntryHolds.createdAt))
    .limit(50);
}

export async function insertFailure(db: DbExecutor, ip: string, reason: string, at: Date): Promise<void> {
  await db.insert(loginFailures).values({ ip, reason, at });
}

export async function failuresSince(db: DbExecutor, ip: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.ip, ip), gte(loginFailures.at, since)));
  return row?.n ?? 0;
}

export async function blockedUntil(db: DbExecutor, ip: string, now: Date): Promise<Date | undefined> {
  const [row] = await db
    .select({ until: blockedAddresses.blockedUntil })
    .from(blockedAddresses)
    .where(and(eq(blockedAddresses.ip, ip), gt(blockedAddresses.blockedUntil, now)))
    .limit(1);
  return row?.until;
}

export const blockAddress = (db: DbExecutor, values: typeof blockedAddresses.$inferInsert) =>
  upsertRow(db, blockedAddresses, blockedAddresses.ip, values);
