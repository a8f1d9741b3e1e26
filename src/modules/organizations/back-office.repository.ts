// SQL of the back office's organization work: what waits for an operator, across organizations.
import { asc, eq } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { organizationRepresentatives } from "../access/access.schema.ts";
import { egrulCorrectionRequests, organizationDataRequests } from "./activation.schema.ts";
import { organizations } from "./organizations.schema.ts";

export async function pendingOrganizationWork(db: DbExecutor) {
  const organization = { organizationName: organizations.shortName, inn: organizations.inn };
  const [dataRequests, representatives, corrections] = await Promise.all([
    db
      .select({ id: organizationDataRequests.id, at: organizationDataRequests.submittedAt, ...organization })
      .from(organizationDataRequests)
      .innerJoin(organizations, eq(organizations.id, organizationDataRequests.organizationId))
      .where(eq(organizationDataRequests.status, "submitted"))
      .orderBy(asc(organizationDataRequests.submittedAt)),
    db
      .select({
        id: organizationRepresentatives.id,
        at: organizationRepresentatives.submittedAt,
        fullName: organizationRepresentatives.fullName,
        ...organization,
      })
      .from(organizationRepresentatives)
      .innerJoin(organizations, eq(organizations.id, organizationRepresentatives.organizationId))
      .where(eq(organizationRepresentatives.status, "pending"))
      .orderBy(asc(organizationRepresentatives.submittedAt)),
    db
      .select({
        id: egrulCorrectionRequests.id,
        at: egrulCorrectionRequests.createdAt,
        field: egrulCorrectionRequests.field,
        ...organization,
      })
      .from(egrulCorrectionRequests)
      .innerJoin(organizations, eq(organizations.id, egrulCorrectionRequests.organizationId))
      .where(eq(egrulCorrectionRequests.status, "new"))
      .orderBy(asc(egrulCorrectionRequests.createdAt)),
  ]);
  return { dataRequests, representatives, corrections };
}

export type PendingWork = Awaited<ReturnType<typeof pendingOrganizationWork>>;
