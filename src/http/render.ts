// Server-side rendering of JSX pages: preact-render-to-string escapes every value by default.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import type { PageContext } from "../ui/layout.tsx";

export function sendHtml(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply
    .code(status)
    .header("cache-control", "no-store")
    .type("text/html; charset=utf-8")
    .send(`<!doctype html>${renderToString(page)}`);
}

/**
 * What every layout needs: the signed-in person, the CSRF token for forms, the current path.
 * The token is made when a form first reads it: a page without a form (the anonymous landing page,
 * the public checks) then sets no CSRF cookie and signs nothing.
 */
export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  let csrfToken: string | undefined;
  return {
    viewer: request.viewer,
    get csrfToken() {
      csrfToken ??= reply.generateCsrf();
      return csrfToken;
    },
    path: request.url.split("?")[0] ?? "/",
    support: request.server.deps.config.support,
    standin: request.server.deps.config.standin.enabled,
    incidents: request.server.deps.incidents.active(),
  };
}
