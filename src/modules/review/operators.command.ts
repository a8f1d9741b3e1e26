// `npm run cli -- operator add --snils <СНИЛС>`: gives a person the role of the accreditation
// commission's operator. The person logs in through ESIA as usual and then chooses
// «Аккредитационная комиссия»; the role can be given before their first login.
import type { Database } from "../../db/client.ts";
import { formatSnils, isValidSnils, normalizeSnils } from "../../shared/identifiers.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { addOperator } from "./review.repository.ts";

export const operatorUsage = "operator add --snils <СНИЛС, 11 цифр>";

export type OperatorCommandResult = { ok: true; message: string } | { ok: false; message: string };

export async function runOperatorCommand(
  db: Database,
  args: string[],
  now: Date,
): Promise<OperatorCommandResult> {
  const [action, flag, value] = args;
  if (action !== "add" || flag !== "--snils" || !value)
    return { ok: false, message: `Usage: ${operatorUsage}` };
  const snils = normalizeSnils(value);
  if (!snils || !isValidSnils(snils))
    return { ok: false, message: "Invalid СНИЛС: 11 digits with a correct check number" };
  const added = await db.transaction(async (tx) => {
    const inserted = await addOperator(tx, snils, now);
    if (inserted)
      await writeAudit(tx, { event: "operator.added", outcome: "success", details: { via: "cli" } });
    return inserted;
  });
  const shown = formatSnils(snils);
  return { ok: true, message: added ? `operator ${shown} added` : `operator ${shown} was already there` };
}
