// «Мои заявки» (W9–W12): the list, a new application, the application page and the edits of a draft.
// Thin: forms in, service calls, post/redirect/get. The moves are in filing.routes.tsx.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { parseTimeCursor } from "../../db/keyset.ts";
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
  pageFrame,
  postOutcome,
  slotAnchor,
  slotHref,
} from "./routes-support.ts";
import { buildApplicationView, slotChoices } from "./views/application.view.ts";
import { ApplicationPage } from "./views/application-page.tsx";
import { ApplicationsListPage, NewApplicationPage } from "./views/list-pages.tsx";
import { SlotChoicePage } from "./views/slot-choice-page.tsx";
import { type StepKey, stepHref, stepKeys, stepsOf } from "./views/steps.ts";

export async function applicationsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const services = app.deps.accreditation;

  /** A step of the application, with the errors of a refused form when there are any. */
  async function showApplication(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    problems: Problem[] = [],
    values: Record<string, string> = {},
    step: StepKey = "kind",
  ) {
    const details = await services.applications.details(cabinetActor(request), id);
    if (!details) return sendError(request, reply, "NOT_FOUND");
    const view = buildApplicationView(details);
    // The portfolio and the report are steps of periodic accreditation only.
    if (!stepsOf(view.periodic).includes(step)) return reply.redirect(stepHref(id, "kind"), 303);
    const page = (
      <ApplicationPage
        {...pageFrame(request, reply)}
        view={view}
        step={step}
        errors={problems}
        values={values}
      />
    );
    return sendHtml(reply, page, problems.length > 0 ? 400 : 200);
  }

  /** A slot's own page: the fitting documents to choose from and the upload of a new one. */
  async function showSlot(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    slotId: string,
    problems: Problem[] = [],
  ) {
    const details = await services.applications.details(cabinetActor(request), id);
    if (!details) return sendError(request, reply, "NOT_FOUND");
    const view = buildApplicationView(details);
    const slot = view.slots.find((candidate) => candidate.id === slotId);
    if (!slot) return sendError(request, reply, "NOT_FOUND");
    if (!view.editable) return reply.redirect(`${stepHref(id, "documents")}${slotAnchor(slotId)}`, 303);
    const page = (
      <SlotChoicePage
        {...pageFrame(request, reply)}
        view={view}
        slot={slot}
        choices={slotChoices(details, slotId)}
        errors={problems}
      />
    );
    return sendHtml(reply, page, problems.length > 0 ? 400 : 200);
  }

  app.get(
    "/lk/applications",
    {
      preHandler: requireViewer,
      schema: { querystring: Type.Object({ after: Type.Optional(Type.String({ maxLength: 80 })) }) },
    },
    async (request, reply) => {
      const after = parseTimeCursor(request.query.after);
      const { applications, next } = await services.applications.listPage(cabinetActor(request), after);
      const page = (
        <ApplicationsListPage
          ctx={pageContext(request, reply)}
          applications={applications}
          paging={{ first: after !== undefined, next }}
          flash={takeFlash(request)}
        />
      );
      return sendHtml(reply, page);
    },
  );

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

  for (const step of stepKeys) {
    const url = step === "kind" ? "/lk/applications/:id" : `/lk/applications/:id/${step}`;
    app.get(url, { preHandler: requireViewer, schema: { params: idParams } }, (request, reply) =>
      showApplication(request, reply, request.params.id, [], {}, step),
    );
  }

  app.get(
    "/lk/applications/:id/slots/:itemId",
    { preHandler: requireViewer, schema: { params: itemParams } },
    (request, reply) => showSlot(request, reply, request.params.id, request.params.itemId),
  );

  const idForm = { preHandler: requireViewer, schema: { params: idParams, body: formBody } };
  const { drafts } = services;

  // A draft edit: the use case, then back to the place acted on (its step and anchor) with a
  // message, or that step with the errors.
  const draftEdits: [string, string, StepKey, string, typeof drafts.saveReport][] = [
    ["/report", "Отчёт сохранён.", "report", "#field-report", drafts.saveReport],
    [
      "/agreement",
      "Выбор по согласованию отчёта сохранён.",
      "report",
      "#field-agreement",
      drafts.saveAgreement,
    ],
    ["/desired-date", "Дата сохранена.", "kind", "#desired-date", drafts.saveDesiredDate],
    [
      "/portfolio",
      "Обучение добавлено в портфолио.",
      "portfolio",
      "#field-portfolio",
      drafts.addPortfolioEntry,
    ],
  ];
  for (const [path, flash, step, anchor, save] of draftEdits) {
    postOutcome<{ id: string }>(fastify, `/lk/applications/:id${path}`, idForm, {
      run: (request) => save(cabinetActor(request), request.params.id, formValues(request.body)),
      done: (request) => ({ flash, redirect: `${stepHref(request.params.id, step)}${anchor}` }),
      again: (request, reply, problems) =>
        showApplication(request, reply, request.params.id, problems, formValues(request.body), step),
    });
  }

  // Attaching from «Мои документы» happens on the slot's page; back to the slot on its step.
  const slotOf = (body: Body | undefined) => field(body, "slotId") ?? "";
  postOutcome<{ id: string }>(fastify, "/lk/applications/:id/attachments", idForm, {
    run: (request) => {
      const slotId = slotOf(request.body);
      const documentId = field(request.body, `document-${slotId}`) ?? "";
      return drafts.attach(cabinetActor(request), request.params.id, slotId, documentId);
    },
    done: (request) => ({
      flash: "Документ прикреплён.",
      redirect: slotHref(request.params.id, slotOf(request.body)),
    }),
    again: (request, reply, problems) =>
      showSlot(request, reply, request.params.id, slotOf(request.body), problems),
  });

  await filingRoutes(app, showApplication, showSlot);

  type Item = { id: string; itemId: string };
  postOutcome<Item>(
    fastify,
    "/lk/applications/:id/attachments/:itemId/remove",
    { preHandler: requireViewer, schema: { params: itemParams, body: Type.Optional(formBody) } },
    {
      run: (request) => drafts.detach(cabinetActor(request), request.params.id, request.params.itemId),
      done: (request) => ({
        flash: "Документ откреплён.",
        redirect: slotHref(request.params.id, field(request.body, "slotId")),
      }),
      again: (request, reply, problems) =>
        showApplication(request, reply, request.params.id, problems, {}, "documents"),
    },
  );
  postOutcome<Item>(
    fastify,
    "/lk/applications/:id/portfolio/:itemId/remove",
    { preHandler: requireViewer, schema: { params: itemParams } },
    {
      run: (request) =>
        drafts.removePortfolioEntry(cabinetActor(request), request.params.id, request.params.itemId),
      done: (request) => ({
        flash: "Запись удалена из портфолио.",
        redirect: `${stepHref(request.params.id, "portfolio")}#portfolio-entries`,
      }),
      again: (request, reply, problems) =>
        showApplication(request, reply, request.params.id, problems, {}, "portfolio"),
    },
  );
}
