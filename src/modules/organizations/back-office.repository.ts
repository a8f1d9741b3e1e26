// SQL of the back office's organization work: what waits for an operator, across organizations.
import { asc, eq, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { DbExecutor } from "../../db/client.ts";
import { organizationRepresentatives } from "../access/access.schema.ts";
import { egrulCorrectionRequests, organizationDataRequests } from "./activation.schema.ts";
import { organizations } from "./organizations.schema.ts";

/** The rows of one kind of request waiting in `status`, oldest first, with their organization. */
function waiting<Id extends PgColumn, At extends PgColumn, Extra extends Record<string, PgColumn>>(
  db: DbExecutor,
  table: PgTable & { id: Id; organizationId: PgColumn },
  at: At,
  status: SQL,
  extra: Extra,
) {
  return db
    .select({ id: table.id, at, ...extra, organizationName: organizations.shortName, inn: organizations.inn })
    .from(table as PgTable)
    .innerJoin(organizations, eq(organizations.id, table.organizationId))
    .where(status)
    .orderBy(asc(at));
}

export async function pendingOrganizationWork(db: DbExecutor) {
  const data = organizationDataRequests;
  const appointments = organizationRepresentatives;
  const egrul = egrulCorrectionRequests;
  const [dataRequests, representatives, corrections] = await Promise.all([
    waiting(db, data, data.submittedAt, eq(data.status, "submitted"), {}),
    waiting(db, appointments, appointments.submittedAt, eq(appointments.status, "pending"), {
      fullName: appointments.fullName,
    }),
    waiting(db, egrul, egrul.createdAt, eq(egrul.status, "new"), { field: egrul.field }),
  ]);
  return { dataRequests, representatives, corrections };
}

export type PendingWork = Awaited<ReturnType<typeof pendingOrganizationWork>>;
