// The one path every status change takes, whoever makes it (worker, head, commission, the cabinet
// itself): the transition table decides; the move, its history entry, the audit record and the
// notification job are written in the caller's transaction, so they commit together or not at all.
import type { Database, DbExecutor } from "../../db/client.ts";
import { addWorkingDays, moscowDay } from "../../shared/working-days.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { lockDocuments, unlockDocuments } from "../documents/documents.repository.ts";
import { enqueueJob } from "../jobs/jobs.repository.ts";
import {
  type ApplicationPatch,
  type ApplicationRow,
  documentsUsedElsewhere,
  insertEvent,
  listUsedDocumentIds,
  moveStatus,
} from "./applications.repository.ts";
import {
  type ApplicationAction,
  type ApplicationRole,
  decideTransition,
  isFinal,
} from "./applications.status.ts";

/** A transaction or the database; the documents module's lock functions need selectDistinct too. */
export type Executor = DbExecutor & Pick<Database, "selectDistinct">;

/** The job that tells the worker about a status change (applications.notify.ts). */
export const STATUS_NOTICE_JOB = "application.status_notice";

/** Deadlines of the back office (domain/frmr.md §6.6), in working days. */
export const CHECK_WORKING_DAYS = 20;
export const DECISION_WORKING_DAYS = 15;

export interface Actor {
  /** null for the cabinet itself. */
  userId: string | null;
  role: ApplicationRole;
  ip: string | null;
  organizationId?: string;
}

export type MoveOutcome =
  | { ok: true; application: ApplicationRow }
  | { ok: false; reason: "not-allowed-now" | "wrong-role" | "changed-meanwhile" };

/**
 * The deadline of the stage an action starts: the document check runs from submission (and again
 * from the day the complete set arrives), the decision from the hand-over to the commission; while
 * the worker is asked for documents, or after the decision, no deadline runs.
 */
export function stageDeadline(
  action: ApplicationAction,
  today: string,
): { stageDueOn: string | null } | undefined {
  switch (action) {
    case "submit":
    case "documents_provided":
      return { stageDueOn: addWorkingDays(today, CHECK_WORKING_DAYS) };
    case "transfer_to_commission":
      return { stageDueOn: addWorkingDays(today, DECISION_WORKING_DAYS) };
    case "request_documents":
    case "approve":
    case "reject":
    case "withdraw":
      return { stageDueOn: null };
    default:
      return undefined;
  }
}

export async function moveApplication(
  tx: Executor,
  now: Date,
  application: ApplicationRow,
  action: ApplicationAction,
  actor: Actor,
  options: { comment?: string | null; patch?: ApplicationPatch } = {},
): Promise<MoveOutcome> {
  // Every attempt is audited, the refused ones with the reason.
  const audit = (outcome: "denied" | "success", details: { reason: string } | { to: string }) =>
    writeAudit(tx, {
      event: "application.status_changed",
      outcome,
      userId: actor.userId,
      organizationId: actor.organizationId ?? null,
      ip: actor.ip,
      details: { applicationId: application.id, action, from: application.status, ...details },
    });
  const decision = decideTransition(application.status, action, actor.role);
  if (!decision.ok) {
    await audit("denied", { reason: decision.reason });
    return decision;
  }
  const patch = { ...stageDeadline(action, moscowDay(now)), ...options.patch, updatedAt: now };
  const moved = await moveStatus(tx, application.id, application.status, decision.to, patch);
  if (!moved) return { ok: false, reason: "changed-meanwhile" };
  const event = await insertEvent(tx, {
    applicationId: application.id,
    occurredAt: now,
    actorId: actor.userId,
    actorRole: actor.role,
    action,
    fromStatus: application.status,
    toStatus: decision.to,
    comment: options.comment ?? null,
  });
  await audit("success", { to: decision.to });
  await enqueueJob(tx, { kind: STATUS_NOTICE_JOB, payload: { eventId: event.id }, runAt: now });
  await updateDocumentLocks(tx, moved, now);
  return { ok: true, application: moved };
}

/** Documents of a filed application cannot be deleted; they are released when it is decided or withdrawn. */
async function updateDocumentLocks(tx: Executor, application: ApplicationRow, now: Date): Promise<void> {
  if (application.status === "submitted") {
    await lockDocuments(tx, application.userId, await listUsedDocumentIds(tx, application.id), now);
  } else if (isFinal(application.status)) {
    const used = await listUsedDocumentIds(tx, application.id);
    const elsewhere = await documentsUsedElsewhere(tx, application.id, used);
    await unlockDocuments(
      tx,
      application.userId,
      used.filter((id) => !elsewhere.has(id)),
    );
  }
}
