// Demo of the back office's API clients: Орлов of the ESIA stand-in, the demo support operator, may
// also register integration systems (/support-desk/api-clients).
import type { Database } from "../../db/client.ts";
import { standinAccounts } from "../../esia-standin/seed.ts";
import { addApiClientOperator } from "./clients.operators.ts";

export async function seedDemoApiClientOperators(db: Database, now: Date): Promise<void> {
  const snils = standinAccounts.orlov.snils;
  if (snils) await addApiClientOperator(db, snils, now);
}
