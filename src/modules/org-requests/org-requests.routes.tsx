// «Заявления организации» in the cabinet (O9) and their decision in the back office. Registered
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
import { cabinetActorOf, cabinetRoute } from "../organizations/cabinet.guard.tsx";
import { formBody } from "../organizations/form-body.ts";
import { discardForm, readMultipartForm } from "../organizations/organization-files.ts";
import { requireCommission } from "../review/review.routes.tsx";
import { authorizeOperator } from "../review/review.service.ts";
import {
  findRequest,
  findRequestForOperator,
  listRequestEvents,
  listRequests,
  listRequestsToDecide,
} from "./org-requests.repository.ts";
import { REQUESTS_POWER } from "./org-requests.service.ts";
import { isKind } from "./org-requests.validation.ts";
import { RequestReviewPage, RequestsToDecidePage } from "./views/org-request-review-pages.tsx";
import { RequestFormPage, RequestKindsPage, RequestPage, RequestsPage } from "./views/org-requests-pages.tsx";

const idParams = Type.Object({ id: Type.String({ format: "uuid" }) });
const fileParams = Type.Object({
  id: Type.String({ format: "uuid" }),
  fileId: Type.String({ format: "uuid" }),
});
const kindQuery = Type.Object({ kind: Type.Optional(Type.String({ maxLength: 40 })) });

export async function orgRequestsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { database, cabinet, fileStorage, documentsService } = app.deps;
  const db = database.db;
  const guard = cabinetRoute(REQUESTS_POWER);
  const byId = { schema: { params: idParams }, attachValidation: true };

  app.get("/org/requests", { preHandler: guard }, async (request, reply) => {
    const actor = cabinetActorOf(request);
    const page = (
      <RequestsPage
        ctx={pageContext(request, reply)}
        actor={actor}
        requests={await listRequests(db, actor.organization.id)}
        flash={takeFlash(request)}
      />
    );
    return sendHtml(reply, page);
  });

  app.get(
    "/org/requests/new",
    { preHandler: guard, schema: { querystring: kindQuery }, attachValidation: true },
    async (request, reply) => {
      const actor = cabinetActorOf(request);
      const kind = request.validationError ? undefined : request.query.kind;
      const ctx = pageContext(request, reply);
      if (!isKind(kind)) return sendHtml(reply, <RequestKindsPage ctx={ctx} actor={actor} />);
      return sendHtml(reply, <RequestFormPage ctx={ctx} actor={actor} kind={kind} values={{}} errors={[]} />);
    },
  );

  app.post("/org/requests", { preHandler: guard }, async (request, reply) => {
    const actor = cabinetActorOf(request);
    const form = await readMultipartForm(request, documentsService.receive);
    try {
      const outcome = await cabinet.orgRequests.submit(actor, form.fields, form.files);
      if (outcome.ok) {
        setFlash(request, "Заявление подано. О решении оператора вы получите уведомление.");
        return reply.redirect(`/org/requests/${outcome.id}`, 303);
      }
      if (!("errors" in outcome)) return sendError(request, reply, "FORBIDDEN");
      const ctx = pageContext(request, reply);
      const kind = form.fields.kind;
      const page = isKind(kind) ? (
        <RequestFormPage ctx={ctx} actor={actor} kind={kind} values={form.fields} errors={outcome.errors} />
      ) : (
        <RequestKindsPage ctx={ctx} actor={actor} />
      );
      return sendHtml(reply, page, 400);
    } finally {
      await discardForm(form);
    }
  });

  app.get("/org/requests/:id", { preHandler: guard, ...byId }, async (request, reply) => {
    const actor = cabinetActorOf(request);
    const found = request.validationError
      ? undefined
      : await findRequest(db, actor.organization.id, request.params.id);
    if (!found) return sendError(request, reply, "NOT_FOUND");
    const [files, events] = await Promise.all([listFiles(db, found.id), listRequestEvents(db, found.id)]);
    const page = (
      <RequestPage
        ctx={pageContext(request, reply)}
        actor={actor}
        request={found}
        files={files}
        events={events}
        flash={takeFlash(request)}
      />
    );
    return sendHtml(reply, page);
  });

  app.get(
    "/org/requests/:id/files/:fileId",
    { preHandler: guard, schema: { params: fileParams }, attachValidation: true },
    async (request, reply) => {
      const actor = cabinetActorOf(request);
      const found = request.validationError
        ? undefined
        : await findRequest(db, actor.organization.id, request.params.id);
      const file = found && (await listFiles(db, found.id)).find((row) => row.id === request.params.fileId);
      if (!file) return sendError(request, reply, "NOT_FOUND");
      return reply.headers(downloadHeaders(file)).send(await fileStorage.open(file.storageKey));
    },
  );

  // The back office: operators only, checked against the operators table before anything is read.
  const operator = (request: FastifyRequest, action: string) =>
    authorizeOperator(db, cabinetActor(request), action);

  app.get("/review/org-requests", { preHandler: requireCommission }, async (request, reply) => {
    if (!(await operator(request, "org_request.queue"))) return sendError(request, reply, "NOT_OPERATOR");
    const page = (
      <RequestsToDecidePage
        ctx={pageContext(request, reply)}
        entries={await listRequestsToDecide(db)}
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
    const entry = await findRequestForOperator(db, id);
    if (!entry) return sendError(request, reply, "NOT_FOUND");
    const [files, events] = await Promise.all([
      listFiles(db, entry.request.id),
      listRequestEvents(db, entry.request.id),
    ]);
    const page = (
      <RequestReviewPage
        ctx={pageContext(request, reply)}
        entry={entry}
        files={files}
        events={events}
        values={form.values}
        errors={form.errors}
      />
    );
    return sendHtml(reply, page, form.errors.length > 0 ? 400 : 200);
  }

  app.get("/review/org-requests/:id", { preHandler: requireCommission, ...byId }, async (request, reply) => {
    if (!(await operator(request, "org_request.view"))) return sendError(request, reply, "NOT_OPERATOR");
    if (request.validationError) return sendError(request, reply, "NOT_FOUND");
    return showReview(request, reply, request.params.id);
  });

  app.post(
    "/review/org-requests/:id/decide",
    { preHandler: requireCommission, schema: { params: idParams, body: formBody }, attachValidation: true },
    async (request, reply) => {
      if (request.validationError) return sendError(request, reply, "NOT_FOUND");
      const outcome = await cabinet.orgRequests.decide(
        cabinetActor(request),
        request.params.id,
        request.body,
      );
      if (outcome.ok) {
        setFlash(request, "Решение по заявлению сохранено, организация уведомлена.");
        return reply.redirect("/review/org-requests", 303);
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
