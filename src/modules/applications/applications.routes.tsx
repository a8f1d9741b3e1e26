// «Мои заявки» (W9–W12): the list, a new application, the application page and the edits of a draft.
// Thin: forms in, service calls, post/redirect/get. The moves are in filing.routes.tsx.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendError } from "../../http/errors.tsx";
import { setFlash, takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import { requireViewer } from "../identity/viewer.ts";
import type { Problem } from "./applications.policy.ts";
import { filingRoutes } from "./filing.routes.tsx";
import {
  type Body,
  cabinetActor,
  field,
  formBody,
  formValues,
  idParams,
  itemParams,
  respond,
} from "./routes-support.ts";
import { buildApplicationView } from "./views/application.view.ts";
import { ApplicationPage } from "./views/application-page.tsx";
import { ApplicationsListPage, NewApplicationPage } from "./views/list-pages.tsx";

export async function applicationsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const services = app.deps.accreditation;

  /** The application page, with the errors of a refused form when there are any. */
  async function showApplication(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    problems: Problem[] = [],
    values: Record<string, string> = {},
  ) {
    const details = await services.applications.details(cabinetActor(request), id);
    if (!details) return sendError(request, reply, "NOT_FOUND");
    const page = (
      <ApplicationPage
        ctx={pageContext(request, reply)}
        view={buildApplicationView(details)}
        flash={takeFlash(request)}
        errors={problems}
        values={values}
      />
    );
    return sendHtml(reply, page, problems.length > 0 ? 400 : 200);
  }

  app.get("/lk/applications", { preHandler: requireViewer }, async (request, reply) => {
    const applications = await services.applications.list(cabinetActor(request));
    const page = (
      <ApplicationsListPage
        ctx={pageContext(request, reply)}
        applications={applications}
        flash={takeFlash(request)}
      />
    );
    return sendHtml(reply, page);
  });

  app.get("/lk/applications/new", { preHandler: requireViewer }, async (request, reply) => {
    const options = await services.applications.options(cabinetActor(request));
    return sendHtml(reply, <NewApplicationPage ctx={pageContext(request, reply)} options={options} />);
  });

  app.post(
    "/lk/applications",
    { preHandler: requireViewer, schema: { body: formBody } },
    async (request, reply) => {
      const actor = cabinetActor(request);
      const input = {
        kind: field(request.body, "kind"),
        specialtyCode: field(request.body, "specialtyCode"),
      };
      const outcome = await services.applications.create(actor, input);
      if (outcome.ok) {
        setFlash(request, "Черновик заявки создан. Заполните его и отправьте.");
        return reply.redirect(`/lk/applications/${outcome.value.id}`, 303);
      }
      if (outcome.reason !== "invalid") return sendError(request, reply, "NOT_FOUND");
      const options = await services.applications.options(actor);
      const page = (
        <NewApplicationPage
          ctx={pageContext(request, reply)}
          options={options}
          errors={outcome.problems}
          values={formValues(request.body)}
        />
      );
      return sendHtml(reply, page, 400);
    },
  );

  app.get(
    "/lk/applications/:id",
    { preHandler: requireViewer, schema: { params: idParams } },
    (request, reply) => showApplication(request, reply, request.params.id),
  );

  /** A draft edit: the use case, then back to the page with a message, or the page with the errors. */
  function draftEdit(
    path: string,
    flash: string,
    run: (
      request: FastifyRequest<{ Params: { id: string }; Body: Body }>,
    ) => ReturnType<typeof services.drafts.saveReport>,
  ) {
    app.post(
      `/lk/applications/:id${path}`,
      { preHandler: requireViewer, schema: { params: idParams, body: formBody } },
      async (request, reply) => {
        const { id } = request.params;
        return respond(
          request,
          reply,
          await run(request),
          { flash, redirect: `/lk/applications/${id}` },
          (problems) => showApplication(request, reply, id, problems, formValues(request.body)),
        );
      },
    );
  }

  const form = (body: Body) => formValues(body);

  draftEdit("/report", "Отчёт сохранён.", (request) =>
    services.drafts.saveReport(cabinetActor(request), request.params.id, form(request.body)),
  );
  draftEdit("/agreement", "Выбор по согласованию отчёта сохранён.", (request) =>
    services.drafts.saveAgreement(cabinetActor(request), request.params.id, form(request.body)),
  );
  draftEdit("/desired-date", "Дата сохранена.", (request) =>
    services.drafts.saveDesiredDate(cabinetActor(request), request.params.id, form(request.body)),
  );
  draftEdit("/attachments", "Документ прикреплён.", (request) => {
    const slotId = field(request.body, "slotId") ?? "";
    const documentId = field(request.body, `document-${slotId}`) ?? "";
    return services.drafts.attach(cabinetActor(request), request.params.id, slotId, documentId);
  });
  draftEdit("/portfolio", "Обучение добавлено в портфолио.", (request) =>
    services.drafts.addPortfolioEntry(cabinetActor(request), request.params.id, form(request.body)),
  );

  await filingRoutes(app, showApplication);

  app.post(
    "/lk/applications/:id/attachments/:itemId/remove",
    { preHandler: requireViewer, schema: { params: itemParams } },
    async (request, reply) => {
      const { id, itemId } = request.params;
      const outcome = await services.drafts.detach(cabinetActor(request), id, itemId);
      return respond(
        request,
        reply,
        outcome,
        { flash: "Документ откреплён.", redirect: `/lk/applications/${id}` },
        (problems) => showApplication(request, reply, id, problems),
      );
    },
  );
  app.post(
    "/lk/applications/:id/portfolio/:itemId/remove",
    { preHandler: requireViewer, schema: { params: itemParams } },
    async (request, reply) => {
      const { id, itemId } = request.params;
      const outcome = await services.drafts.removePortfolioEntry(cabinetActor(request), id, itemId);
      return respond(
        request,
        reply,
        outcome,
        { flash: "Запись удалена из портфолио.", redirect: `/lk/applications/${id}` },
        (problems) => showApplication(request, reply, id, problems),
      );
    },
  );
}
