// Who in the back office may register, suspend and re-key API clients: a support desk operator whose
// СНИЛС is in `api_client_operators` (`npm run cli -- api-client operator --snils …`). The right is
// apart from the support role because a client of a health authority reads every person's record.
import type { DbExecutor } from "../../db/client.ts";
import { addToRoster, rosterHasUser } from "../identity/snils-roster.ts";
import { apiClientOperators } from "./api.schema.ts";

/** Adds the right; false when the person had it already. */
export const addApiClientOperator = (db: DbExecutor, snils: string, now: Date) =>
  addToRoster(db, apiClientOperators, snils, now);

export const isApiClientOperatorUser = (db: DbExecutor, userId: string) =>
  rosterHasUser(db, apiClientOperators, userId);
