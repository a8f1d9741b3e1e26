// What every change of a request writes beside itself, in the same transaction: a line of its
// history, the audit record, and the job that tells the sender.
import type { DbExecutor } from "../../db/client.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { enqueueJob } from "../jobs/jobs.repository.ts";
import type { SupportActor } from "./support.policy.ts";
import { insertMessage, type SupportRequestRow } from "./support.repository.ts";

export const SUPPORT_NOTIFY_JOB = "support.notify";
export const SUPPORT_LATE_JOB = "support.late_first_answer";

/** Queues the notice and e-mail about `event` of a request; run after the transaction commits. */
export async function queueSupportNotice(
  tx: DbExecutor,
  payload: { requestId: string; event: "created" | "answered"; messageId?: number },
  now: Date,
): Promise<void> {
  await enqueueJob(tx, { kind: SUPPORT_NOTIFY_JOB, payload, runAt: now });
}

/** A line of the request's history. */
export async function event(tx: DbExecutor, requestId: string, body: string, now: Date): Promise<void> {
  await insertMessage(tx, {
    requestId,
    author: "system",
    kind: "event",
    authorUserId: null,
    body,
    createdAt: now,
  });
}

export async function audit(
  tx: DbExecutor,
  actor: SupportActor,
  name: Parameters<typeof writeAudit>[1]["event"],
  request: SupportRequestRow,
  details: Record<string, unknown>,
): Promise<void> {
  await writeAudit(tx, {
    event: name,
    outcome: "success",
    userId: actor.userId,
    organizationId: request.organizationId,
    ip: actor.ip,
    details: { requestId: request.id, ...details },
  });
}
