// Background work of the support desk on the job queue: the acknowledgement and every answer as a
// notice in the cabinet and an e-mail (after the change committed), and the escalation of a request
// whose first answer is late.
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { formatDateTime } from "../../shared/format.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import type { JobHandler } from "../jobs/jobs.worker.ts";
import { sendMessage } from "../notifications/notifications.repository.ts";
import { notifyUser } from "../notifications/notify.ts";
import { event, SUPPORT_LATE_JOB, SUPPORT_NOTIFY_JOB } from "./support.records.ts";
import { findRequest, listMessages, lockRequest, updateRequest } from "./support.repository.ts";
import { type RequestKind, requestKinds } from "./support.status.ts";

/** Where the sender reads the request: their cabinet's «Мои обращения». */
export const senderLink = (request: { id: string; channel: string }): string =>
  request.channel === "organization" ? `/org/support/${request.id}` : `/lk/support/${request.id}`;

export function supportJobHandlers(deps: {
  db: Database;
  clock: Clock;
  publicUrl: string;
}): Record<string, JobHandler> {
  const { db, clock, publicUrl } = deps;
  return {
    [SUPPORT_NOTIFY_JOB]: async (payload) => {
      const requestId = String(payload.requestId ?? "");
      await db.transaction(async (tx) => {
        const request = await findRequest(tx, requestId);
        if (!request) return;
        const kind = requestKinds[request.kind as RequestKind] ?? request.kind;
        const answered = payload.event === "answered";
        const messageId = Number(payload.messageId);
        const answer = answered
          ? (await listMessages(tx, request.id, { includeNotes: false })).find((m) => m.id === messageId)
          : undefined;
        if (answered && !answer) return;
        const title = answered
          ? `Ответ по обращению ${request.number}`
          : `Обращение ${request.number} принято`;
        const body = answered
          ? `Служба поддержки ответила на ваше обращение «${kind}»:\n\n${answer?.body ?? ""}`
          : `Ваше обращение «${kind}» зарегистрировано ${formatDateTime(request.createdAt)} под номером ${request.number}. Мы ответим до ${formatDateTime(request.firstAnswerDueAt)} (мск).`;
        if (request.userId) {
          await notifyUser(
            tx,
            {
              userId: request.userId,
              key: `support:${request.id}:${answered ? `answer:${messageId}` : "created"}`,
              title,
              body,
              link: senderLink(request),
            },
            { publicUrl, now: clock.now() },
          );
        } else if (request.email) {
          // A public sender has no cabinet: the e-mail carries the whole answer and the number.
          await sendMessage(
            tx,
            {
              userId: null,
              channel: "email",
              to: request.email,
              subject: title,
              body: `${body}\n\nЧтобы дополнить обращение, ответьте на это письмо, указав номер ${request.number}.`,
            },
            clock.now(),
          );
        }
      });
    },

    [SUPPORT_LATE_JOB]: async (payload) => {
      const requestId = String(payload.requestId ?? "");
      await db.transaction(async (tx) => {
        const request = await lockRequest(tx, requestId);
        const now = clock.now();
        if (!request || request.firstAnsweredAt || request.lateEscalatedAt) return;
        if (!["new", "in_progress", "awaiting_sender"].includes(request.status)) return;
        // The priority may have changed since the job was queued: only a really late answer escalates.
        if (request.firstAnswerDueAt.getTime() > now.getTime()) return;
        await updateRequest(tx, request.id, { line: "senior", lateEscalatedAt: now });
        await event(
          tx,
          request.id,
          "Срок первого ответа истёк: обращение передано старшему специалисту.",
          now,
        );
        await writeAudit(tx, {
          event: "support.escalated",
          outcome: "success",
          organizationId: request.organizationId,
          details: { requestId: request.id, by: "deadline" },
        });
      });
    },
  };
}
