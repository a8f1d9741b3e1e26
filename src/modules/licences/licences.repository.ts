// SQL of licences and their history; every read of an organization's licence is scoped by it.
import { desc, eq } from "drizzle-orm";
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
export const listLicences = (db: DbExecutor, organizationId: string) =>
  licenceRows.listOwn(db, organizationId, [
    desc(organizationLicences.issuedOn),
    desc(organizationLicences.createdAt),
  ]);

/** A licence of this organization, locked for a change when `lock`. */
export const findLicence = licenceRows.findOwn;

/** Licences waiting for an operator's check against the scan, the oldest first. */
export const listLicencesToVerify = (db: DbExecutor, limit = 100) =>
  licenceRows.queue(db, eq(organizationLicences.verification, "pending"), limit);
