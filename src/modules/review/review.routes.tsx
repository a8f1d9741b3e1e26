// The commission's back office (/review, C1). Operators log in through ESIA like everyone and choose
// «Аккредитационная комиссия» after login; every use case re-checks the operators table.

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { sendError } from "../../http/errors.tsx";
import { sendHtml } from "../../http/render.ts";
import type { Problem } from "../applications/applications.policy.ts";
import type { Outcome } from "../applications/applications.service.ts";
import {
  type Body,
  cabinetActor,
  field,
  formBody,
  formValues,
  getFound,
  idParams,
  optionalStrings,
  pageFrame,
  postOutcome,
  sendStoredFile,
  signaturePartRoute,
} from "../applications/routes-support.ts";
import type { DocumentRow } from "../documents/documents.repository.ts";
import { QueuePage } from "./views/queue-page.tsx";
import { ReviewPage } from "./views/review-page.tsx";

/** preHandler: signed in and acting for the commission; otherwise the page that says why not. */
export async function requireCommission(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!request.viewer) {
    return void (await sendError(
      request,
      reply,
      request.sessionExpired ? "SESSION_EXPIRED" : "UNAUTHENTICATED",
    ));
  }
  if (request.viewer.context?.kind !== "commission") await sendError(request, reply, "NOT_OPERATOR");
}

const queueQuery = optionalStrings({ status: 40, kind: 40, specialty: 40, overdue: 1, after: 40, page: 7 });
const documentParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  documentId: Type.String({ maxLength: 64 }),
});

export async function reviewRoutes(app: FastifyInstance): Promise<void> {
  const { review, decisions } = app.deps.accreditation;

  async function showReview(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    problems: Problem[] = [],
    values = {},
  ) {
    const details = await review.details(cabinetActor(request), id);
    if (!details) return sendError(request, reply, "NOT_FOUND");
    const page = (
      <ReviewPage {...pageFrame(request, reply)} details={details} errors={problems} values={values} />
    );
    return sendHtml(reply, page, problems.length > 0 ? 400 : 200);
  }

  app.get<{ Querystring: Record<string, string | undefined> }>(
    "/review",
    { preHandler: requireCommission, schema: { querystring: queueQuery } },
    async (request, reply) => {
      const queue = await review.queue(cabinetActor(request), request.query);
      if (!queue) return sendError(request, reply, "NOT_OPERATOR");
      return sendHtml(reply, <QueuePage {...pageFrame(request, reply)} queue={queue} />);
    },
  );

  app.get<{ Params: { id: string } }>(
    "/review/applications/:id",
    { preHandler: requireCommission, schema: { params: idParams } },
    (request, reply) => showReview(request, reply, request.params.id),
  );

  getFound<{ id: string; documentId: string }, DocumentRow>(
    app,
    "/review/applications/:id/documents/:documentId",
    { preHandler: requireCommission, schema: { params: documentParams } },
    (request) => review.document(cabinetActor(request), request.params.id, request.params.documentId),
    sendStoredFile(app.deps.fileStorage),
  );

  // The head's signature on the report's agreement and the decision document it signs.
  signaturePartRoute(
    app,
    "/review/applications/:id/signatures/:signatureId/:part",
    requireCommission,
    async (request) => {
      const details = await review.details(cabinetActor(request), request.params.id);
      return {
        rows: details?.agreementSignatures ?? [],
        baseName: `zayavka-${details?.application.number ?? ""}`,
      };
    },
  );

  const idForm = { preHandler: requireCommission, schema: { params: idParams, body: formBody } };
  function move(
    path: string,
    flash: string,
    run: (request: FastifyRequest<{ Params: { id: string }; Body: Body }>) => Promise<Outcome>,
  ) {
    postOutcome<{ id: string }>(app, `/review/applications/:id${path}`, idForm, {
      run,
      done: (request) => ({ flash, redirect: `/review/applications/${request.params.id}` }),
      again: (request, reply, problems) =>
        showReview(request, reply, request.params.id, problems, formValues(request.body)),
    });
  }

  move("/start-review", "Заявление принято к рассмотрению.", (request) =>
    decisions.startReview(cabinetActor(request), request.params.id),
  );
  move("/transfer", "Заявление передано в комиссию.", (request) =>
    decisions.transferToCommission(cabinetActor(request), request.params.id),
  );
  move("/assign", "Ответственный назначен.", (request) =>
    decisions.assign(cabinetActor(request), request.params.id, field(request.body, "assigneeId")),
  );
  move("/request-documents", "Документы запрошены. Заявитель получит уведомление.", (request) =>
    decisions.requestDocuments(cabinetActor(request), request.params.id, request.body ?? {}),
  );
  move("/decide", "Решение принято. Заявитель получит уведомление.", (request) =>
    decisions.decide(cabinetActor(request), request.params.id, request.body ?? {}),
  );
}
