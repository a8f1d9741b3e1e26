// Choosing «Техническая поддержка» after login: the operators table is checked again, since the
// role may have been withdrawn between the login and the choice.
import type { FastifyRequest } from "fastify";
import type { Database } from "../../db/client.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { isSupportOperatorUser } from "./support.operators.ts";

export async function chooseSupportContext(
  db: Database,
  request: FastifyRequest,
  userId: string,
  now: Date,
): Promise<boolean> {
  if (!(await isSupportOperatorUser(db, userId))) return false;
  request.session.regenerate({ userId, context: { kind: "support" } }, now);
  await writeAudit(db, {
    event: "auth.context_chosen",
    outcome: "success",
    userId,
    ip: request.ip,
    details: { role: "support" },
  });
  return true;
}
