// SQL of the allow-list, the known networks and devices, and the cabinet notices.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { deleteRow } from "../../db/changed-row.ts";
import type { DbExecutor } from "../../db/client.ts";
import { listOwnRows, ofOrganization, ownRow } from "./organization-rows.ts";
import { organizationKnownClients, organizationNetworks, organizationNotices } from "./security.schema.ts";

export type NetworkRow = typeof organizationNetworks.$inferSelect;
export type NoticeRow = typeof organizationNotices.$inferSelect;

export const listNetworks = (db: DbExecutor, organizationId: string): Promise<NetworkRow[]> =>
  listOwnRows(
    db,
    organizationNetworks,
    organizationId,
    asc(organizationNetworks.createdAt),
    asc(organizationNetworks.cidr),
  );

/** Adds the network; false when the organization already has it. */
export async function insertNetwork(
  tx: DbExecutor,
  values: typeof organizationNetworks.$inferInsert,
): Promise<NetworkRow | undefined> {
  const [row] = await tx.insert(organizationNetworks).values(values).onConflictDoNothing().returning();
  return row;
}

export const deleteNetwork = (
  tx: DbExecutor,
  organizationId: string,
  id: string,
): Promise<NetworkRow | undefined> =>
  deleteRow(tx, organizationNetworks, ownRow(organizationNetworks, organizationId, id));

/** An entry's person, organization, network and device: what «known» is judged by. */
export interface ClientEntry {
  organizationId: string;
  userId: string;
  network: string;
  device: string;
}

export interface ClientFacts {
  seenBefore: boolean;
  newNetwork: boolean;
  newDevice: boolean;
}

/** What the organization already knows of this person's networks and devices; nothing is written. */
export async function knownClientFacts(db: DbExecutor, entry: ClientEntry): Promise<ClientFacts> {
  const known = await db
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
  return {
    seenBefore: known.length > 0,
    newNetwork: !has("network", entry.network),
    newDevice: !has("device", entry.device),
  };
}

/** Remembers the entry's network and device (those not known yet) as known to the organization. */
export async function addKnownClients(
  tx: DbExecutor,
  entry: ClientEntry,
  at: Date,
  which: { network: boolean; device: boolean } = { network: true, device: true },
): Promise<void> {
  const fresh = [
    ...(which.network ? [{ kind: "network" as const, value: entry.network }] : []),
    ...(which.device ? [{ kind: "device" as const, value: entry.device }] : []),
  ];
  if (fresh.length === 0) return;
  const { organizationId, userId } = entry;
  await tx
    .insert(organizationKnownClients)
    .values(fresh.map((row) => ({ organizationId, userId, ...row, firstSeenAt: at })))
    .onConflictDoNothing();
}

/**
 * Records the network and the device of an entry; returns which of them were new to this person in
 * this organization, and whether the person had entered before at all.
 */
export async function rememberClient(
  tx: DbExecutor,
  entry: ClientEntry & { at: Date },
): Promise<ClientFacts> {
  const facts = await knownClientFacts(tx, entry);
  await addKnownClients(tx, entry, entry.at, { network: facts.newNetwork, device: facts.newDevice });
  return facts;
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
      ofOrganization(organizationNotices, organizationId, inArray(organizationNotices.audience, audiences)),
    )
    .orderBy(desc(organizationNotices.createdAt), desc(organizationNotices.id))
    .limit(limit);
}
