// SQL of the organization's requests and their history; every read for the cabinet is scoped by the
// organization, the back office's reads are across organizations.
import { desc, eq } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
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
export const listRequests = (db: DbExecutor, organizationId: string, limit?: number) =>
  requestRows.listOwn(db, organizationId, [desc(organizationRequests.createdAt)], limit);

export const findRequest = requestRows.findOwn;

/** Requests waiting for an operator's decision, the oldest first. */
export const listRequestsToDecide = (db: DbExecutor, limit = 100) =>
  requestRows.queue(db, eq(organizationRequests.status, "submitted"), limit);
