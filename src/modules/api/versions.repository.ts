// SQL of resource versions: one resource's history, one version, and the change feed.
import { and, asc, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { findRow } from "../../db/rows.ts";
import { resourceVersions, type VersionedResource } from "./api.schema.ts";

const versions = resourceVersions;
export type VersionRow = typeof versions.$inferSelect;

export async function historyOf(
  db: DbExecutor,
  type: VersionedResource,
  id: string,
  limit: number,
): Promise<VersionRow[]> {
  return db
    .select()
    .from(versions)
    .where(and(eq(versions.resourceType, type), eq(versions.resourceId, id)))
    .orderBy(desc(versions.version))
    .limit(limit);
}

export async function versionOf(db: DbExecutor, type: VersionedResource, id: string, version: number) {
  return findRow(
    db,
    versions,
    and(eq(versions.resourceType, type), eq(versions.resourceId, id), eq(versions.version, version)),
  );
}

/** The latest version number and time of each resource. */
export async function latestVersions(
  db: DbExecutor,
  type: VersionedResource,
  ids: readonly string[],
): Promise<Map<string, { version: number; changedAt: Date }>> {
  if (ids.length === 0) return new Map();
  // The newest version of each resource, from the (type, id, version) index.
  const rows = await db
    .select({
      id: versions.resourceId,
      version: sql<number>`max(${versions.version})::int`,
      changedAt: sql<string>`max(${versions.changedAt})`,
    })
    .from(versions)
    .where(and(eq(versions.resourceType, type), inArray(versions.resourceId, [...ids])))
    .groupBy(versions.resourceId);
  return new Map(rows.map((row) => [row.id, { version: row.version, changedAt: new Date(row.changedAt) }]));
}

export interface FeedScope {
  /** Only this organization's cards and organization record, and its staff's persons and accreditations. */
  organizationOid?: string | undefined;
  types?: readonly VersionedResource[] | undefined;
}

/** A place in the change feed: the writing transaction and the row within it. */
export interface FeedPosition {
  txid: string;
  seq: number;
}

/** The cursor of a feed row as the API gives it: `<txid>.<seq>`. */
export const feedCursor = (row: Pick<VersionRow, "txid" | "seq">): string => `${row.txid}.${row.seq}`;

export function parseFeedCursor(text: string): FeedPosition | undefined {
  const match = /^(\d{1,19})\.(\d{1,18})$/.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  const seq = Number(match[2]);
  // xid8 is unsigned 64-bit; a larger number would be an SQL error, not a cursor.
  if (!Number.isSafeInteger(seq) || BigInt(match[1]) > 18446744073709551615n) return undefined;
  return { txid: match[1], seq };
}

/**
 * Changes after `after` in (transaction, seq) order, from transactions older than the oldest one
 * still running only. A transaction that commits later has a transaction id at or above that
 * horizon, so it sorts after everything returned now and a reader that follows `next` never skips it.
 */
export async function feed(
  db: DbExecutor,
  after: FeedPosition | undefined,
  limit: number,
  scope: FeedScope,
): Promise<VersionRow[]> {
  const org = scope.organizationOid;
  const ownStaff: SQL | undefined = org
    ? (or(
        eq(versions.organizationOid, org),
        sql`(${versions.resourceType} in ('person', 'accreditation') and exists (select 1 from register_employment_cards c where c.person_id = ${versions.personId} and c.organization_oid = ${org}))`,
      ) as SQL)
    : undefined;
  return db
    .select()
    .from(versions)
    .where(
      and(
        sql`${versions.txid} < pg_snapshot_xmin(pg_current_snapshot())`,
        after ? sql`(${versions.txid}, ${versions.seq}) > (${after.txid}::xid8, ${after.seq})` : undefined,
        scope.types ? inArray(versions.resourceType, [...scope.types]) : undefined,
        ownStaff,
      ),
    )
    .orderBy(asc(versions.txid), asc(versions.seq))
    .limit(limit);
}

/** The card the last insert made for this person in this organization (the API answers with it). */
export async function lastCreatedCard(db: DbExecutor, personId: string, organizationOid: string) {
  const [row] = await db
    .select({ id: versions.resourceId })
    .from(versions)
    .where(
      and(
        eq(versions.resourceType, "card"),
        eq(versions.personId, personId),
        eq(versions.organizationOid, organizationOid),
        eq(versions.operation, "create"),
      ),
    )
    .orderBy(desc(versions.seq))
    .limit(1);
  return row?.id;
}
