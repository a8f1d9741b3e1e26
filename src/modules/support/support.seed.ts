// Demo content of the support desk: Орлов of the ESIA stand-in also works as a support operator,
// so that one account shows both back offices (he chooses one after login).
import type { Database } from "../../db/client.ts";
import { standinAccounts } from "../../esia-standin/seed.ts";
import { addSupportOperator } from "./support.operators.ts";

export async function seedDemoSupportOperators(db: Database, now: Date): Promise<void> {
  const snils = standinAccounts.orlov.snils;
  if (snils) await addSupportOperator(db, snils, now);
}
