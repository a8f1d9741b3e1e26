// Use cases of a request's sender (W16, O14): writing a request (from the worker's cabinet, the
// organization's cabinet or the public form), «Мои обращения», replies, «Вопрос решён», reopening
// and «Передать старшему специалисту». Every change is written with its audit record in one
// transaction; messages to the sender are queued as a job in the same transaction.
import type { Database, DbExecutor } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { fullName } from "../../shared/format.ts";
import { moscowDay } from "../../shared/working-days.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import type { ReceivedFile } from "../documents/received-file.ts";
import type { FileStorage } from "../documents/storage.ts";
import { findUserById } from "../identity/identity.repository.ts";
import { enqueueJob } from "../jobs/jobs.repository.ts";
import { findOrganizationById } from "../organizations/organizations.repository.ts";
import { checkAttachments, storeAttachments, withFiles } from "./support.files.ts";
import { dueTimes, isWithinHours, type WorkingHours } from "./support.hours.ts";
import {
  type FieldProblem,
  type PublicSender,
  type RequestFields,
  readPublicSender,
  readRequestFields,
  type Values,
} from "./support.input.ts";
import { decideSenderAccess, type SupportActor, senderScope } from "./support.policy.ts";
import { choosePriority } from "./support.priority.ts";
import { audit, event, queueSupportNotice, SUPPORT_LATE_JOB } from "./support.records.ts";
import {
  findAttachment,
  findRequest,
  insertMessage,
  insertRequest,
  listAttachments,
  listMessages,
  listSenderRequests,
  lockRequest,
  type SupportRequestRow,
  updateRequest,
} from "./support.repository.ts";
import { canMove, canReopen, type RequestStatus } from "./support.status.ts";

export interface SupportDeps {
  db: Database;
  clock: Clock;
  storage: FileStorage;
  hours: WorkingHours;
}

export type CreateOutcome =
  | { ok: true; request: SupportRequestRow }
  | { ok: false; problems: FieldProblem[] };
export type ActOutcome =
  | { ok: true }
  | { ok: false; reason: "not-found" | "not-allowed" }
  | {
      ok: false;
      reason: "invalid";
      problems: FieldProblem[];
    };

export type SupportService = ReturnType<typeof createSupportService>;

export function createSupportService({ db, clock, storage, hours }: SupportDeps) {
  /** A sender's own request, or undefined (a foreign id is audited as a denial). */
  async function ownRequest(executor: DbExecutor, actor: SupportActor, id: string, lock = false) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const request = lock ? await lockRequest(executor, id) : await findRequest(executor, id);
    if (!request) return undefined;
    const decision = decideSenderAccess(actor, request);
    if (decision.allowed) return request;
    await writeAudit(executor, {
      event: "access.denied",
      outcome: "denied",
      userId: actor.userId,
      ip: actor.ip,
      details: { resource: "support-request", requestId: id, reason: decision.reason },
    });
    return undefined;
  }

  async function senderIdentity(actor: SupportActor | undefined, publicSender: PublicSender | undefined) {
    const context = actor?.context;
    if (!actor || !context)
      return publicSender ? { channel: "public" as const, ...publicFields(publicSender) } : undefined;
    const user = await findUserById(db, actor.userId);
    if (!user) return undefined;
    const base = { userId: user.id, senderName: fullName(user), senderSnils: user.snils, email: null };
    if (context.kind === "worker") return { channel: "worker" as const, ...base };
    if (context.kind === "organization") {
      const organization = await findOrganizationById(db, context.organizationId);
      if (!organization) return undefined;
      return {
        channel: "organization" as const,
        ...base,
        organizationId: organization.id,
        organizationInn: organization.inn,
        senderRole: context.role,
      };
    }
    return undefined;
  }

  return {
    /**
     * Writes a request. `actor` is absent for the public form, whose sender fields are then read
     * from `values`; refused attachments refuse the whole request.
     */
    async create(
      actor: SupportActor | undefined,
      values: Values,
      files: readonly ReceivedFile[],
      ip: string,
    ): Promise<CreateOutcome> {
      return withFiles(storage, files, async (committed) => {
        const now = clock.now();
        const read = readRequestFields(values, now);
        const sender = actor ? { problems: [] } : readPublicSender(values);
        const attachments = await checkAttachments(files);
        const problems = [...(sender.problems ?? []), ...read.problems, ...attachments.problems];
        const identity = problems.length === 0 ? await senderIdentity(actor, sender.sender) : undefined;
        if (problems.length > 0 || !read.fields || !identity) {
          await writeAudit(db, {
            event: "support.request_rejected",
            outcome: "failure",
            userId: actor?.userId ?? null,
            ip,
            details: {
              fields: problems.map((problem) => problem.field),
              fileReasons: attachments.reasons,
            },
          });
          return {
            ok: false,
            problems:
              problems.length > 0
                ? problems
                : [{ field: "kind", message: "Не удалось определить отправителя. Войдите снова." }],
          };
        }
        const fields: RequestFields = read.fields;
        const { priority } = choosePriority({
          kind: fields.kind,
          channel: identity.channel,
          text: `${fields.errorText}\n${fields.description}`,
        });
        const due = dueTimes(priority, now, hours);
        return db.transaction(async (tx) => {
          const request = await insertRequest(
            tx,
            {
              ...identity,
              kind: fields.kind,
              errorText: fields.errorText,
              errorCode: fields.errorCode,
              attemptAt: fields.attemptAt,
              description: fields.description,
              priority,
              line: "first",
              status: "new",
              createdAt: now,
              ...due,
              dueAt: due.firstAnswerDueAt,
            },
            moscowDay(now).slice(0, 4),
          );
          await storeAttachments(
            tx,
            attachments.checked,
            { requestId: request.id, messageId: null, now },
            committed,
          );
          await writeAudit(tx, {
            event: "support.request_created",
            outcome: "success",
            userId: actor?.userId ?? null,
            organizationId: request.organizationId,
            ip,
            details: {
              requestId: request.id,
              kind: request.kind,
              channel: request.channel,
              priority,
              attachments: attachments.checked.length,
            },
          });
          await queueSupportNotice(tx, { requestId: request.id, event: "created" }, now);
          // Escalates the request to the senior line if no answer came by its due time.
          await enqueueJob(tx, {
            kind: SUPPORT_LATE_JOB,
            payload: { requestId: request.id },
            runAt: due.firstAnswerDueAt,
          });
          return { ok: true as const, request };
        });
      });
    },

    /** The chat's access check for a sender. */
    chatAccess: (actor: SupportActor) => (executor: DbExecutor, id: string) =>
      ownRequest(executor, actor, id),

    async list(actor: SupportActor) {
      const scope = senderScope(actor);
      return scope ? listSenderRequests(db, scope) : [];
    },

    /** A request as its sender sees it: no internal notes, no operator names. */
    async view(actor: SupportActor, id: string) {
      const request = await ownRequest(db, actor, id);
      if (!request) return undefined;
      const [messages, attachments] = await Promise.all([
        listMessages(db, request.id, { includeNotes: false }),
        listAttachments(db, request.id),
      ]);
      const now = clock.now();
      return {
        request,
        messages,
        attachments,
        canReply: canMove("reply", request.status as RequestStatus, "sender"),
        canResolve: canMove("resolve_by_sender", request.status as RequestStatus, "sender"),
        canReopen: canReopen({ ...request, status: request.status as RequestStatus }, now),
        canEscalate:
          canMove("escalate", request.status as RequestStatus, "sender") && request.line === "first",
        chatOpen: isWithinHours(now, hours),
      };
    },

    async attachment(actor: SupportActor, id: string, attachmentId: string) {
      const request = await ownRequest(db, actor, id);
      if (!request || !/^[0-9a-f-]{36}$/i.test(attachmentId)) return undefined;
      return findAttachment(db, request.id, attachmentId);
    },

    /** A reply, with files; the request goes back to support. */
    async reply(
      actor: SupportActor,
      id: string,
      values: Values,
      files: readonly ReceivedFile[],
    ): Promise<ActOutcome> {
      return withFiles(storage, files, async (committed) => {
        // An unknown or foreign request is «not found» before anything about the form is said.
        if (!(await ownRequest(db, actor, id))) return { ok: false, reason: "not-found" };
        const text = (values.message ?? "").trim();
        const attachments = await checkAttachments(files);
        const problems = [...attachments.problems];
        if (text.length === 0) problems.unshift({ field: "message", message: "Напишите ответ." });
        if (text.length > 4000)
          problems.unshift({ field: "message", message: "Ответ длиннее 4000 символов." });
        if (problems.length > 0) return { ok: false, reason: "invalid", problems };
        return db.transaction(async (tx): Promise<ActOutcome> => {
          const request = await ownRequest(tx, actor, id, true);
          if (!request) return { ok: false, reason: "not-found" };
          if (!canMove("reply", request.status as RequestStatus, "sender"))
            return { ok: false, reason: "not-allowed" };
          const now = clock.now();
          const message = await insertMessage(tx, {
            requestId: request.id,
            author: "sender",
            kind: "message",
            authorUserId: actor.userId,
            body: text,
            createdAt: now,
          });
          await storeAttachments(
            tx,
            attachments.checked,
            { requestId: request.id, messageId: message.id, now },
            committed,
          );
          await updateRequest(tx, request.id, { status: request.assigneeId ? "in_progress" : "new" });
          await audit(tx, actor, "support.replied", request, { attachments: attachments.checked.length });
          return { ok: true };
        });
      });
    },

    async resolve(actor: SupportActor, id: string): Promise<ActOutcome> {
      return senderMove(actor, id, "resolve_by_sender", async (tx, request, now) => {
        await updateRequest(tx, request.id, { status: "resolved", resolvedAt: now });
        await event(tx, request.id, "Отправитель отметил: вопрос решён.", now);
        await audit(tx, actor, "support.resolved", request, { by: "sender" });
      });
    },

    async reopen(actor: SupportActor, id: string): Promise<ActOutcome> {
      const now = clock.now();
      return senderMove(actor, id, "reopen", async (tx, request) => {
        if (!canReopen({ ...request, status: request.status as RequestStatus }, now)) return false;
        await updateRequest(tx, request.id, { status: "in_progress", resolvedAt: null, closedAt: null });
        await event(tx, request.id, "Обращение открыто снова по просьбе отправителя.", now);
        await audit(tx, actor, "support.reopened", request, {});
      });
    },

    async escalate(actor: SupportActor, id: string): Promise<ActOutcome> {
      return senderMove(actor, id, "escalate", async (tx, request, now) => {
        if (request.line === "senior") return false;
        await updateRequest(tx, request.id, { line: "senior" });
        await event(tx, request.id, "Обращение передано старшему специалисту по просьбе отправителя.", now);
        await audit(tx, actor, "support.escalated", request, { by: "sender" });
      });
    },
  };

  /** A status move of the sender; `apply` returns false to refuse after its own checks. */
  async function senderMove(
    actor: SupportActor,
    id: string,
    action: "resolve_by_sender" | "reopen" | "escalate",
    apply: (
      tx: DbExecutor,
      request: SupportRequestRow,
      now: Date,
    ) => Promise<boolean | undefined | undefined>,
  ): Promise<ActOutcome> {
    return db.transaction(async (tx): Promise<ActOutcome> => {
      const request = await ownRequest(tx, actor, id, true);
      if (!request) return { ok: false, reason: "not-found" };
      if (!canMove(action, request.status as RequestStatus, "sender"))
        return { ok: false, reason: "not-allowed" };
      const applied = await apply(tx, request, clock.now());
      return applied === false ? { ok: false, reason: "not-allowed" } : { ok: true };
    });
  }
}

function publicFields(sender: PublicSender) {
  return {
    userId: null,
    senderName: sender.name,
    senderSnils: sender.snils,
    senderInn: sender.inn,
    email: sender.email,
  };
}
