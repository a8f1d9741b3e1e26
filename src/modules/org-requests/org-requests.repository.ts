// SQL of the organization's requests and their history; every read for the cabinet is scoped by the
// organization, the back office's reads are across organizations.
import { and, desc, eq } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { findRow } from "../../db/rows.ts";
import { submissionRepository } from "../org-submissions/submission.repository.ts";
import { organizationRequestEvents, organizationRequests } from "./org-requests.schema.ts";

export type OrgRequestRow = typeof organizationRequests.$inferSelect;
export type OrgRequestEventRow = typeof organizationRequestEvents.$inferSelect;

/** Writing a request and the steps of its history, the history, and the back office's reads. */
export const requestRows = submissionRepository({
  table: organizationRequests,
  events: organizationRequestEvents,
  key: "request",
});

/** The organization's requests, the newest first. */
export function listRequests(db: DbExecutor, organizationId: string, limit = 200): Promise<OrgRequestRow[]> {
  return db
    .select()
    .from(organizationRequests)
    .where(eq(organizationRequests.organizationId, organizationId))
    .orderBy(desc(organizationRequests.createdAt))
    .limit(limit);
}

export const findRequest = (db: DbExecutor, organizationId: string, id: string) =>
  findRow(
    db,
    organizationRequests,
    and(eq(organizationRequests.id, id), eq(organizationRequests.organizationId, organizationId)),
  );

/** Requests waiting for an operator's decision, the oldest first. */
export const listRequestsToDecide = (db: DbExecutor, limit = 100) =>
  requestRows.queue(db, eq(organizationRequests.status, "submitted"), limit);
