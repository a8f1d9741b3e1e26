// The signed-in person for every request in one statement: the user, their active consent (W2) and,
// when acting for an organization, its name. The consent gate and the pages reuse this row instead
// of reading the user and the consent again (the budget of DESIGN.md: ≤ 3 statements before a handler).
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import type { ConsentRow } from "../consent/consent.repository.ts";
import { consents } from "../consent/consent.schema.ts";
import { organizations } from "../organizations/organizations.schema.ts";
import type { UserRow } from "./identity.repository.ts";
import { users } from "./identity.schema.ts";

export interface ViewerRow {
  user: UserRow;
  /** The active consent to the ФРМР service, if given and not revoked. */
  consent: ConsentRow | undefined;
  organizationName: string | undefined;
}

export async function findViewerRow(
  db: DbExecutor,
  userId: string,
  organizationId: string | undefined,
): Promise<ViewerRow | undefined> {
  const [row] = await db
    .select({ user: users, consent: consents, organizationName: organizations.shortName })
    .from(users)
    // At most one active consent per person (consents_one_active_idx), so the join adds no rows.
    .leftJoin(consents, and(eq(consents.userId, users.id), isNull(consents.revokedAt)))
    .leftJoin(organizations, organizationId ? eq(organizations.id, organizationId) : sql`false`)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return undefined;
  return {
    user: row.user,
    consent: row.consent ?? undefined,
    organizationName: row.organizationName ?? undefined,
  };
}
