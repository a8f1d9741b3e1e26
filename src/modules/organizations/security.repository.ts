// SQL of the allow-list, the known networks and devices, and the cabinet notices.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { listRows } from "../../db/rows.ts";
import { organizationKnownClients, organizationNetworks, organizationNotices } from "./security.schema.ts";

export type NetworkRow = typeof organizationNetworks.$inferSelect;
export type NoticeRow = typeof organizationNotices.$inferSelect;

export async function listNetworks(db: DbExecutor, organizationId: string): Promise<NetworkRow[]> {
  return listRows(
    db,
    organizationNetworks,
    eq(organizationNetworks.organizationId, organizationId),
    asc(organizationNetworks.createdAt),
    asc(organizationNetworks.cidr),
  );
}

/** Adds the network; false when the organization already has it. */
export async function insertNetwork(
  tx: DbExecutor,
  values: typeof organizationNetworks.$inferInsert,
): Promise<NetworkRow | undefined> {
  const [row] = await tx.insert(organizationNetworks).values(values).onConflictDoNothing().returning();
  return row;
}

export async function deleteNetwork(
  tx: DbExecutor,
  organizationId: string,
  id: string,
): Promise<NetworkRow | undefined> {
  const [row] = await tx
    .delete(organizationNetworks)
    .where(and(eq(organizationNetworks.id, id), eq(organizationNetworks.organizationId, organizationId)))
    .returning();
  return row;
}

/**
 * Records the network and the device of an entry; returns which of them were new to this person in
 * this organization, and whether the person had entered before at all.
 */
export async function rememberClient(
  tx: DbExecutor,
  entry: { organizationId: string; userId: string; network: string; device: string; at: Date },
): Promise<{ seenBefore: boolean; newNetwork: boolean; newDevice: boolean }> {
  const known = await tx
    .select({ kind: organizationKnownClients.kind, value: organizationKnownClients.value })
    .from(organizationKnownClients)
    .where(
      and(
        eq(organizationKnownClients.organizationId, entry.organizationId),
        eq(organizationKnownClients.userId, entry.userId),
      ),
    );
  const has = (kind: "network" | "device", value: string) =>
    known.some((row) => row.kind === kind && row.value === value);
  const fresh = [
    ...(has("network", entry.network) ? [] : [{ kind: "network" as const, value: entry.network }]),
    ...(has("device", entry.device) ? [] : [{ kind: "device" as const, value: entry.device }]),
  ];
  if (fresh.length > 0) {
    await tx
      .insert(organizationKnownClients)
      .values(
        fresh.map((row) => ({
          organizationId: entry.organizationId,
          userId: entry.userId,
          kind: row.kind,
          value: row.value,
          firstSeenAt: entry.at,
        })),
      )
      .onConflictDoNothing();
  }
  return {
    seenBefore: known.length > 0,
    newNetwork: !has("network", entry.network),
    newDevice: !has("device", entry.device),
  };
}

export async function insertNotice(
  tx: DbExecutor,
  values: typeof organizationNotices.$inferInsert,
): Promise<void> {
  await tx.insert(organizationNotices).values(values);
}

export async function listNotices(
  db: DbExecutor,
  organizationId: string,
  audiences: ("managers" | "all")[],
  limit: number,
): Promise<NoticeRow[]> {
  return db
    .select()
    .from(organizationNotices)
    .where(
      and(
        eq(organizationNotices.organizationId, organizationId),
        inArray(organizationNotices.audience, audiences),
      ),
    )
    .orderBy(desc(organizationNotices.createdAt), desc(organizationNotices.id))
    .limit(limit);
}
