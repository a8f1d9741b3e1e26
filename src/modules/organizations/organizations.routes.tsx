// The organization's cabinet: home with the card (O4, O5), status, feedback (O5), missing data (O6),
// and the public page about kinds of organizations (O15). Each route names the power it needs.
import multipart from "@fastify/multipart";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendError } from "../../http/errors.tsx";
import { setFlash, takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import type { FieldError } from "../../ui/form.tsx";
import { listGrantsOf } from "../access/access.repository.ts";
import { accessRoutes } from "../access/access.routes.tsx";
import { attachmentFormMultipart } from "../documents/attachment-form-multipart.ts";
import { listLicences } from "../licences/licences.repository.ts";
import { licencesRoutes } from "../licences/licences.routes.tsx";
import { orgDocumentsRoutes } from "../org-documents/org-documents.routes.tsx";
import { orgRequestsRoutes } from "../org-requests/org-requests.routes.tsx";
import { staffRoutes } from "../staff/staff.routes.tsx";
import { staffImportRoutes } from "../staff/staff-import.routes.tsx";
import { latestDataRequest, listCorrectionRequests } from "./activation.repository.ts";
import { MAX_ATTACHMENTS } from "./activation.service.ts";
import { type DataFormInput, dataFormFields } from "./activation.validation.ts";
import { backOfficeRoutes } from "./back-office.routes.tsx";
import { cabinetActorOf, cabinetRoute } from "./cabinet.guard.tsx";
import { sendCabinetPage } from "./cabinet-page-reply.tsx";
import { formBody } from "./form-body.ts";
import { journalRoutes } from "./journal.routes.tsx";
import { discardForm, readMultipartForm } from "./organization-files.ts";
import { reportsRoutes } from "./reports.routes.tsx";
import { listNotices } from "./security.repository.ts";
import { securityRoutes } from "./security.routes.tsx";
import { DataFormPage } from "./views/data-form-page.tsx";
import { FeedbackPage } from "./views/feedback-page.tsx";
import { KindsPage } from "./views/kinds-page.tsx";
import { buildOrganizationHomeView } from "./views/organization-home.view.ts";
import { OrganizationHomePage } from "./views/organization-home-page.tsx";
import { StatusPage } from "./views/status-page.tsx";

export async function organizationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { database, cabinet } = app.deps;
  const db = database.db;

  // Registered in this plugin, so the limits apply to the cabinet's forms only.
  await app.register(multipart, attachmentFormMultipart(MAX_ATTACHMENTS, 4096));

  await app.register(accessRoutes);
  await app.register(staffRoutes);
  await app.register(staffImportRoutes);
  await app.register(securityRoutes);
  await app.register(journalRoutes);
  await app.register(reportsRoutes);
  await app.register(backOfficeRoutes);
  await app.register(licencesRoutes);
  await app.register(orgRequestsRoutes);
  await app.register(orgDocumentsRoutes);

  app.get("/organizations/kinds", async (request, reply) =>
    sendHtml(reply, <KindsPage ctx={pageContext(request, reply)} />),
  );

  app.get("/org", { preHandler: cabinetRoute("organization.view") }, async (request, reply) => {
    const actor = cabinetActorOf(request);
    const managers = actor.powers.has("access.manage");
    const [notices, dataRequest, licences] = await Promise.all([
      listNotices(db, actor.organization.id, managers ? ["managers", "all"] : ["all"], 10),
      latestDataRequest(db, actor.organization.id),
      listLicences(db, actor.organization.id),
    ]);
    const view = buildOrganizationHomeView(actor, notices, dataRequest?.corrections ?? []);
    return sendCabinetPage(request, reply, OrganizationHomePage, {
      organization: actor.organization,
      view,
      licences,
    });
  });

  app.get("/org/status", { preHandler: cabinetRoute("organization.view") }, async (request, reply) => {
    const actor = cabinetActorOf(request);
    const [grants, dataRequest, corrections] = await Promise.all([
      actor.snils ? listGrantsOf(db, actor.organization.id, actor.snils) : [],
      latestDataRequest(db, actor.organization.id),
      listCorrectionRequests(db, actor.organization.id),
    ]);
    const data = { grants, dataRequest, corrections };
    return sendHtml(reply, <StatusPage ctx={pageContext(request, reply)} actor={actor} data={data} />);
  });

  /** The feedback form: empty, with the flash of what was sent; or as sent back with its errors. */
  function feedbackPage(
    request: FastifyRequest,
    reply: FastifyReply,
    refused?: { values: Record<string, string | undefined>; errors: FieldError[] },
  ) {
    const form = refused ?? { values: {}, errors: [], flash: takeFlash(request) };
    const page = <FeedbackPage ctx={pageContext(request, reply)} actor={cabinetActorOf(request)} {...form} />;
    return sendHtml(reply, page, refused ? 400 : 200);
  }

  app.get("/org/feedback", { preHandler: cabinetRoute("feedback.send") }, (request, reply) =>
    feedbackPage(request, reply),
  );

  app.post(
    "/org/feedback",
    { preHandler: cabinetRoute("feedback.send"), schema: { body: formBody } },
    async (request, reply) => {
      const actor = cabinetActorOf(request);
      const outcome = await cabinet.corrections.request(actor, request.body);
      if (outcome.ok) {
        setFlash(request, "Запрос отправлен. Ответ оператора появится в уведомлениях кабинета.");
        return reply.redirect("/org/feedback", 303);
      }
      if ("forbidden" in outcome) return sendError(request, reply, "FORBIDDEN");
      return feedbackPage(request, reply, { values: request.body, errors: outcome.errors });
    },
  );

  function dataFormPage(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values: DataFormInput; errors: FieldError[] },
    status = 200,
  ) {
    return sendHtml(
      reply,
      <DataFormPage ctx={pageContext(request, reply)} actor={cabinetActorOf(request)} {...form} />,
      status,
    );
  }

  app.get("/org/data", { preHandler: cabinetRoute("organization.edit") }, async (request, reply) => {
    const actor = cabinetActorOf(request);
    const { organization } = actor;
    const values: DataFormInput = {
      inn: organization.inn,
      kpp: organization.kpp ?? undefined,
      headName: organization.headName ?? undefined,
      headPosition: organization.headPosition ?? undefined,
      contactPhone: organization.contactPhone ?? undefined,
      contactEmail: organization.contactEmail ?? undefined,
      kind: organization.kind,
    };
    return dataFormPage(request, reply, { values, errors: [] });
  });

  app.post("/org/data", { preHandler: cabinetRoute("organization.edit") }, async (request, reply) => {
    const actor = cabinetActorOf(request);
    const form = await readMultipartForm(request, app.deps.documentsService.receive);
    try {
      const input = Object.fromEntries(
        dataFormFields.map((field) => [field, form.fields[field]]),
      ) as DataFormInput;
      const outcome = await cabinet.activation.submit(actor, input, form.files);
      if (outcome.ok) {
        setFlash(request, "Сведения отправлены на проверку. О результате вы получите уведомление.");
        return reply.redirect("/org", 303);
      }
      if ("forbidden" in outcome) return sendError(request, reply, "FORBIDDEN");
      const errors = "errors" in outcome ? outcome.errors : [];
      // A closed form (sent already, or the cabinet is active) shows where things stand.
      return dataFormPage(request, reply, { values: input, errors }, "closed" in outcome ? 409 : 400);
    } finally {
      await discardForm(form);
    }
  });
}
