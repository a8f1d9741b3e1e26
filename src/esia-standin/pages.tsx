// Shared page responses of the stand-in's routes.
import type { FastifyReply } from "fastify";
import type { VNode } from "preact";
import type { StandinContext } from "./context.ts";
import { fullNameOf } from "./model.ts";
import type { SsoSession } from "./store.ts";
import { renderPage } from "./views/layout.tsx";
import { ErrorPage } from "./views/protocol.tsx";

/** HTML is never cached: pages carry CSRF tokens and personal data. */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply
    .status(status)
    .header("cache-control", "no-store")
    .type("text/html; charset=utf-8")
    .send(renderPage(page));
}

export function signedInName(ctx: StandinContext, session: SsoSession | undefined): string | undefined {
  const person = session && ctx.store.accounts.get(session.oid)?.person;
  return person ? fullNameOf(person) : undefined;
}

export function csrfFailure(reply: FastifyReply) {
  return sendPage(
    reply,
    <ErrorPage
      title="Форма устарела"
      explanation="Страница была открыта слишком давно или в другом окне, поэтому данные формы не приняты. Откройте страницу заново и повторите действие."
    />,
    403,
  );
}

export function expiredRequest(reply: FastifyReply) {
  return sendPage(
    reply,
    <ErrorPage
      title="Запрос на вход устарел"
      explanation="Время на вход истекло или вход уже завершён. Вернитесь в систему, из которой вы пришли, и нажмите «Войти» ещё раз."
    />,
    400,
  );
}
