// SQL of the organization's requests and their history; every read for the cabinet is scoped by the
// organization, the back office's reads are across organizations.
import { and, asc, desc, eq } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { users } from "../identity/identity.schema.ts";
import { organizations } from "../organizations/organizations.schema.ts";
import { organizationRequestEvents, organizationRequests } from "./org-requests.schema.ts";

export type OrgRequestRow = typeof organizationRequests.$inferSelect;
export type OrgRequestEventRow = typeof organizationRequestEvents.$inferSelect;

export async function insertRequest(
  db: DbExecutor,
  values: typeof organizationRequests.$inferInsert,
): Promise<OrgRequestRow> {
  const [row] = await db.insert(organizationRequests).values(values).returning();
  if (!row) throw new Error("request not inserted");
  return row;
}

export async function updateRequest(
  db: DbExecutor,
  id: string,
  values: Partial<typeof organizationRequests.$inferInsert>,
): Promise<void> {
  await db.update(organizationRequests).set(values).where(eq(organizationRequests.id, id));
}

export async function insertRequestEvent(
  db: DbExecutor,
  values: typeof organizationRequestEvents.$inferInsert,
): Promise<void> {
  await db.insert(organizationRequestEvents).values(values);
}

/** The organization's requests, the newest first. */
export function listRequests(db: DbExecutor, organizationId: string, limit = 200): Promise<OrgRequestRow[]> {
  return db
    .select()
    .from(organizationRequests)
    .where(eq(organizationRequests.organizationId, organizationId))
    .orderBy(desc(organizationRequests.createdAt))
    .limit(limit);
}

export async function findRequest(
  db: DbExecutor,
  organizationId: string,
  id: string,
): Promise<OrgRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(organizationRequests)
    .where(and(eq(organizationRequests.id, id), eq(organizationRequests.organizationId, organizationId)))
    .limit(1);
  return row;
}

/** For the back office; locked for the decision when `lock`. */
export async function findRequestForOperator(db: DbExecutor, id: string, lock = false) {
  const query = db
    .select({
      request: organizationRequests,
      organizationName: organizations.shortName,
      organizationOid: organizations.frmoOid,
      contactEmail: organizations.contactEmail,
    })
    .from(organizationRequests)
    .innerJoin(organizations, eq(organizations.id, organizationRequests.organizationId))
    .where(eq(organizationRequests.id, id))
    .limit(1);
  const [row] = lock ? await query.for("update", { of: organizationRequests }) : await query;
  return row;
}

export function listRequestEvents(db: DbExecutor, requestId: string) {
  return db
    .select({
      event: organizationRequestEvents,
      actorLastName: users.lastName,
      actorFirstName: users.firstName,
      actorMiddleName: users.middleName,
    })
    .from(organizationRequestEvents)
    .innerJoin(users, eq(users.id, organizationRequestEvents.actorId))
    .where(eq(organizationRequestEvents.requestId, requestId))
    .orderBy(asc(organizationRequestEvents.occurredAt));
}

/** Requests waiting for an operator's decision, the oldest first. */
export function listRequestsToDecide(db: DbExecutor, limit = 100) {
  return db
    .select({ request: organizationRequests, organizationName: organizations.shortName })
    .from(organizationRequests)
    .innerJoin(organizations, eq(organizations.id, organizationRequests.organizationId))
    .where(eq(organizationRequests.status, "submitted"))
    .orderBy(asc(organizationRequests.createdAt))
    .limit(limit);
}
