import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { organizations } from "./organizations.schema.ts";

export type OrganizationRow = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;

export async function findOrganizationByOgrn(
  db: Database,
  ogrn: string,
): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.ogrn, ogrn)).limit(1);
  return row;
}

export async function findOrganizationById(db: Database, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id)).limit(1);
  return row;
}

/** Adds the organization unless one with its ОГРН is already registered. */
export async function ensureOrganization(db: Database, organization: NewOrganization): Promise<void> {
  await db.insert(organizations).values(organization).onConflictDoNothing({ target: organizations.ogrn });
}
