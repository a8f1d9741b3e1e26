// Demo content of the back office: Орлов of the ESIA stand-in is an operator of the commission.
import type { Database } from "../../db/client.ts";
import { standinAccounts } from "../../esia-standin/seed.ts";
import { addOperator } from "./review.repository.ts";

export async function seedDemoOperators(db: Database, now: Date): Promise<void> {
  const snils = standinAccounts.orlov.snils;
  if (snils) await addOperator(db, snils, now);
}
