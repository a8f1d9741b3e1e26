// «Лицензии» in the organization's cabinet (O17) and their check in the back office. Registered
// inside the organization routes, so the cabinet's multipart limits and guards apply.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendError } from "../../http/errors.tsx";
import { setFlash, takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import {
  blankForm,
  byId,
  fileFromForm,
  idParams,
  ownById,
  reviewRoutes,
  sendStoredFile,
} from "../org-submissions/submission.routes.tsx";
import { listFiles } from "../organizations/activation.repository.ts";
import { type CabinetActor, cabinetActorOf, cabinetRoute } from "../organizations/cabinet.guard.tsx";
import { sendCabinetPage } from "../organizations/cabinet-page-reply.tsx";
import { formBody } from "../organizations/form-body.ts";
import { findLicence, licenceRows, listLicences, listLicencesToVerify } from "./licences.repository.ts";
import { LicenceReviewPage, LicencesToVerifyPage } from "./views/licence-review-pages.tsx";
import { LicenceFormPage, LicencePage, LicencesPage } from "./views/licences-pages.tsx";

/** A hospital's licence may list a hundred works per address: more room than the cabinet's usual fields. */
const LICENCE_FIELD_BYTES = 32 * 1024;

export async function licencesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { database, cabinet, fileStorage, documentsService } = app.deps;
  const db = database.db;
  const view = cabinetRoute("organization.view");
  const manage = cabinetRoute("licences.manage");

  async function showLicence(
    request: FastifyRequest,
    reply: FastifyReply,
    actor: CabinetActor,
    id: string,
    form = blankForm,
  ) {
    const licence = await findLicence(db, actor.organization.id, id);
    if (!licence) return sendError(request, reply, "NOT_FOUND");
    const page = (
      <LicencePage
        ctx={pageContext(request, reply)}
        actor={actor}
        licence={licence}
        events={await licenceRows.history(db, licence.id)}
        values={form.values}
        errors={form.errors}
        flash={takeFlash(request)}
      />
    );
    return sendHtml(reply, page, form.errors.length > 0 ? 400 : 200);
  }

  app.get("/org/licences", { preHandler: view }, async (request, reply) =>
    sendCabinetPage(request, reply, LicencesPage, {
      licences: await listLicences(db, cabinetActorOf(request).organization.id),
    }),
  );

  app.get("/org/licences/new", { preHandler: manage }, async (request, reply) =>
    sendHtml(
      reply,
      <LicenceFormPage ctx={pageContext(request, reply)} actor={cabinetActorOf(request)} {...blankForm} />,
    ),
  );

  app.post("/org/licences", { preHandler: manage }, async (request, reply) => {
    const actor = cabinetActorOf(request);
    return fileFromForm(request, reply, {
      receive: documentsService.receive,
      fieldSize: LICENCE_FIELD_BYTES,
      file: (form) => cabinet.licences.add(actor, form.fields, form.files),
      done: ({ id }) => ({
        flash: "Лицензия внесена и отправлена оператору на проверку.",
        location: `/org/licences/${id}`,
      }),
      refused: (ctx, form, errors) => (
        <LicenceFormPage ctx={ctx} actor={actor} values={form.fields} errors={errors} />
      ),
    });
  });

  app.get("/org/licences/:id", { preHandler: view, ...byId }, async (request, reply) => {
    if (request.validationError) return sendError(request, reply, "NOT_FOUND");
    return showLicence(request, reply, cabinetActorOf(request), request.params.id);
  });

  app.get("/org/licences/:id/scan", { preHandler: manage, ...byId }, async (request, reply) => {
    const licence = await ownById(request, (organizationId, id) => findLicence(db, organizationId, id));
    const [file] = licence ? await listFiles(db, licence.id) : [];
    if (!file) return sendError(request, reply, "NOT_FOUND");
    return sendStoredFile(reply, fileStorage, file);
  });

  app.post(
    "/org/licences/:id/status",
    { preHandler: manage, schema: { params: idParams, body: formBody }, attachValidation: true },
    async (request, reply) => {
      if (request.validationError) return sendError(request, reply, "NOT_FOUND");
      const actor = cabinetActorOf(request);
      const outcome = await cabinet.licences.changeStatus(actor, request.params.id, request.body);
      if (outcome.ok) {
        setFlash(request, "Статус лицензии изменён.");
        return reply.redirect(`/org/licences/${outcome.id}`, 303);
      }
      if ("errors" in outcome)
        return showLicence(request, reply, actor, request.params.id, {
          values: request.body,
          errors: outcome.errors,
        });
      return sendError(request, reply, "notFound" in outcome ? "NOT_FOUND" : "FORBIDDEN");
    },
  );

  reviewRoutes(app, {
    path: "/review/licences",
    operatorActions: "licence",
    rows: licenceRows,
    queuePage: async (ctx, flash) => (
      <LicencesToVerifyPage ctx={ctx} entries={await listLicencesToVerify(db)} flash={flash} />
    ),
    reviewPage: async (ctx, entry, form) => (
      <LicenceReviewPage ctx={ctx} entry={entry} files={await listFiles(db, entry.licence.id)} {...form} />
    ),
    decide: {
      path: "verify",
      run: (actor, id, { decision = "", comment = "" }) =>
        cabinet.licences.verify(actor, id, decision, comment),
      flash: ({ decision }) =>
        decision === "verified" ? "Сведения о лицензии подтверждены." : "Сведения возвращены организации.",
    },
  });
}
