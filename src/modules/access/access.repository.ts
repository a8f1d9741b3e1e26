// SQL of delegated access: representatives' appointments and employees' grants.
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { findRow, insertRow, listRows } from "../../db/rows.ts";
import { organizationFiles } from "../organizations/activation.schema.ts";
import { organizationAccessGrants, organizationRepresentatives } from "./access.schema.ts";

export type RepresentativeRow = typeof organizationRepresentatives.$inferSelect;
export type NewRepresentative = typeof organizationRepresentatives.$inferInsert;
export type GrantRow = typeof organizationAccessGrants.$inferSelect;
export type NewGrant = typeof organizationAccessGrants.$inferInsert;

export async function listGrants(db: DbExecutor, organizationId: string): Promise<GrantRow[]> {
  return listRows(
    db,
    organizationAccessGrants,
    eq(organizationAccessGrants.organizationId, organizationId),
    desc(organizationAccessGrants.grantedAt),
    desc(organizationAccessGrants.id),
  );
}

export const insertGrant = (tx: DbExecutor, grant: NewGrant): Promise<GrantRow> =>
  insertRow(tx, organizationAccessGrants, grant);

/** Revokes the organization's grant unless it is already revoked; undefined when nothing changed. */
export async function revokeGrant(
  tx: DbExecutor,
  organizationId: string,
  id: string,
  by: string,
  at: Date,
): Promise<GrantRow | undefined> {
  const [row] = await tx
    .update(organizationAccessGrants)
    .set({ revokedBy: by, revokedAt: at })
    .where(
      and(
        eq(organizationAccessGrants.id, id),
        eq(organizationAccessGrants.organizationId, organizationId),
        isNull(organizationAccessGrants.revokedAt),
      ),
    )
    .returning();
  return row;
}

export const insertRepresentative = (tx: DbExecutor, values: NewRepresentative): Promise<RepresentativeRow> =>
  insertRow(tx, organizationRepresentatives, values);

export async function listRepresentatives(
  db: DbExecutor,
  organizationId: string,
): Promise<RepresentativeRow[]> {
  return listRows(
    db,
    organizationRepresentatives,
    eq(organizationRepresentatives.organizationId, organizationId),
    desc(organizationRepresentatives.submittedAt),
  );
}

/** By id within the organization; another organization's id finds nothing. */
export const findRepresentative = (
  db: DbExecutor,
  organizationId: string,
  id: string,
): Promise<RepresentativeRow | undefined> =>
  findRow(
    db,
    organizationRepresentatives,
    and(
      eq(organizationRepresentatives.id, id),
      eq(organizationRepresentatives.organizationId, organizationId),
    ),
  );

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
    .where(
      and(
        eq(organizationRepresentatives.id, id),
        eq(organizationRepresentatives.organizationId, organizationId),
      ),
    )
    .limit(1);
  return row;
}

/** For the back office, which works across organizations. */
export const findRepresentativeById = (db: DbExecutor, id: string): Promise<RepresentativeRow | undefined> =>
  findRow(db, organizationRepresentatives, eq(organizationRepresentatives.id, id));

export async function listPendingRepresentatives(db: DbExecutor): Promise<RepresentativeRow[]> {
  return listRows(
    db,
    organizationRepresentatives,
    eq(organizationRepresentatives.status, "pending"),
    organizationRepresentatives.submittedAt,
  );
}

/** Moves a pending appointment to its decision; undefined when it was decided meanwhile. */
export async function decideRepresentative(
  tx: DbExecutor,
  id: string,
  decision: { status: "active" | "refused"; decidedBy: string; decidedAt: Date; refusalReasons: string[] },
): Promise<RepresentativeRow | undefined> {
  const [row] = await tx
    .update(organizationRepresentatives)
    .set(decision)
    .where(and(eq(organizationRepresentatives.id, id), eq(organizationRepresentatives.status, "pending")))
    .returning();
  return row;
}

export async function revokeRepresentative(
  tx: DbExecutor,
  organizationId: string,
  id: string,
  by: string,
  at: Date,
): Promise<RepresentativeRow | undefined> {
  const [row] = await tx
    .update(organizationRepresentatives)
    .set({ status: "revoked", revokedBy: by, revokedAt: at })
    .where(
      and(
        eq(organizationRepresentatives.id, id),
        eq(organizationRepresentatives.organizationId, organizationId),
        // A pending appointment can be withdrawn as well.
        inArray(organizationRepresentatives.status, ["active", "pending"]),
      ),
    )
    .returning();
  return row;
}

/** One person's grants in the organization, newest first, for «Просмотр статуса». */
export async function listGrantsOf(
  db: DbExecutor,
  organizationId: string,
  snils: string,
): Promise<GrantRow[]> {
  return listRows(
    db,
    organizationAccessGrants,
    and(
      eq(organizationAccessGrants.organizationId, organizationId),
      eq(organizationAccessGrants.snils, snils),
    ),
    desc(organizationAccessGrants.grantedAt),
  );
}
