// The actors of the applications use cases and the first-line checks every use case starts with
// (DESIGN convention 7): the right context, then the right application. Denials are audited.
import type { SessionContext } from "../../http/session.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { type ApplicationRow, findApplication } from "./applications.repository.ts";
import type { Executor } from "./applications.transitions.ts";

/** The signed-in person as the services see them. */
export interface CabinetActor {
  userId: string;
  ip: string;
  context: SessionContext | undefined;
}

export async function auditDenied(
  db: Executor,
  actor: CabinetActor,
  details: Record<string, unknown>,
  organizationId?: string,
): Promise<void> {
  await writeAudit(db, {
    event: "access.denied",
    outcome: "denied",
    userId: actor.userId,
    organizationId: organizationId ?? null,
    ip: actor.ip,
    details: { resource: "application", ...details },
  });
}

/**
 * How a use case reaches the one application it acts on: the row (locked for update when `lock`), or
 * undefined when the id is missing or the actor may not reach it; `action` names the use case in
 * the audit row of a denial.
 */
export type ApplicationLookup = (
  db: Executor,
  actor: CabinetActor,
  id: string,
  action: string,
  lock?: boolean,
) => Promise<ApplicationRow | undefined>;

/**
 * The worker's own application; undefined for a missing or foreign id, or outside the worker's
 * context. A foreign id is audited and answered like a missing one.
 */
export const ownApplication: ApplicationLookup = async (db, actor, id, action, lock = false) => {
  if (actor.context?.kind !== "worker") {
    await auditDenied(db, actor, { applicationId: id, action, reason: "context" });
    return undefined;
  }
  if (!isUuid(id)) return undefined;
  const application = await findApplication(db, id, lock);
  if (application && application.userId !== actor.userId) {
    await auditDenied(db, actor, { applicationId: id, action, reason: "foreign" });
    return undefined;
  }
  return application;
};

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
