// A roster of people given a role by СНИЛС (commission operators, API client operators): the role can
// be given before the person's first login through ESIA, so the roster is matched to users by СНИЛС.
import { eq } from "drizzle-orm";
import type { PgColumn, PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import type { DbExecutor } from "../../db/client.ts";
import { users } from "./identity.schema.ts";

type Roster = PgTable & { snils: PgColumn; addedAt: PgColumn };

/** Adds the person; false when the roster had them already. */
export async function addToRoster(
  db: DbExecutor,
  roster: Roster,
  snils: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .insert(roster)
    .values({ snils, addedAt: now } as PgInsertValue<Roster>)
    .onConflictDoNothing()
    .returning({ snils: roster.snils });
  return rows.length > 0;
}

/** True when the user's СНИЛС is in the roster. */
export async function rosterHasUser(db: DbExecutor, roster: Roster, userId: string): Promise<boolean> {
  const rows = await db
    .select({ snils: roster.snils })
    .from(roster)
    .innerJoin(users, eq(users.snils, roster.snils))
    .where(eq(users.id, userId))
    .limit(1);
  return rows.length > 0;
}
