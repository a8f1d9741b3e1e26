// SQL of «Одобрение заявок»: the applications whose report was sent to one organization's head.
import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { pickColumns } from "../../db/pick-columns.ts";
import { users } from "../identity/identity.schema.ts";
import { applications } from "./applications.schema.ts";

/** Waiting ones first, then the rest of the organization's history, newest first. */
export async function listForOrganization(db: DbExecutor, organizationId: string, limit = 200) {
  return db
    .select({
      ...pickColumns(applications, "id", "number", "status", "specialtyName", "updatedAt"),
      applicant: pickColumns(users, "lastName", "firstName", "middleName"),
    })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.userId))
    .where(and(eq(applications.organizationId, organizationId), ne(applications.status, "draft")))
    .orderBy(sql`${applications.status} = 'awaiting_head' desc`, desc(applications.updatedAt))
    .limit(limit);
}

/** One line of «Одобрение заявок»: the application and who filed it. */
export type ApprovalItem = Awaited<ReturnType<typeof listForOrganization>>[number];
