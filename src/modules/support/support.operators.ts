// Support desk operators: the role is given by СНИЛС (`npm run cli -- support add --snils …`), so it
// can be given before the person's first login through ESIA.
import { asc, eq } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { pickColumns } from "../../db/pick-columns.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { users } from "../identity/identity.schema.ts";
import { supportOperators } from "./support.schema.ts";

export async function addSupportOperator(
  db: DbExecutor,
  snils: string,
  now: Date,
  senior = false,
): Promise<boolean> {
  const rows = await db
    .insert(supportOperators)
    .values({ snils, senior, addedAt: now })
    .onConflictDoUpdate({ target: supportOperators.snils, set: { senior } })
    .returning({ snils: supportOperators.snils });
  return rows.length > 0;
}

export async function findSupportOperator(
  db: DbExecutor,
  userId: string,
): Promise<{ senior: boolean } | undefined> {
  const [row] = await db
    .select({ senior: supportOperators.senior })
    .from(supportOperators)
    .innerJoin(users, eq(users.snils, supportOperators.snils))
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

/**
 * The operator who acts, when `actor` acts as «Техническая поддержка» and is in the operators table;
 * otherwise undefined, with the refusal in the audit journal.
 */
export async function authorizeSupportOperator(
  db: DbExecutor,
  actor: { userId: string; ip: string },
  inSupportContext: boolean,
  action: string,
): Promise<{ senior: boolean } | undefined> {
  const operator = inSupportContext ? await findSupportOperator(db, actor.userId) : undefined;
  if (operator) return operator;
  await writeAudit(db, {
    event: "access.denied",
    outcome: "denied",
    userId: actor.userId,
    ip: actor.ip,
    details: { action, reason: "not-support-operator" },
  });
  return undefined;
}

export async function isSupportOperatorUser(db: DbExecutor, userId: string): Promise<boolean> {
  return (await findSupportOperator(db, userId)) !== undefined;
}

export async function listSupportOperatorUsers(db: DbExecutor) {
  return db
    .select({ ...pickColumns(users, "id", "lastName", "firstName"), senior: supportOperators.senior })
    .from(supportOperators)
    .innerJoin(users, eq(users.snils, supportOperators.snils))
    .orderBy(asc(users.lastName), asc(users.firstName));
}
