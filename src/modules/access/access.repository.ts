// SQL of delegated access: representatives' appointments and employees' grants.
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { updateRow } from "../../db/changed-row.ts";
import type { DbExecutor } from "../../db/client.ts";
import { findRow, insertRow, listRows } from "../../db/rows.ts";
import { organizationFiles } from "../organizations/activation.schema.ts";
import { listOwnRows, ofOrganization, ownRow } from "../organizations/organization-rows.ts";
import { organizationAccessGrants, organizationRepresentatives } from "./access.schema.ts";

export type RepresentativeRow = typeof organizationRepresentatives.$inferSelect;
export type NewRepresentative = typeof organizationRepresentatives.$inferInsert;
export type GrantRow = typeof organizationAccessGrants.$inferSelect;
export type NewGrant = typeof organizationAccessGrants.$inferInsert;

export const listGrants = (db: DbExecutor, organizationId: string): Promise<GrantRow[]> =>
  listOwnRows(
    db,
    organizationAccessGrants,
    organizationId,
    desc(organizationAccessGrants.grantedAt),
    desc(organizationAccessGrants.id),
  );

export const insertGrant = (tx: DbExecutor, grant: NewGrant): Promise<GrantRow> =>
  insertRow(tx, organizationAccessGrants, grant);

/** Revokes the organization's grant unless it is already revoked; undefined when nothing changed. */
export const revokeGrant = (tx: DbExecutor, organizationId: string, id: string, by: string, at: Date) =>
  updateRow(
    tx,
    organizationAccessGrants,
    { revokedBy: by, revokedAt: at },
    ownRow(organizationAccessGrants, organizationId, id, isNull(organizationAccessGrants.revokedAt)),
  );

export const insertRepresentative = (tx: DbExecutor, values: NewRepresentative): Promise<RepresentativeRow> =>
  insertRow(tx, organizationRepresentatives, values);

export const listRepresentatives = (db: DbExecutor, organizationId: string): Promise<RepresentativeRow[]> =>
  listOwnRows(db, organizationRepresentatives, organizationId, desc(organizationRepresentatives.submittedAt));

/** By id within the organization; another organization's id finds nothing. */
export const findRepresentative = (db: DbExecutor, organizationId: string, id: string) =>
  findRow(db, organizationRepresentatives, ownRow(organizationRepresentatives, organizationId, id));

/** The appointment with its power of attorney's file, within the organization. */
export async function findAttorney(
  db: DbExecutor,
  organizationId: string,
  id: string,
): Promise<{ representative: RepresentativeRow; file: typeof organizationFiles.$inferSelect } | undefined> {
  const [row] = await db
    .select({ representative: organizationRepresentatives, file: organizationFiles })
    .from(organizationRepresentatives)
    .innerJoin(
      organizationFiles,
      and(
        eq(organizationFiles.subjectId, organizationRepresentatives.id),
        eq(organizationFiles.organizationId, organizationRepresentatives.organizationId),
        eq(organizationFiles.purpose, "power_of_attorney"),
      ),
    )
    .where(ownRow(organizationRepresentatives, organizationId, id))
    .limit(1);
  return row;
}

/** For the back office, which works across organizations. */
export const findRepresentativeById = (db: DbExecutor, id: string): Promise<RepresentativeRow | undefined> =>
  findRow(db, organizationRepresentatives, eq(organizationRepresentatives.id, id));

export const listPendingRepresentatives = (db: DbExecutor): Promise<RepresentativeRow[]> =>
  listRows(
    db,
    organizationRepresentatives,
    eq(organizationRepresentatives.status, "pending"),
    organizationRepresentatives.submittedAt,
  );

/** Moves a pending appointment to its decision; undefined when it was decided meanwhile. */
export const decideRepresentative = (
  tx: DbExecutor,
  id: string,
  decision: { status: "active" | "refused"; decidedBy: string; decidedAt: Date; refusalReasons: string[] },
) =>
  updateRow(
    tx,
    organizationRepresentatives,
    decision,
    and(eq(organizationRepresentatives.id, id), eq(organizationRepresentatives.status, "pending")),
  );

export const revokeRepresentative = (
  tx: DbExecutor,
  organizationId: string,
  id: string,
  by: string,
  at: Date,
) =>
  updateRow(
    tx,
    organizationRepresentatives,
    { status: "revoked", revokedBy: by, revokedAt: at },
    // A pending appointment can be withdrawn as well.
    ownRow(
      organizationRepresentatives,
      organizationId,
      id,
      inArray(organizationRepresentatives.status, ["active", "pending"]),
    ),
  );

/** One person's grants in the organization, newest first, for «Просмотр статуса». */
export const listGrantsOf = (db: DbExecutor, organizationId: string, snils: string): Promise<GrantRow[]> =>
  listRows(
    db,
    organizationAccessGrants,
    ofOrganization(organizationAccessGrants, organizationId, eq(organizationAccessGrants.snils, snils)),
    desc(organizationAccessGrants.grantedAt),
  );
