// Who in the back office may register, suspend and re-key API clients: a support desk operator whose
// СНИЛС is in `api_client_operators` (`npm run cli -- api-client operator --snils …`). The right is
// apart from the support role because a client of a health authority reads every person's record.
import { eq } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { users } from "../identity/identity.schema.ts";
import { apiClientOperators } from "./api.schema.ts";

/** Adds the right; false when the person had it already. */
export async function addApiClientOperator(db: DbExecutor, snils: string, now: Date): Promise<boolean> {
  const rows = await db
    .insert(apiClientOperators)
    .values({ snils, addedAt: now })
    .onConflictDoNothing()
    .returning({ snils: apiClientOperators.snils });
  return rows.length > 0;
}

export async function isApiClientOperatorUser(db: DbExecutor, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ snils: apiClientOperators.snils })
    .from(apiClientOperators)
    .innerJoin(users, eq(users.snils, apiClientOperators.snils))
    .where(eq(users.id, userId))
    .limit(1);
  return row !== undefined;
}
