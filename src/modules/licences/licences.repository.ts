// SQL of licences and their history; every read of an organization's licence is scoped by it.
import { and, asc, desc, eq } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { users } from "../identity/identity.schema.ts";
import { organizations } from "../organizations/organizations.schema.ts";
import { organizationLicenceEvents, organizationLicences } from "./licences.schema.ts";

export type LicenceRow = typeof organizationLicences.$inferSelect;
export type LicenceEventRow = typeof organizationLicenceEvents.$inferSelect;

export async function insertLicence(
  db: DbExecutor,
  values: typeof organizationLicences.$inferInsert,
): Promise<LicenceRow> {
  const [row] = await db.insert(organizationLicences).values(values).returning();
  if (!row) throw new Error("licence not inserted");
  return row;
}

export async function updateLicence(
  db: DbExecutor,
  id: string,
  values: Partial<typeof organizationLicences.$inferInsert>,
): Promise<void> {
  await db.update(organizationLicences).set(values).where(eq(organizationLicences.id, id));
}

export async function insertLicenceEvent(
  db: DbExecutor,
  values: typeof organizationLicenceEvents.$inferInsert,
): Promise<void> {
  await db.insert(organizationLicenceEvents).values(values);
}

/** The organization's licences, the newest first. */
export function listLicences(db: DbExecutor, organizationId: string): Promise<LicenceRow[]> {
  return db
    .select()
    .from(organizationLicences)
    .where(eq(organizationLicences.organizationId, organizationId))
    .orderBy(desc(organizationLicences.issuedOn), desc(organizationLicences.createdAt))
    .limit(200);
}

/** A licence of this organization, locked for a change when `lock`. */
export async function findLicence(
  db: DbExecutor,
  organizationId: string,
  id: string,
  lock = false,
): Promise<LicenceRow | undefined> {
  const query = db
    .select()
    .from(organizationLicences)
    .where(and(eq(organizationLicences.id, id), eq(organizationLicences.organizationId, organizationId)))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

/** For the back office, which works across organizations. */
export async function findLicenceForOperator(db: DbExecutor, id: string, lock = false) {
  const query = db
    .select({
      licence: organizationLicences,
      organizationName: organizations.shortName,
      contactEmail: organizations.contactEmail,
    })
    .from(organizationLicences)
    .innerJoin(organizations, eq(organizations.id, organizationLicences.organizationId))
    .where(eq(organizationLicences.id, id))
    .limit(1);
  const [row] = lock ? await query.for("update", { of: organizationLicences }) : await query;
  return row;
}

export function listLicenceEvents(db: DbExecutor, licenceId: string) {
  return db
    .select({
      event: organizationLicenceEvents,
      actorLastName: users.lastName,
      actorFirstName: users.firstName,
      actorMiddleName: users.middleName,
    })
    .from(organizationLicenceEvents)
    .innerJoin(users, eq(users.id, organizationLicenceEvents.actorId))
    .where(eq(organizationLicenceEvents.licenceId, licenceId))
    .orderBy(asc(organizationLicenceEvents.occurredAt));
}

/** Licences waiting for an operator's check against the scan, the oldest first. */
export function listLicencesToVerify(db: DbExecutor, limit = 100) {
  return db
    .select({ licence: organizationLicences, organizationName: organizations.shortName })
    .from(organizationLicences)
    .innerJoin(organizations, eq(organizations.id, organizationLicences.organizationId))
    .where(eq(organizationLicences.verification, "pending"))
    .orderBy(asc(organizationLicences.createdAt))
    .limit(limit);
}
