// SQL of licences and their history; every read of an organization's licence is scoped by it.
import { and, desc, eq } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { submissionRepository } from "../org-submissions/submission.repository.ts";
import { organizationLicenceEvents, organizationLicences } from "./licences.schema.ts";

export type LicenceRow = typeof organizationLicences.$inferSelect;
export type LicenceEventRow = typeof organizationLicenceEvents.$inferSelect;

/** Writing a licence and the steps of its history, the history, and the back office's reads. */
export const licenceRows = submissionRepository({
  table: organizationLicences,
  events: organizationLicenceEvents,
  key: "licence",
});

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

/** Licences waiting for an operator's check against the scan, the oldest first. */
export const listLicencesToVerify = (db: DbExecutor, limit = 100) =>
  licenceRows.queue(db, eq(organizationLicences.verification, "pending"), limit);
