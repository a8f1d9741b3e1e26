// The support back office (/support-desk): operators log in through ESIA like everyone and choose
// «Техническая поддержка»; every use case checks the operators table again.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { sendError } from "../../http/errors.tsx";
import { setFlash, takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import type { FieldError } from "../../ui/form.tsx";
import { downloadHeaders } from "../documents/download.ts";
import { viewerOf } from "../identity/viewer.ts";
import { formValuesOf } from "./support.forms.ts";
import { attachmentParams, chatQuery, chatRefusals, idParams } from "./support.http.ts";
import type { Values } from "./support.input.ts";
import type { SupportActor } from "./support.policy.ts";
import type { ActOutcome } from "./support.service.ts";
import { DeskQueuePage } from "./views/desk-queue.tsx";
import { DeskRequestPage } from "./views/desk-request.tsx";
import { reportCsv } from "./views/report.ts";
import { ReportPage } from "./views/report-page.tsx";

const queueQuery = Type.Object({
  kind: Type.Optional(Type.String({ maxLength: 40 })),
  priority: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(Type.String({ maxLength: 40 })),
  organization: Type.Optional(Type.String({ maxLength: 64 })),
  line: Type.Optional(Type.String({ maxLength: 10 })),
  after: Type.Optional(Type.String({ maxLength: 80 })),
});

/** preHandler: signed in and acting for the support desk; otherwise the page that says why not. */
async function requireSupportDesk(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!request.viewer)
    return void (await sendError(
      request,
      reply,
      request.sessionExpired ? "SESSION_EXPIRED" : "UNAUTHENTICATED",
    ));
  if (request.viewer.context?.kind !== "support") await sendError(request, reply, "NOT_SUPPORT_OPERATOR");
}

const actorOf = (request: FastifyRequest): SupportActor => {
  const viewer = viewerOf(request);
  return { userId: viewer.id, ip: request.ip, context: viewer.context };
};

export async function supportDeskRoutes(app: FastifyInstance): Promise<void> {
  const { desk, chat, report } = app.deps.support;
  const guard = { preHandler: requireSupportDesk };

  async function showRequest(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors: FieldError[] = [],
    values: Values = {},
  ) {
    const details = await desk.details(actorOf(request), id);
    if (!details) return sendError(request, reply, "NOT_FOUND");
    const page = (
      <DeskRequestPage
        ctx={pageContext(request, reply)}
        details={details}
        flash={takeFlash(request)}
        errors={errors}
        values={values}
        chatOpen={chat.isOpen()}
        hours={app.deps.support.hoursText}
      />
    );
    return sendHtml(reply, page, errors.length > 0 ? 400 : 200);
  }

  app.get<{ Querystring: Record<string, string | undefined> }>(
    "/support-desk",
    { ...guard, schema: { querystring: queueQuery } },
    async (request, reply) => {
      const queue = await desk.queue(actorOf(request), request.query);
      if (!queue) return sendError(request, reply, "NOT_SUPPORT_OPERATOR");
      return sendHtml(
        reply,
        <DeskQueuePage ctx={pageContext(request, reply)} queue={queue} flash={takeFlash(request)} />,
      );
    },
  );

  app.get<{ Params: { id: string }; Querystring: { template?: string } }>(
    "/support-desk/requests/:id",
    {
      ...guard,
      schema: {
        params: idParams,
        querystring: Type.Object({ template: Type.Optional(Type.String({ maxLength: 40 })) }),
      },
    },
    (request, reply) =>
      showRequest(request, reply, request.params.id, [], { template: request.query.template }),
  );

  const moves: Record<
    string,
    [string, (actor: SupportActor, id: string, values: Values) => Promise<ActOutcome>]
  > = {
    take: ["Обращение взято в работу.", (actor, id) => desk.take(actor, id)],
    answer: ["Ответ отправлен. Отправитель получит уведомление.", desk.answer],
    note: ["Заметка добавлена.", desk.note],
    priority: ["Приоритет изменён, сроки пересчитаны.", desk.changePriority],
    escalate: ["Обращение передано старшему специалисту.", (actor, id) => desk.escalate(actor, id)],
    close: ["Обращение закрыто.", (actor, id) => desk.close(actor, id)],
  };
  for (const [path, [flash, run]] of Object.entries(moves)) {
    app.post<{ Params: { id: string } }>(
      `/support-desk/requests/:id/${path}`,
      { ...guard, schema: { params: idParams } },
      async (request, reply) => {
        const values = formValuesOf(request.body);
        const outcome = await run(actorOf(request), request.params.id, values);
        if (outcome.ok) {
          setFlash(request, flash);
          return reply.redirect(`/support-desk/requests/${request.params.id}`, 303);
        }
        if (outcome.reason === "invalid")
          return showRequest(request, reply, request.params.id, outcome.problems, values);
        if (outcome.reason === "not-found") return sendError(request, reply, "NOT_FOUND");
        return sendError(request, reply, "SUPPORT_ACTION_NOT_ALLOWED");
      },
    );
  }

  app.get<{ Params: { id: string; attachmentId: string } }>(
    "/support-desk/requests/:id/attachments/:attachmentId",
    { ...guard, schema: { params: attachmentParams } },
    async (request, reply) => {
      const attachment = await desk.attachment(
        actorOf(request),
        request.params.id,
        request.params.attachmentId,
      );
      if (!attachment) return sendError(request, reply, "NOT_FOUND");
      return reply
        .headers(downloadHeaders(attachment))
        .send(await app.deps.fileStorage.open(attachment.storageKey));
    },
  );

  app.get<{ Params: { id: string }; Querystring: { after?: string } }>(
    "/support-desk/requests/:id/chat.json",
    { ...guard, schema: { params: idParams, querystring: chatQuery } },
    async (request, reply) => {
      const after = Number.parseInt(request.query.after ?? "0", 10) || 0;
      const lines = await chat.since(desk.chatAccess(actorOf(request)), request.params.id, after);
      if (!lines) return sendError(request, reply, "NOT_FOUND");
      return reply.header("cache-control", "no-store").send({ lines, open: chat.isOpen() });
    },
  );

  app.post<{ Params: { id: string } }>(
    "/support-desk/requests/:id/chat",
    { ...guard, schema: { params: idParams } },
    async (request, reply) => {
      const actor = actorOf(request);
      const outcome = await chat.post(
        desk.chatAccess(actor),
        actor,
        "operator",
        request.params.id,
        formValuesOf(request.body).chat ?? "",
      );
      if (!outcome.ok && outcome.reason === "not-found") return sendError(request, reply, "NOT_FOUND");
      if (!outcome.ok) setFlash(request, chatRefusals[outcome.reason]);
      return reply.redirect(`/support-desk/requests/${request.params.id}#chat`, 303);
    },
  );

  app.get("/support-desk/report", guard, async (request, reply) => {
    const actor = actorOf(request);
    if (!(await desk.authorize(actor))) return sendError(request, reply, "NOT_SUPPORT_OPERATOR");
    const rows = await report.rows(actor);
    return sendHtml(reply, <ReportPage ctx={pageContext(request, reply)} rows={rows} />);
  });

  app.get("/support-desk/report.csv", guard, async (request, reply) => {
    const actor = actorOf(request);
    if (!(await desk.authorize(actor))) return sendError(request, reply, "NOT_SUPPORT_OPERATOR");
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", 'attachment; filename="support-report.csv"')
      .header("cache-control", "no-store")
      .send(reportCsv(await report.rows(actor)));
  });
}
