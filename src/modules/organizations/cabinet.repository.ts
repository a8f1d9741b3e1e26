// The one query behind every cabinet request: the organization, the person's СНИЛС, the allow-list,
// and the person's standing on `today` (a representative's power of attorney, granted rights).
// One round trip instead of five, because it runs on every page of the cabinet.
import { eq, sql } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import type { Right } from "../access/access.rights.ts";
import {
  organizationAccessGrants as grants,
  organizationRepresentatives as representatives,
} from "../access/access.schema.ts";
import { users } from "../identity/identity.schema.ts";
import { organizations } from "./organizations.schema.ts";
import { organizationNetworks as networks } from "./security.schema.ts";

export async function loadStanding(db: DbExecutor, organizationId: string, userId: string, today: string) {
  const [row] = await db
    .select({
      organization: organizations,
      snils: users.snils,
      networks: sql<
        string[]
      >`coalesce((select json_agg(${networks.cidr}) from ${networks} where ${networks.organizationId} = ${organizations.id}), '[]'::json)`,
      representative: sql<{ id: string; validUntil: string } | null>`(
        select json_build_object('id', ${representatives.id}, 'validUntil', ${representatives.validUntil})
        from ${representatives}
        where ${representatives.organizationId} = ${organizations.id} and ${representatives.snils} = ${users.snils}
          and ${representatives.status} = 'active' and ${representatives.issuedOn} <= ${today} and ${representatives.validUntil} >= ${today}
        order by ${representatives.validUntil} desc limit 1)`,
      rights: sql<Right[]>`coalesce((
        select json_agg(distinct rights.value) from ${grants}, json_array_elements_text(${grants.rights}::json) as rights(value)
        where ${grants.organizationId} = ${organizations.id} and ${grants.snils} = ${users.snils}
          and ${grants.revokedAt} is null and ${grants.startsOn} <= ${today} and ${grants.endsOn} >= ${today}), '[]'::json)`,
    })
    .from(organizations)
    .innerJoin(users, eq(users.id, userId))
    .where(eq(organizations.id, organizationId))
    .limit(1);
  return row;
}
