import { asc, eq, inArray } from "drizzle-orm";
import type { Database, DbExecutor } from "../../db/client.ts";
import { listRows } from "../../db/rows.ts";
import { organizations } from "./organizations.schema.ts";

export type OrganizationRow = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;
export type OrganizationChange = Partial<Omit<NewOrganization, "id" | "frmoOid" | "createdAt">>;

export async function findOrganizationByOgrn(
  db: Database,
  ogrn: string,
): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.ogrn, ogrn)).limit(1);
  return row;
}

export async function findOrganizationById(db: DbExecutor, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id)).limit(1);
  return row;
}

/** Adds the organization unless one with its ОГРН is already registered. */
export async function ensureOrganization(db: DbExecutor, organization: NewOrganization): Promise<void> {
  await db.insert(organizations).values(organization).onConflictDoNothing({ target: organizations.ogrn });
}

export async function updateOrganization(
  db: DbExecutor,
  id: string,
  change: OrganizationChange,
): Promise<void> {
  await db.update(organizations).set(change).where(eq(organizations.id, id));
}

/** Every registered organization, in a stable order, for the daily ЕГРЮЛ synchronisation. */
export async function listOrganizationsForSync(db: DbExecutor): Promise<OrganizationRow[]> {
  return db.select().from(organizations).orderBy(asc(organizations.createdAt), asc(organizations.id));
}

/** The registered organizations among the given ФРМО OIDs (e.g. of a worker's employment cards). */
export async function findOrganizationsByFrmoOids(
  db: DbExecutor,
  frmoOids: string[],
): Promise<OrganizationRow[]> {
  if (frmoOids.length === 0) return [];
  return listRows(db, organizations, inArray(organizations.frmoOid, frmoOids), asc(organizations.shortName));
}
