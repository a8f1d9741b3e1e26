// Use cases of the support back office (/support-desk): the queue by due time, a request with its
// context, taking it, answers (templates), internal notes, priority changes with a reason,
// escalation to the senior line and closing. The first line of each: the operator check.
import type { Database, DbExecutor } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { findUserById } from "../identity/identity.repository.ts";
import { dueTimes, type WorkingHours } from "./support.hours.ts";
import type { FieldProblem, Values } from "./support.input.ts";
import { authorizeSupportOperator, listSupportOperatorUsers } from "./support.operators.ts";
import { isSupportContext, type SupportActor } from "./support.policy.ts";
import { isPriority, priorities } from "./support.priority.ts";
import { audit, event, queueSupportNotice } from "./support.records.ts";
import {
  findAttachment,
  findRequest,
  insertMessage,
  listAttachments,
  listMessages,
  lockRequest,
  queuePage,
  recentFailedLogins,
  type SupportRequestRow,
  updateRequest,
} from "./support.repository.ts";
import type { ActOutcome } from "./support.service.ts";
import {
  canMove,
  isRequestKind,
  isRequestStatus,
  type RequestStatus,
  type SupportAction,
} from "./support.status.ts";

export const QUEUE_PAGE_SIZE = 25;
const FAILED_LOGINS_DAYS = 7;

/** Ready answers an operator can start from; edited before sending. */
export const answerTemplates = [
  {
    id: "session",
    title: "Сессия истекла",
    text: "Здравствуйте! Сеанс завершается после 30 минут без действий, это защищает ваши данные. Войдите снова через Госуслуги; если ошибка повторится сразу после входа, очистите файлы cookie браузера и напишите нам.",
  },
  {
    id: "locked",
    title: "Учётная запись заблокирована",
    text: "Здравствуйте! После пяти неверных вводов пароля Госуслуги блокируют вход на 30 минут. Подождите и войдите снова или восстановите пароль по кнопке «Забыли пароль?».",
  },
  {
    id: "more",
    title: "Нужны подробности",
    text: "Здравствуйте! Чтобы разобраться, пришлите, пожалуйста, снимок экрана с ошибкой и укажите, в какой момент она появилась.",
  },
] as const;

export interface QueueQuery {
  kind?: string | undefined;
  priority?: string | undefined;
  status?: string | undefined;
  organization?: string | undefined;
  line?: string | undefined;
  after?: string | undefined;
}

export type DeskService = ReturnType<typeof createDeskService>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `after` of the next page: the last row's due time and id. */
export const cursorOf = (row: { dueAt: Date; id: string }): string => `${row.dueAt.getTime()}_${row.id}`;
function parseCursor(value: string | undefined): { dueAt: Date; id: string } | undefined {
  const match = /^(\d{1,15})_([0-9a-f-]{36})$/i.exec(value ?? "");
  return match?.[1] && match[2] && uuid.test(match[2])
    ? { dueAt: new Date(Number(match[1])), id: match[2] }
    : undefined;
}

export function createDeskService({ db, clock, hours }: { db: Database; clock: Clock; hours: WorkingHours }) {
  const authorize = (executor: DbExecutor, actor: SupportActor, action: string) =>
    authorizeSupportOperator(executor, actor, isSupportContext(actor), action);

  /** One operator move on a locked request, with its history line and audit record. */
  async function move(
    actor: SupportActor,
    id: string,
    action: SupportAction | "note" | "priority",
    apply: (tx: DbExecutor, request: SupportRequestRow, now: Date) => Promise<ActOutcome>,
  ): Promise<ActOutcome> {
    return db.transaction(async (tx) => {
      if (!(await authorize(tx, actor, `support.${action}`)) || !uuid.test(id))
        return { ok: false, reason: "not-found" };
      const request = await lockRequest(tx, id);
      if (!request) return { ok: false, reason: "not-found" };
      const status = request.status as RequestStatus;
      if (action !== "note" && action !== "priority" && !canMove(action, status, "operator"))
        return { ok: false, reason: "not-allowed" };
      return apply(tx, request, clock.now());
    });
  }

  const required = (values: Values, name: string, message: string): FieldProblem[] =>
    (values[name] ?? "").trim() ? [] : [{ field: name, message }];

  return {
    authorize: (actor: SupportActor) => authorize(db, actor, "support.desk"),

    /** The chat's access check for an operator. */
    chatAccess:
      (actor: SupportActor) =>
      async (executor: DbExecutor, id: string): Promise<SupportRequestRow | undefined> =>
        (await authorize(executor, actor, "support.chat")) && uuid.test(id)
          ? findRequest(executor, id)
          : undefined,

    async queue(actor: SupportActor, query: QueueQuery) {
      if (!(await authorize(db, actor, "support.queue"))) return undefined;
      const filter = {
        kind: isRequestKind(query.kind) ? query.kind : undefined,
        priority: isPriority(query.priority) ? query.priority : undefined,
        status: isRequestStatus(query.status) ? query.status : undefined,
        organizationId: uuid.test(query.organization ?? "") ? query.organization : undefined,
        line: query.line === "first" || query.line === "senior" ? query.line : undefined,
        after: parseCursor(query.after),
        limit: QUEUE_PAGE_SIZE,
      };
      const page = await queuePage(db, filter);
      return { ...page, filter, now: clock.now() };
    },

    async details(actor: SupportActor, id: string) {
      if (!(await authorize(db, actor, "support.view")) || !uuid.test(id)) return undefined;
      const request = await findRequest(db, id);
      if (!request) return undefined;
      const since = new Date(clock.now().getTime() - FAILED_LOGINS_DAYS * 86_400_000);
      const sender = request.userId ? await findUserById(db, request.userId) : undefined;
      const [messages, attachments, operators, failedLogins] = await Promise.all([
        listMessages(db, request.id, { includeNotes: true }),
        listAttachments(db, request.id),
        listSupportOperatorUsers(db),
        sender ? recentFailedLogins(db, sender.esiaOid, since) : Promise.resolve([]),
      ]);
      const status = request.status as RequestStatus;
      return {
        request,
        messages,
        attachments,
        operators,
        failedLogins,
        templates: answerTemplates,
        now: clock.now(),
        can: {
          take: canMove("take", status, "operator") && request.assigneeId !== actor.userId,
          answer: canMove("answer", status, "operator"),
          escalate: canMove("escalate", status, "operator") && request.line === "first",
          close: canMove("close", status, "operator"),
        },
      };
    },

    async attachment(actor: SupportActor, id: string, attachmentId: string) {
      if (!(await authorize(db, actor, "support.attachment")) || !uuid.test(id) || !uuid.test(attachmentId))
        return undefined;
      const attachment = await findAttachment(db, id, attachmentId);
      if (attachment)
        await writeAudit(db, {
          event: "support.attachment_downloaded",
          outcome: "success",
          userId: actor.userId,
          ip: actor.ip,
          details: { requestId: id, attachmentId },
        });
      return attachment;
    },

    take: (actor: SupportActor, id: string) =>
      move(actor, id, "take", async (tx, request, now) => {
        await updateRequest(tx, request.id, { assigneeId: actor.userId, status: "in_progress" });
        await event(tx, request.id, "Обращение взято в работу.", now);
        await audit(tx, actor, "support.taken", request, {});
        return { ok: true };
      }),

    /** An answer to the sender; with `resolve` the request is marked «Решено» at once. */
    answer: (actor: SupportActor, id: string, values: Values) =>
      move(actor, id, "answer", async (tx, request, now) => {
        const problems = required(values, "message", "Напишите ответ отправителю.");
        if (problems.length > 0) return { ok: false, reason: "invalid", problems };
        const resolve = values.resolve === "1";
        const message = await insertMessage(tx, {
          requestId: request.id,
          author: "operator",
          kind: "message",
          authorUserId: actor.userId,
          body: (values.message ?? "").trim().slice(0, 4000),
          createdAt: now,
        });
        await updateRequest(tx, request.id, {
          status: resolve ? "resolved" : "awaiting_sender",
          firstAnsweredAt: request.firstAnsweredAt ?? now,
          dueAt: request.resolutionDueAt,
          assigneeId: request.assigneeId ?? actor.userId,
          ...(resolve ? { resolvedAt: now } : {}),
        });
        await audit(tx, actor, "support.answered", request, { resolved: resolve });
        await queueSupportNotice(
          tx,
          { requestId: request.id, event: "answered", messageId: message.id },
          now,
        );
        return { ok: true };
      }),

    note: (actor: SupportActor, id: string, values: Values) =>
      move(actor, id, "note", async (tx, request, now) => {
        const problems = required(values, "note", "Напишите текст заметки.");
        if (problems.length > 0) return { ok: false, reason: "invalid", problems };
        await insertMessage(tx, {
          requestId: request.id,
          author: "operator",
          kind: "note",
          authorUserId: actor.userId,
          body: (values.note ?? "").trim().slice(0, 4000),
          createdAt: now,
        });
        await audit(tx, actor, "support.note_added", request, {});
        return { ok: true };
      }),

    /** A new priority with its reason: the due times are counted again from the request's time. */
    changePriority: (actor: SupportActor, id: string, values: Values) =>
      move(actor, id, "priority", async (tx, request, now) => {
        const priority = values.priority;
        const problems: FieldProblem[] = [
          ...(isPriority(priority) ? [] : [{ field: "priority", message: "Выберите приоритет." }]),
          ...required(values, "reason", "Укажите причину изменения приоритета."),
        ];
        if (problems.length > 0 || !isPriority(priority)) return { ok: false, reason: "invalid", problems };
        const due = dueTimes(priority, request.createdAt, hours);
        await updateRequest(tx, request.id, {
          priority,
          ...due,
          dueAt: request.firstAnsweredAt ? due.resolutionDueAt : due.firstAnswerDueAt,
        });
        const reason = (values.reason ?? "").trim().slice(0, 500);
        await insertMessage(tx, {
          requestId: request.id,
          author: "operator",
          kind: "note",
          authorUserId: actor.userId,
          body: `Приоритет изменён на «${priorities[priority]}». Причина: ${reason}`,
          createdAt: now,
        });
        await audit(tx, actor, "support.priority_changed", request, { from: request.priority, to: priority });
        return { ok: true };
      }),

    escalate: (actor: SupportActor, id: string) =>
      move(actor, id, "escalate", async (tx, request, now) => {
        if (request.line === "senior") return { ok: false, reason: "not-allowed" };
        await updateRequest(tx, request.id, { line: "senior" });
        await event(tx, request.id, "Обращение передано старшему специалисту.", now);
        await audit(tx, actor, "support.escalated", request, { by: "operator" });
        return { ok: true };
      }),

    close: (actor: SupportActor, id: string) =>
      move(actor, id, "close", async (tx, request, now) => {
        await updateRequest(tx, request.id, {
          status: "closed",
          closedAt: now,
          resolvedAt: request.resolvedAt ?? now,
        });
        await event(tx, request.id, "Обращение закрыто.", now);
        await audit(tx, actor, "support.closed", request, {});
        return { ok: true };
      }),
  };
}
