// A person the back-office commands name by СНИЛС, already known to the cabinet (after a first login).
import type { DbExecutor } from "../db/client.ts";
import { snilsFrom } from "../esia-standin/seed-ids.ts";
import { users } from "../modules/identity/identity.schema.ts";

/** Орлов, the stand-in's commission operator, as a cabinet user. */
export async function insertOrlovUser(db: DbExecutor): Promise<{ userId: string; snils: string }> {
  const snils = snilsFrom("197706052");
  const [user] = await db
    .insert(users)
    .values({ esiaOid: "1000000006", lastName: "Орлов", firstName: "Дмитрий", snils, trusted: true })
    .returning({ id: users.id });
  if (!user) throw new Error("user insert returned no row");
  return { userId: user.id, snils };
}
