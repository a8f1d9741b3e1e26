// Requests of a signed-in sender: «Мои обращения» in the worker's cabinet (/lk/support) and in the
// organization's cabinet (/org/support, with the organization's id, ИНН and the sender's role).
// The same pages for both; thin: forms in, service calls, pages out (post/redirect/get).
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendError } from "../../http/errors.tsx";
import { setFlash, takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import type { FieldError } from "../../ui/form.tsx";
import type { NavItem } from "../../ui/layout.tsx";
import { receiveFile } from "../documents/received-file.ts";
import { workerNavigation } from "../home/navigation.ts";
import { requireViewer, viewerOf } from "../identity/viewer.ts";
import { cabinetActorOf, cabinetRoute } from "../organizations/cabinet.guard.tsx";
import { cabinetNavigation } from "../organizations/cabinet.navigation.ts";
import { readMultipart } from "./support.forms.ts";
import { idParams, prefillQuery, supportMultipart } from "./support.http.ts";
import { cleanErrorCode, type Values } from "./support.input.ts";
import type { SupportActor } from "./support.policy.ts";
import type { ActOutcome } from "./support.service.ts";
import { supportDeskRoutes } from "./support-desk.routes.tsx";
import { supportPublicRoutes } from "./support-public.routes.tsx";
import { answerMove, noForm, requestThreadRoutes } from "./support-thread.routes.ts";
import { prefillValues } from "./views/prefill.ts";
import { RequestFormPage } from "./views/request-form.tsx";
import { MyRequestsPage, SenderRequestPage } from "./views/sender-pages.tsx";

type PreHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

interface SenderArea {
  base: string;
  guard: PreHandler;
  actorOf: (request: FastifyRequest) => SupportActor;
  nav: (request: FastifyRequest) => readonly NavItem[];
  note?: (request: FastifyRequest) => string;
}

export async function supportRoutes(app: FastifyInstance): Promise<void> {
  await app.register(multipart, supportMultipart);
  const support = app.deps.support;

  const workerArea: SenderArea = {
    base: "/lk/support",
    guard: requireViewer,
    actorOf: (request) => ({
      userId: viewerOf(request).id,
      ip: request.ip,
      context: viewerOf(request).context,
    }),
    nav: () => workerNavigation,
  };
  const guard = cabinetRoute("feedback.send");
  const organizationArea: SenderArea = {
    base: "/org/support",
    guard,
    actorOf: (request) => {
      const actor = cabinetActorOf(request);
      // The head and a representative hold the organization's powers and see all its requests.
      return {
        userId: actor.userId,
        ip: request.ip,
        context: viewerOf(request).context,
        seesOrganizationRequests: actor.powers.has("journal.view") || actor.powers.has("support.view"),
      };
    },
    nav: (request) => cabinetNavigation(cabinetActorOf(request)),
    note: (request) => {
      const actor = cabinetActorOf(request);
      return `Обращение будет отправлено от имени организации «${actor.organization.shortName}» (ИНН ${actor.organization.inn}), роль: ${actor.role === "head" ? "руководитель" : "сотрудник"}.`;
    },
  };
  for (const area of [workerArea, organizationArea]) senderRoutes(app, area);
  await app.register(supportPublicRoutes);
  await app.register(supportDeskRoutes);

  function senderRoutes(app: FastifyInstance, area: SenderArea) {
    const { base, guard, actorOf } = area;
    const receive = (source: Parameters<typeof receiveFile>[1], name: string) =>
      receiveFile(app.deps.fileStorage, source, name);

    const showForm = (request: FastifyRequest, reply: FastifyReply, values: Values, errors: FieldError[]) =>
      sendHtml(
        reply,
        <RequestFormPage
          ctx={pageContext(request, reply)}
          nav={area.nav(request)}
          action={`${base}/new`}
          values={values}
          errors={errors}
          senderNote={area.note?.(request)}
        />,
        errors.length > 0 ? 400 : 200,
      );

    /** What every page of the area takes: the page context, the area's navigation and its address. */
    const pageOf = (request: FastifyRequest, reply: FastifyReply) => ({
      ctx: pageContext(request, reply),
      nav: area.nav(request),
      base,
    });

    async function showRequest(request: FastifyRequest, reply: FastifyReply, id: string, form = noForm) {
      const view = await support.service.view(actorOf(request), id);
      if (!view) return sendError(request, reply, "NOT_FOUND");
      const page = (
        <SenderRequestPage
          {...pageOf(request, reply)}
          {...form}
          view={view}
          flash={takeFlash(request)}
          hours={support.hoursText}
        />
      );
      return sendHtml(reply, page, form.errors.length > 0 ? 400 : 200);
    }

    const answer = (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      outcome: ActOutcome,
      flash: string,
      values: Values = {},
    ) =>
      answerMove(request, reply, outcome, { flash, location: `${base}/${id}` }, (errors) =>
        showRequest(request, reply, id, { errors, values }),
      );

    app.get(base, { preHandler: guard }, async (request, reply) => {
      const rows = await support.service.list(actorOf(request));
      return sendHtml(
        reply,
        <MyRequestsPage
          {...pageOf(request, reply)}
          rows={rows}
          flash={takeFlash(request)}
          organizationView={base.startsWith("/org")}
        />,
      );
    });

    app.get<{ Querystring: { code?: string; at?: string; kind?: string } }>(
      `${base}/new`,
      { preHandler: guard, schema: { querystring: prefillQuery } },
      async (request, reply) => showForm(request, reply, prefillValues(request.query), []),
    );

    app.post(`${base}/new`, { preHandler: guard }, async (request, reply) => {
      const { values, files } = await readMultipart(request, receive);
      const outcome = await support.service.create(actorOf(request), values, files, request.ip);
      if (!outcome.ok)
        return showForm(
          request,
          reply,
          { ...values, errorCode: cleanErrorCode(values.errorCode) ?? undefined },
          outcome.problems,
        );
      setFlash(
        request,
        `Обращение ${outcome.request.number} отправлено. Ответ придёт в кабинет и на электронную почту.`,
      );
      return reply.redirect(`${base}/${outcome.request.id}`, 303);
    });

    app.get<{ Params: { id: string } }>(
      `${base}/:id`,
      { preHandler: guard, schema: { params: idParams } },
      (request, reply) => showRequest(request, reply, request.params.id),
    );

    app.post<{ Params: { id: string } }>(
      `${base}/:id/reply`,
      { preHandler: guard, schema: { params: idParams } },
      async (request, reply) => {
        const { values, files } = await readMultipart(request, receive);
        const outcome = await support.service.reply(actorOf(request), request.params.id, values, files);
        return answer(request, reply, request.params.id, outcome, "Ответ отправлен в поддержку.", values);
      },
    );

    const moves = {
      resolve: ["Спасибо! Обращение отмечено как решённое.", support.service.resolve],
      reopen: ["Обращение открыто снова.", support.service.reopen],
      escalate: ["Обращение передано старшему специалисту.", support.service.escalate],
    } as const;
    for (const [path, [flash, run]] of Object.entries(moves)) {
      app.post<{ Params: { id: string } }>(
        `${base}/:id/${path}`,
        { preHandler: guard, schema: { params: idParams } },
        async (request, reply) =>
          answer(request, reply, request.params.id, await run(actorOf(request), request.params.id), flash),
      );
    }

    requestThreadRoutes(app, { base, preHandler: guard, role: "sender", actorOf, side: support.service });
  }
}
