// The worker's moves on an application: to the head and back, «Отправить заявку» with its summary,
// withdrawal, documents uploaded in place (into a slot, or for the commission's request).
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendError } from "../../http/errors.tsx";
import { pageContext, sendHtml } from "../../http/render.ts";
import { MAX_FILE_BYTES, rejectionMessage } from "../documents/upload-rules.ts";
import { requireViewer } from "../identity/viewer.ts";
import { actorOf } from "../register/actor.ts";
import type { CabinetActor } from "./applications.access.ts";
import type { Problem } from "./applications.policy.ts";
import type { Outcome } from "./applications.service.ts";
import {
  cabinetActor,
  field,
  formBody,
  idParams,
  itemParams,
  readUpload,
  respond,
  type ShowApplication,
  type ShowSlot,
  slotHref,
} from "./routes-support.ts";
import { buildApplicationView } from "./views/application.view.ts";
import { SubmitPage, WithdrawPage } from "./views/confirm-pages.tsx";
import { stepHref } from "./views/steps.ts";

export async function filingRoutes(
  app: FastifyInstance,
  showApplication: ShowApplication,
  showSlot: ShowSlot,
): Promise<void> {
  const services = app.deps.accreditation;
  const { documentsService } = app.deps;
  const back = (id: string) => `/lk/applications/${id}`;
  // After a move the person sees the new status and what to do next, on «Проверка и отправка».
  const checkStep = (id: string) => `${stepHref(id, "check")}#status`;

  function move(
    path: string,
    flash: string,
    run: (actor: CabinetActor, id: string, body: Record<string, unknown>) => Promise<Outcome>,
    target: (id: string) => string = checkStep,
  ) {
    app.post<{ Params: { id: string }; Body: Record<string, string> }>(
      `/lk/applications/:id${path}`,
      { preHandler: requireViewer, schema: { params: idParams, body: formBody } },
      async (request, reply) => {
        const { id } = request.params;
        const outcome = await run(cabinetActor(request), id, request.body ?? {});
        return respond(request, reply, outcome, { flash, redirect: target(id) }, (problems) =>
          showApplication(request, reply, id, problems, {}, "check"),
        );
      },
    );
  }

  move("/send-to-head", "Отчёт направлен руководителю на согласование.", (actor, id) =>
    services.filing.sendToHead(actor, id),
  );
  move("/recall", "Отчёт отозван с согласования.", (actor, id) => services.filing.recallFromHead(actor, id));
  move("/return-to-draft", "Заявка снова в черновике: её можно изменить.", (actor, id) =>
    services.filing.returnToDraft(actor, id),
  );
  move(
    "/withdraw",
    "Заявка отозвана.",
    (actor, id, body) => services.filing.withdraw(actor, id, String(body.reason ?? "")),
    back,
  );

  async function confirmPage(
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    problems: Problem[] = [],
  ) {
    const details = await services.applications.details(cabinetActor(request), request.params.id);
    if (!details) return sendError(request, reply, "NOT_FOUND");
    const view = buildApplicationView(details);
    if (!view.can.submit) return reply.redirect(stepHref(view.id, "check"), 303);
    return sendHtml(
      reply,
      <SubmitPage ctx={pageContext(request, reply)} view={view} errors={problems} />,
      problems.length ? 400 : 200,
    );
  }

  app.get<{ Params: { id: string } }>(
    "/lk/applications/:id/submit",
    { preHandler: requireViewer, schema: { params: idParams } },
    (request, reply) => confirmPage(request, reply),
  );

  app.post<{ Params: { id: string } }>(
    "/lk/applications/:id/submit",
    { preHandler: requireViewer, schema: { params: idParams } },
    async (request, reply) => {
      const outcome = await services.filing.submit(cabinetActor(request), request.params.id);
      return respond(
        request,
        reply,
        outcome,
        { flash: "Заявка отправлена в аккредитационную комиссию.", redirect: back(request.params.id) },
        (problems) => confirmPage(request, reply, problems),
      );
    },
  );

  app.get<{ Params: { id: string } }>(
    "/lk/applications/:id/withdraw",
    { preHandler: requireViewer, schema: { params: idParams } },
    async (request, reply) => {
      const details = await services.applications.details(cabinetActor(request), request.params.id);
      if (!details) return sendError(request, reply, "NOT_FOUND");
      const view = buildApplicationView(details);
      if (!view.can.withdraw) return reply.redirect(back(view.id), 303);
      return sendHtml(reply, <WithdrawPage ctx={pageContext(request, reply)} view={view} />);
    },
  );

  app.post<{ Params: { id: string; itemId: string }; Body: Record<string, string> }>(
    "/lk/applications/:id/requests/:itemId/provide",
    { preHandler: requireViewer, schema: { params: itemParams, body: formBody } },
    async (request, reply) => {
      const { id, itemId } = request.params;
      const documentId = field(request.body, `document-${itemId}`) ?? "";
      const outcome = await services.filing.provideRequested(cabinetActor(request), id, itemId, documentId);
      return respond(
        request,
        reply,
        outcome,
        { flash: "Документ представлен.", redirect: `${back(id)}#field-request-${itemId}` },
        (problems) => showApplication(request, reply, id, problems),
      );
    },
  );

  // Uploads in place: the multipart parser is registered for these routes only.
  await app.register(async (uploads) => {
    await uploads.register(multipart, {
      preservePath: true,
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 4, fieldSize: 1024, parts: 6, headerPairs: 20 },
    });
    const rateLimit = { max: app.deps.config.documents.uploadsPerMinute, timeWindow: "1 minute" };

    /**
     * Uploads the file into «Мои документы», then hands the new document to `use`; back to the slot
     * or the request it went to, or that page again with the errors.
     */
    async function uploadThen(
      request: FastifyRequest<{ Params: { id: string; itemId: string } }>,
      reply: FastifyReply,
      typeField: string,
      use: (documentId: string) => Promise<Outcome>,
      place: {
        redirect: string;
        showErrors: (problems: { field: string; message: string }[]) => Promise<unknown>;
      },
    ) {
      const { fields, file } = await readUpload(request, documentsService.receive);
      const typeCode = fields[typeField];
      const uploaded = await documentsService.upload(actorOf(request), typeCode, file);
      if (!uploaded.ok) {
        const problems = uploaded.rejections.map((rejection) => ({
          field: `file-${request.params.itemId}`,
          message: rejectionMessage(rejection),
        }));
        return place.showErrors(problems);
      }
      const outcome = await use(uploaded.document.id);
      return respond(
        request,
        reply,
        outcome,
        {
          flash: `Документ «${uploaded.document.originalName}» загружен и прикреплён.`,
          redirect: place.redirect,
        },
        place.showErrors,
      );
    }

    uploads.post<{ Params: { id: string; itemId: string } }>(
      "/lk/applications/:id/slots/:itemId/upload",
      { preHandler: requireViewer, schema: { params: itemParams }, config: { rateLimit } },
      (request, reply) =>
        uploadThen(
          request,
          reply,
          `type-${request.params.itemId}`,
          (documentId) =>
            services.drafts.attach(
              cabinetActor(request),
              request.params.id,
              request.params.itemId,
              documentId,
            ),
          {
            redirect: slotHref(request.params.id, request.params.itemId),
            showErrors: (problems) =>
              showSlot(request, reply, request.params.id, request.params.itemId, problems),
          },
        ),
    );

    uploads.post<{ Params: { id: string; itemId: string } }>(
      "/lk/applications/:id/requests/:itemId/upload",
      { preHandler: requireViewer, schema: { params: itemParams }, config: { rateLimit } },
      (request, reply) =>
        uploadThen(
          request,
          reply,
          `type-${request.params.itemId}`,
          (documentId) =>
            services.filing.provideRequested(
              cabinetActor(request),
              request.params.id,
              request.params.itemId,
              documentId,
            ),
          {
            redirect: `${back(request.params.id)}#field-request-${request.params.itemId}`,
            showErrors: (problems) => showApplication(request, reply, request.params.id, problems),
          },
        ),
    );
  });
}
