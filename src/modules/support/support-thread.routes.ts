// What every view of one request serves, the sender's and the operator's alike: the attachments'
// downloads, the chat's feed and a chat line, and the answer to a move on the request. The side
// (sender or operator) brings its own access checks, so each sees only the requests it may.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendError } from "../../http/errors.tsx";
import { setFlash } from "../../http/flash.ts";
import type { FieldError, FormState } from "../../ui/form.tsx";
import { downloadHeaders } from "../documents/download.ts";
import type { ChatAccess } from "./support.chat.ts";
import { formValuesOf } from "./support.forms.ts";
import { attachmentParams, chatQuery, chatRefusals, idParams } from "./support.http.ts";
import type { Values } from "./support.input.ts";
import type { SupportActor } from "./support.policy.ts";
import type { findAttachment } from "./support.repository.ts";
import type { ActOutcome } from "./support.service.ts";

type Attachment = NonNullable<Awaited<ReturnType<typeof findAttachment>>>;

export interface RequestThread {
  /** The requests' address, the id follows: `/lk/support`, `/support-desk/requests`. */
  base: string;
  preHandler: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  role: "sender" | "operator";
  actorOf: (request: FastifyRequest) => SupportActor;
  side: {
    attachment(actor: SupportActor, id: string, attachmentId: string): Promise<Attachment | undefined>;
    chatAccess(actor: SupportActor): ChatAccess;
  };
}

export function requestThreadRoutes(app: FastifyInstance, thread: RequestThread): void {
  const { base, preHandler, actorOf, side } = thread;
  const { chat } = app.deps.support;

  app.get<{ Params: { id: string; attachmentId: string } }>(
    `${base}/:id/attachments/:attachmentId`,
    { preHandler, schema: { params: attachmentParams } },
    async (request, reply) => {
      const attachment = await side.attachment(
        actorOf(request),
        request.params.id,
        request.params.attachmentId,
      );
      if (!attachment) return sendError(request, reply, "NOT_FOUND");
      return reply
        .headers(downloadHeaders(attachment))
        .send(await app.deps.fileStorage.open(attachment.storageKey));
    },
  );

  app.get<{ Params: { id: string }; Querystring: { after?: string } }>(
    `${base}/:id/chat.json`,
    { preHandler, schema: { params: idParams, querystring: chatQuery } },
    async (request, reply) => {
      const after = Number.parseInt(request.query.after ?? "0", 10) || 0;
      const lines = await chat.since(side.chatAccess(actorOf(request)), request.params.id, after);
      if (!lines) return sendError(request, reply, "NOT_FOUND");
      return reply.header("cache-control", "no-store").send({ lines, open: chat.isOpen() });
    },
  );

  app.post<{ Params: { id: string } }>(
    `${base}/:id/chat`,
    { preHandler, schema: { params: idParams } },
    async (request, reply) => {
      const actor = actorOf(request);
      const text = formValuesOf(request.body).chat ?? "";
      const outcome = await chat.post(side.chatAccess(actor), actor, thread.role, request.params.id, text);
      if (!outcome.ok && outcome.reason === "not-found") return sendError(request, reply, "NOT_FOUND");
      if (!outcome.ok) setFlash(request, chatRefusals[outcome.reason]);
      return reply.redirect(`${base}/${request.params.id}#chat`, 303);
    },
  );
}

/** A request's page shown without a refused form. */
export const noForm: FormState<Values> = { values: {}, errors: [] };

/** After a move: back to the request with `flash` (post/redirect/get), or its page again with the errors. */
export function answerMove(
  request: FastifyRequest,
  reply: FastifyReply,
  outcome: ActOutcome,
  done: { flash: string; location: string },
  showAgain: (problems: FieldError[]) => unknown,
) {
  if (outcome.ok) {
    setFlash(request, done.flash);
    return reply.redirect(done.location, 303);
  }
  if (outcome.reason === "invalid") return showAgain(outcome.problems);
  if (outcome.reason === "not-found") return sendError(request, reply, "NOT_FOUND");
  return sendError(request, reply, "SUPPORT_ACTION_NOT_ALLOWED");
}
