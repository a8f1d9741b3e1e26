// The commission's back office (/review, C1). Operators log in through ESIA like everyone and choose
// «Аккредитационная комиссия» after login; every use case re-checks the operators table.

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { sendError } from "../../http/errors.tsx";
import { takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import type { Problem } from "../applications/applications.policy.ts";
import type { Outcome } from "../applications/applications.service.ts";
import {
  type Body,
  cabinetActor,
  field,
  formBody,
  formValues,
  idParams,
  respond,
} from "../applications/routes-support.ts";
import { downloadHeaders } from "../documents/download.ts";
import { sendSignaturePart } from "../signatures/signatures.http.ts";
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

const queueQuery = Type.Object({
  status: Type.Optional(Type.String({ maxLength: 40 })),
  kind: Type.Optional(Type.String({ maxLength: 40 })),
  specialty: Type.Optional(Type.String({ maxLength: 40 })),
  overdue: Type.Optional(Type.String({ maxLength: 1 })),
  after: Type.Optional(Type.String({ maxLength: 40 })),
  page: Type.Optional(Type.String({ maxLength: 7 })),
});
const documentParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  documentId: Type.String({ maxLength: 64 }),
});

const signatureParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  signatureId: Type.String({ maxLength: 64 }),
  part: Type.Union([Type.Literal("sig"), Type.Literal("document")]),
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
      <ReviewPage
        ctx={pageContext(request, reply)}
        details={details}
        flash={takeFlash(request)}
        errors={problems}
        values={values}
      />
    );
    return sendHtml(reply, page, problems.length > 0 ? 400 : 200);
  }

  app.get<{ Querystring: Record<string, string | undefined> }>(
    "/review",
    { preHandler: requireCommission, schema: { querystring: queueQuery } },
    async (request, reply) => {
      const queue = await review.queue(cabinetActor(request), request.query);
      if (!queue) return sendError(request, reply, "NOT_OPERATOR");
      return sendHtml(
        reply,
        <QueuePage ctx={pageContext(request, reply)} queue={queue} flash={takeFlash(request)} />,
      );
    },
  );

  app.get<{ Params: { id: string } }>(
    "/review/applications/:id",
    { preHandler: requireCommission, schema: { params: idParams } },
    (request, reply) => showReview(request, reply, request.params.id),
  );

  app.get<{ Params: { id: string; documentId: string } }>(
    "/review/applications/:id/documents/:documentId",
    { preHandler: requireCommission, schema: { params: documentParams } },
    async (request, reply) => {
      const document = await review.document(
        cabinetActor(request),
        request.params.id,
        request.params.documentId,
      );
      if (!document) return sendError(request, reply, "NOT_FOUND");
      return reply
        .headers(downloadHeaders(document))
        .send(await app.deps.fileStorage.open(document.storageKey));
    },
  );

  // The head's signature on the report's agreement and the decision document it signs.
  app.get<{ Params: { id: string; signatureId: string; part: string } }>(
    "/review/applications/:id/signatures/:signatureId/:part",
    { preHandler: requireCommission, schema: { params: signatureParams } },
    async (request, reply) => {
      const { id, signatureId, part } = request.params;
      const details = await review.details(cabinetActor(request), id);
      const row = details?.agreementSignatures.find((candidate) => candidate.id === signatureId);
      if (!row) return sendError(request, reply, "NOT_FOUND");
      return sendSignaturePart(reply, row, part, `zayavka-${details?.application.number ?? ""}`);
    },
  );

  function move(
    path: string,
    flash: string,
    run: (request: FastifyRequest<{ Params: { id: string }; Body: Body }>) => Promise<Outcome>,
  ) {
    app.post<{ Params: { id: string }; Body: Body }>(
      `/review/applications/:id${path}`,
      { preHandler: requireCommission, schema: { params: idParams, body: formBody } },
      async (request, reply) => {
        const { id } = request.params;
        return respond(
          request,
          reply,
          await run(request),
          { flash, redirect: `/review/applications/${id}` },
          (problems) => showReview(request, reply, id, problems, formValues(request.body)),
        );
      },
    );
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
