// The support back office (/support-desk): operators log in through ESIA like everyone and choose
// «Техническая поддержка»; every use case checks the operators table again.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { sendError } from "../../http/errors.tsx";
import { takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import { optionalText } from "../../shared/route-schemas.ts";
import { viewerOf } from "../identity/viewer.ts";
import { formValuesOf } from "./support.forms.ts";
import { idParams, requireSupportDesk } from "./support.http.ts";
import type { Values } from "./support.input.ts";
import type { SupportActor } from "./support.policy.ts";
import type { ActOutcome } from "./support.service.ts";
import { answerMove, noForm, requestThreadRoutes } from "./support-thread.routes.ts";
import { DeskQueuePage } from "./views/desk-queue.tsx";
import { DeskRequestPage } from "./views/desk-request.tsx";
import { reportCsv } from "./views/report.ts";
import { ReportPage } from "./views/report-page.tsx";

const queueQuery = Type.Object({
  kind: optionalText(40),
  priority: optionalText(40),
  status: optionalText(40),
  organization: optionalText(64),
  line: optionalText(10),
  after: optionalText(80),
});

const actorOf = (request: FastifyRequest): SupportActor => {
  const viewer = viewerOf(request);
  return { userId: viewer.id, ip: request.ip, context: viewer.context };
};

export async function supportDeskRoutes(app: FastifyInstance): Promise<void> {
  const { desk, chat, report } = app.deps.support;
  const guard = { preHandler: requireSupportDesk };

  async function showRequest(request: FastifyRequest, reply: FastifyReply, id: string, form = noForm) {
    const details = await desk.details(actorOf(request), id);
    if (!details) return sendError(request, reply, "NOT_FOUND");
    const page = (
      <DeskRequestPage
        ctx={pageContext(request, reply)}
        details={details}
        flash={takeFlash(request)}
        {...form}
        chatOpen={chat.isOpen()}
        hours={app.deps.support.hoursText}
      />
    );
    return sendHtml(reply, page, form.errors.length > 0 ? 400 : 200);
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
        querystring: Type.Object({ template: optionalText(40) }),
      },
    },
    (request, reply) =>
      showRequest(request, reply, request.params.id, {
        values: { template: request.query.template },
        errors: [],
      }),
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
        const { id } = request.params;
        const values = formValuesOf(request.body);
        const outcome = await run(actorOf(request), id, values);
        return answerMove(
          request,
          reply,
          outcome,
          { flash, location: `/support-desk/requests/${id}` },
          (errors) => showRequest(request, reply, id, { errors, values }),
        );
      },
    );
  }

  requestThreadRoutes(app, {
    base: "/support-desk/requests",
    preHandler: requireSupportDesk,
    role: "operator",
    actorOf,
    side: desk,
  });

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
