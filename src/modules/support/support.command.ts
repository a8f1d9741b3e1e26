// `npm run cli -- support add --snils <СНИЛС> [--senior]`: gives a person the support desk. The
// person logs in through ESIA as usual and chooses «Техническая поддержка».
import type { Database } from "../../db/client.ts";
import { formatSnils, isValidSnils, normalizeSnils } from "../../shared/identifiers.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { addSupportOperator } from "./support.operators.ts";

export const supportUsage = "support add --snils <СНИЛС, 11 цифр> [--senior]";

export async function runSupportCommand(
  db: Database,
  args: string[],
  now: Date,
): Promise<{ ok: boolean; message: string }> {
  const [action, flag, value, ...rest] = args;
  if (action !== "add" || flag !== "--snils" || !value)
    return { ok: false, message: `Usage: ${supportUsage}` };
  const snils = normalizeSnils(value);
  if (!snils || !isValidSnils(snils))
    return { ok: false, message: "Invalid СНИЛС: 11 digits with a correct check number" };
  const senior = rest.includes("--senior");
  await db.transaction(async (tx) => {
    await addSupportOperator(tx, snils, now, senior);
    await writeAudit(tx, {
      event: "support.operator_added",
      outcome: "success",
      details: { via: "cli", senior },
    });
  });
  return {
    ok: true,
    message: `support operator ${formatSnils(snils)} added${senior ? " (senior line)" : ""}`,
  };
}
