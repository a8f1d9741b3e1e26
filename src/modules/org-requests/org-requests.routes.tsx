// «Заявления организации» in the cabinet (O9) and their decision in the back office. Registered
// inside the organization routes, so the cabinet's multipart limits and guards apply.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { sendError } from "../../http/errors.tsx";
import { takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import {
  blankForm,
  byId,
  fileFromForm,
  ownById,
  reviewRoutes,
  sendStoredFile,
} from "../org-submissions/submission.routes.tsx";
import { listFiles } from "../organizations/activation.repository.ts";
import { cabinetActorOf, cabinetRoute } from "../organizations/cabinet.guard.tsx";
import { sendCabinetPage } from "../organizations/cabinet-page-reply.tsx";
import { findRequest, listRequests, listRequestsToDecide, requestRows } from "./org-requests.repository.ts";
import { REQUESTS_POWER } from "./org-requests.service.ts";
import { isKind } from "./org-requests.validation.ts";
import { RequestReviewPage, RequestsToDecidePage } from "./views/org-request-review-pages.tsx";
import { RequestFormPage, RequestKindsPage, RequestPage, RequestsPage } from "./views/org-requests-pages.tsx";

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
  const ownRequest = (request: Parameters<typeof ownById>[0]) =>
    ownById(request, (organizationId, id) => findRequest(db, organizationId, id));
  /** What both the cabinet's and the back office's page of a request show besides the request. */
  const filesAndHistory = async (id: string) => {
    const [files, events] = await Promise.all([listFiles(db, id), requestRows.history(db, id)]);
    return { files, events };
  };

  app.get("/org/requests", { preHandler: guard }, async (request, reply) =>
    sendCabinetPage(request, reply, RequestsPage, {
      requests: await listRequests(db, cabinetActorOf(request).organization.id),
    }),
  );

  app.get(
    "/org/requests/new",
    { preHandler: guard, schema: { querystring: kindQuery }, attachValidation: true },
    async (request, reply) => {
      const actor = cabinetActorOf(request);
      const kind = request.validationError ? undefined : request.query.kind;
      const ctx = pageContext(request, reply);
      if (!isKind(kind)) return sendHtml(reply, <RequestKindsPage ctx={ctx} actor={actor} />);
      return sendHtml(reply, <RequestFormPage ctx={ctx} actor={actor} kind={kind} {...blankForm} />);
    },
  );

  app.post("/org/requests", { preHandler: guard }, async (request, reply) => {
    const actor = cabinetActorOf(request);
    return fileFromForm(request, reply, {
      receive: documentsService.receive,
      file: (form) => cabinet.orgRequests.submit(actor, form.fields, form.files),
      done: ({ id }) => ({
        flash: "Заявление подано. О решении оператора вы получите уведомление.",
        location: `/org/requests/${id}`,
      }),
      refused: (ctx, { fields }, errors) =>
        isKind(fields.kind) ? (
          <RequestFormPage ctx={ctx} actor={actor} kind={fields.kind} values={fields} errors={errors} />
        ) : (
          <RequestKindsPage ctx={ctx} actor={actor} />
        ),
    });
  });

  app.get("/org/requests/:id", { preHandler: guard, ...byId }, async (request, reply) => {
    const found = await ownRequest(request);
    if (!found) return sendError(request, reply, "NOT_FOUND");
    const ctx = pageContext(request, reply);
    const actor = cabinetActorOf(request);
    const flash = takeFlash(request);
    const page = (
      <RequestPage
        ctx={ctx}
        actor={actor}
        request={found}
        flash={flash}
        {...(await filesAndHistory(found.id))}
      />
    );
    return sendHtml(reply, page);
  });

  app.get(
    "/org/requests/:id/files/:fileId",
    { preHandler: guard, schema: { params: fileParams }, attachValidation: true },
    async (request, reply) => {
      const found = await ownRequest(request);
      const file = found && (await listFiles(db, found.id)).find((row) => row.id === request.params.fileId);
      if (!file) return sendError(request, reply, "NOT_FOUND");
      return sendStoredFile(reply, fileStorage, file);
    },
  );

  reviewRoutes(app, {
    path: "/review/org-requests",
    operatorActions: "org_request",
    rows: requestRows,
    queuePage: async (ctx, flash) => (
      <RequestsToDecidePage ctx={ctx} entries={await listRequestsToDecide(db)} flash={flash} />
    ),
    reviewPage: async (ctx, entry, form) => (
      <RequestReviewPage ctx={ctx} entry={entry} {...(await filesAndHistory(entry.request.id))} {...form} />
    ),
    decide: {
      path: "decide",
      run: (actor, id, body) => cabinet.orgRequests.decide(actor, id, body),
      flash: () => "Решение по заявлению сохранено, организация уведомлена.",
    },
  });
}
