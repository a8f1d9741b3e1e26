// Route schemas, settings and the guard shared by the support desk's route files.
import type { FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { sendError } from "../../http/errors.tsx";
import { optionalText } from "../../shared/route-schemas.ts";
import { attachmentFormMultipart } from "../documents/attachment-form-multipart.ts";
import type { ChatOutcome } from "./support.chat.ts";
import { MAX_ATTACHMENTS } from "./support.input.ts";

export const idParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const attachmentParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  attachmentId: Type.String({ maxLength: 64 }),
});
export const prefillQuery = Type.Object({
  code: optionalText(60),
  at: optionalText(40),
  kind: optionalText(40),
});
export const chatQuery = Type.Object({ after: optionalText(15) });

/** The multipart limits of every support form: three files of 5 MB, a few short fields. */
export const supportMultipart = attachmentFormMultipart(MAX_ATTACHMENTS, 8192);

export const chatRefusals: Record<Exclude<ChatOutcome, { ok: true }>["reason"], string> = {
  "not-found": "",
  offline: "Чат сейчас не работает: напишите ответ в обращении, мы его увидим.",
  closed: "Обращение закрыто, чат недоступен.",
  invalid: "Напишите сообщение.",
};

/**
 * preHandler of the back office: signed in and acting as «Техническая поддержка», otherwise the page
 * that says why not; the use cases check the operators table again.
 */
export async function requireSupportDesk(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!request.viewer)
    return void (await sendError(
      request,
      reply,
      request.sessionExpired ? "SESSION_EXPIRED" : "UNAUTHENTICATED",
    ));
  if (request.viewer.context?.kind !== "support") await sendError(request, reply, "NOT_SUPPORT_OPERATOR");
}
