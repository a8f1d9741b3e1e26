// Who may do what in the medical worker's cabinet: the signed-in person, acting as a worker, with
// their own data only (every query is keyed by the actor's id, so "own" holds by construction).
import type { DbExecutor } from "../../db/client.ts";
import type { SessionContext } from "../../http/session.ts";
import { AppError } from "../../shared/errors.ts";
import { writeAudit } from "../audit/audit.repository.ts";

export interface Actor {
  /** users.id */
  id: string;
  context: SessionContext | undefined;
  ip: string;
}

export type WorkerAction =
  | "register.read"
  | "register.edit"
  | "consent.connect"
  | "consent.revoke"
  | "settings.read"
  | "settings.edit"
  | "history.read"
  | "documents.read"
  | "documents.edit";

export function mayActAsWorker(actor: Pick<Actor, "context">): boolean {
  return actor.context?.kind === "worker";
}

/** The first line of every worker use case; a refusal is audited and shown as WRONG_CONTEXT. */
export async function authorizeWorker(db: DbExecutor, actor: Actor, action: WorkerAction): Promise<void> {
  if (mayActAsWorker(actor)) return;
  await writeAudit(db, {
    event: "access.denied",
    outcome: "denied",
    userId: actor.id,
    ip: actor.ip,
    details: { action },
  });
  throw new AppError("WRONG_CONTEXT");
}
