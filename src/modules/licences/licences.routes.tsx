// «Лицензии» in the organization's cabinet (O17) and their check in the back office. Registered
// inside the organization routes, so the cabinet's multipart limits and guards apply.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { sendError } from "../../http/errors.tsx";
import { setFlash, takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import { cabinetActor } from "../applications/routes-support.ts";
import { downloadHeaders } from "../documents/download.ts";
import { listFiles } from "../organizations/activation.repository.ts";
import { type CabinetActor, cabinetActorOf, cabinetRoute } from "../organizations/cabinet.guard.tsx";
import { formBody } from "../organizations/form-body.ts";
import { discardForm, readMultipartForm } from "../organizations/organization-files.ts";
import { requireCommission } from "../review/review.routes.tsx";
import { authorizeOperator } from "../review/review.service.ts";
import {
  findLicence,
  findLicenceForOperator,
  listLicenceEvents,
  listLicences,
  listLicencesToVerify,
} from "./licences.repository.ts";
import { LicenceReviewPage, LicencesToVerifyPage } from "./views/licence-review-pages.tsx";
import { LicenceFormPage, LicencePage, LicencesPage } from "./views/licences-pages.tsx";

const idParams = Type.Object({ id: Type.String({ format: "uuid" }) });
/** A hospital's licence may list a hundred works per address: more room than the cabinet's usual fields. */
const LICENCE_FIELD_BYTES = 32 * 1024;

export async function licencesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { database, cabinet, fileStorage, documentsService } = app.deps;
  const db = database.db;
  const view = cabinetRoute("organization.view");
  const manage = cabinetRoute("licences.manage");
  const byId = { schema: { params: idParams }, attachValidation: true };

  async function showLicence(
    request: FastifyRequest,
    reply: FastifyReply,
    actor: CabinetActor,
    id: string,
    form: { values: Record<string, string>; errors: { field: string; message: string }[] } = {
      values: {},
      errors: [],
    },
  ) {
    const licence = await findLicence(db, actor.organization.id, id);
    if (!licence) return sendError(request, reply, "NOT_FOUND");
    const page = (
      <LicencePage
        ctx={pageContext(request, reply)}
        actor={actor}
        licence={licence}
        events={await listLicenceEvents(db, licence.id)}
        values={form.values}
        errors={form.errors}
        flash={takeFlash(request)}
      />
    );
    return sendHtml(reply, page, form.errors.length > 0 ? 400 : 200);
  }

  app.get("/org/licences", { preHandler: view }, async (request, reply) => {
    const actor = cabinetActorOf(request);
    const page = (
      <LicencesPage
        ctx={pageContext(request, reply)}
        actor={actor}
        licences={await listLicences(db, actor.organization.id)}
        flash={takeFlash(request)}
      />
    );
    return sendHtml(reply, page);
  });

  app.get("/org/licences/new", { preHandler: manage }, async (request, reply) =>
    sendHtml(
      reply,
      <LicenceFormPage
        ctx={pageContext(request, reply)}
        actor={cabinetActorOf(request)}
        values={{}}
        errors={[]}
      />,
    ),
  );

  app.post("/org/licences", { preHandler: manage }, async (request, reply) => {
    const actor = cabinetActorOf(request);
    const form = await readMultipartForm(request, documentsService.receive, [], {
      fieldSize: LICENCE_FIELD_BYTES,
    });
    try {
      const outcome = await cabinet.licences.add(actor, form.fields, form.files);
      if (outcome.ok) {
        setFlash(request, "Лицензия внесена и отправлена оператору на проверку.");
        return reply.redirect(`/org/licences/${outcome.id}`, 303);
      }
      if (!("errors" in outcome)) return sendError(request, reply, "FORBIDDEN");
      const page = (
        <LicenceFormPage
          ctx={pageContext(request, reply)}
          actor={actor}
          values={form.fields}
          errors={outcome.errors}
        />
      );
      return sendHtml(reply, page, 400);
    } finally {
      await discardForm(form);
    }
  });

  app.get("/org/licences/:id", { preHandler: view, ...byId }, async (request, reply) => {
    if (request.validationError) return sendError(request, reply, "NOT_FOUND");
    return showLicence(request, reply, cabinetActorOf(request), request.params.id);
  });

  app.get("/org/licences/:id/scan", { preHandler: manage, ...byId }, async (request, reply) => {
    const actor = cabinetActorOf(request);
    const licence = request.validationError
      ? undefined
      : await findLicence(db, actor.organization.id, request.params.id);
    const [file] = licence ? await listFiles(db, licence.id) : [];
    if (!file) return sendError(request, reply, "NOT_FOUND");
    return reply.headers(downloadHeaders(file)).send(await fileStorage.open(file.storageKey));
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

  // The back office: operators only, checked against the operators table before anything is read.
  const operator = (request: FastifyRequest, action: string) =>
    authorizeOperator(db, cabinetActor(request), action);

  app.get("/review/licences", { preHandler: requireCommission }, async (request, reply) => {
    if (!(await operator(request, "licence.queue"))) return sendError(request, reply, "NOT_OPERATOR");
    const page = (
      <LicencesToVerifyPage
        ctx={pageContext(request, reply)}
        entries={await listLicencesToVerify(db)}
        flash={takeFlash(request)}
      />
    );
    return sendHtml(reply, page);
  });

  async function showReview(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form: { values: Record<string, string>; errors: { field: string; message: string }[] } = {
      values: {},
      errors: [],
    },
  ) {
    const entry = await findLicenceForOperator(db, id);
    if (!entry) return sendError(request, reply, "NOT_FOUND");
    const page = (
      <LicenceReviewPage
        ctx={pageContext(request, reply)}
        entry={entry}
        files={await listFiles(db, entry.licence.id)}
        values={form.values}
        errors={form.errors}
      />
    );
    return sendHtml(reply, page, form.errors.length > 0 ? 400 : 200);
  }

  app.get("/review/licences/:id", { preHandler: requireCommission, ...byId }, async (request, reply) => {
    if (!(await operator(request, "licence.view"))) return sendError(request, reply, "NOT_OPERATOR");
    if (request.validationError) return sendError(request, reply, "NOT_FOUND");
    return showReview(request, reply, request.params.id);
  });

  app.post(
    "/review/licences/:id/verify",
    { preHandler: requireCommission, schema: { params: idParams, body: formBody }, attachValidation: true },
    async (request, reply) => {
      if (request.validationError) return sendError(request, reply, "NOT_FOUND");
      const { decision = "", comment = "" } = request.body;
      const outcome = await cabinet.licences.verify(
        cabinetActor(request),
        request.params.id,
        decision,
        comment,
      );
      if (outcome.ok) {
        setFlash(
          request,
          decision === "verified" ? "Сведения о лицензии подтверждены." : "Сведения возвращены организации.",
        );
        return reply.redirect("/review/licences", 303);
      }
      if ("errors" in outcome)
        return showReview(request, reply, request.params.id, {
          values: request.body,
          errors: outcome.errors,
        });
      return sendError(request, reply, "forbidden" in outcome ? "NOT_OPERATOR" : "NOT_FOUND");
    },
  );
}
