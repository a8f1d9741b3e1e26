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
  postOutcome,
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
  const requestHref = (id: string, itemId: string) => `${back(id)}#field-request-${itemId}`;
  const idForm = { preHandler: requireViewer, schema: { params: idParams, body: formBody } };

  function move(
    path: string,
    flash: string,
    run: (actor: CabinetActor, id: string, body: Record<string, unknown>) => Promise<Outcome>,
    target: (id: string) => string = checkStep,
  ) {
    postOutcome<{ id: string }>(app, `/lk/applications/:id${path}`, idForm, {
      run: (request) => run(cabinetActor(request), request.params.id, request.body ?? {}),
      done: (request) => ({ flash, redirect: target(request.params.id) }),
      again: (request, reply, problems) =>
        showApplication(request, reply, request.params.id, problems, {}, "check"),
    });
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

  postOutcome<{ id: string }>(
    app,
    "/lk/applications/:id/submit",
    { preHandler: requireViewer, schema: { params: idParams } },
    {
      run: (request) => services.filing.submit(cabinetActor(request), request.params.id),
      done: (request) => ({
        flash: "Заявка отправлена в аккредитационную комиссию.",
        redirect: back(request.params.id),
      }),
      again: (request, reply, problems) => confirmPage(request, reply, problems),
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

  postOutcome<{ id: string; itemId: string }>(
    app,
    "/lk/applications/:id/requests/:itemId/provide",
    { preHandler: requireViewer, schema: { params: itemParams, body: formBody } },
    {
      run: (request) => {
        const { id, itemId } = request.params;
        const documentId = field(request.body, `document-${itemId}`) ?? "";
        return services.filing.provideRequested(cabinetActor(request), id, itemId, documentId);
      },
      done: ({ params }) => ({
        flash: "Документ представлен.",
        redirect: requestHref(params.id, params.itemId),
      }),
      again: (request, reply, problems) => showApplication(request, reply, request.params.id, problems),
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
     * An upload into an item (a slot, or a request of the commission): the file goes into «Мои
     * документы», then `use` takes the new document; back to the item, or `again` with the errors.
     */
    function uploadRoute(
      items: "slots" | "requests",
      use: (actor: CabinetActor, id: string, itemId: string, documentId: string) => Promise<Outcome>,
      redirect: (id: string, itemId: string) => string,
      again: ShowSlot,
    ) {
      uploads.post<{ Params: { id: string; itemId: string } }>(
        `/lk/applications/:id/${items}/:itemId/upload`,
        { preHandler: requireViewer, schema: { params: itemParams }, config: { rateLimit } },
        async (request, reply) => {
          const { id, itemId } = request.params;
          const showErrors = (problems: Problem[]) => again(request, reply, id, itemId, problems);
          const { fields, file } = await readUpload(request, documentsService.receive);
          const uploaded = await documentsService.upload(actorOf(request), fields[`type-${itemId}`], file);
          if (!uploaded.ok) {
            const problems = uploaded.rejections.map((rejection) => ({
              field: `file-${itemId}`,
              message: rejectionMessage(rejection),
            }));
            return showErrors(problems);
          }
          const outcome = await use(cabinetActor(request), id, itemId, uploaded.document.id);
          const flash = `Документ «${uploaded.document.originalName}» загружен и прикреплён.`;
          return respond(request, reply, outcome, { flash, redirect: redirect(id, itemId) }, showErrors);
        },
      );
    }

    uploadRoute("slots", services.drafts.attach, slotHref, showSlot);
    uploadRoute(
      "requests",
      services.filing.provideRequested,
      requestHref,
      (request, reply, id, _itemId, problems) => showApplication(request, reply, id, problems),
    );
  });
}
