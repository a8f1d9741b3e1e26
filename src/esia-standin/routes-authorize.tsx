// The browser side of the protocol: /aas/oauth2/v2/ac, the consent step and /idp/ext/Logout.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { validateAuthorization } from "./authorize.ts";
import type { RegisteredClient } from "./client-auth.ts";
import type { StandinContext } from "./context.ts";
import { errorDescription, esiaError, russianExplanation } from "./errors.ts";
import {
  continueAuthorization,
  foreignOrgScope,
  PENDING_REQUEST_TTL_SECONDS,
  redirectWithCode,
  redirectWithError,
  rememberConsent,
} from "./grant.ts";
import { csrfToken, csrfValid, currentSession, endSession, formField, queryField } from "./http.ts";
import { csrfFailure, expiredRequest, sendPage, signedInName } from "./pages.tsx";
import { ORG_SCOPES, PERSON_SCOPES } from "./scopes.ts";
import { ConsentPage, ErrorPage, MessagePage } from "./views/protocol.tsx";

export function authorizeRoutes(app: FastifyInstance, ctx: StandinContext): void {
  const authorize = (version: "v1" | "v2") => async (request: FastifyRequest, reply: FastifyReply) => {
    const outcome = validateAuthorization(request.query, {
      clients: ctx.clients,
      now: ctx.now(),
      timestampWindowSeconds: ctx.config.timestampWindowSeconds,
      version,
    });
    if (outcome.kind === "page-error") {
      return sendPage(
        reply,
        <ErrorPage
          title="Ошибка запроса на вход"
          explanation={russianExplanation(outcome.error)}
          technical={errorDescription(outcome.error)}
        />,
        400,
      );
    }
    if (outcome.kind === "redirect-error") {
      return redirectWithError(reply, outcome.redirectUri, outcome.state, outcome.error);
    }
    ctx.store.authRequests.set(outcome.request.id, outcome.request, PENDING_REQUEST_TTL_SECONDS);
    const session = currentSession(ctx, request);
    if (session) return continueAuthorization(ctx, request, reply, outcome.request, session);
    return reply.redirect(`/login?request=${encodeURIComponent(outcome.request.id)}`, 302);
  };
  app.get("/aas/oauth2/v2/ac", authorize("v2"));
  // The legacy endpoint, which systems connected earlier still use (§3.2, §6.2).
  app.get("/aas/oauth2/ac", authorize("v1"));

  app.get("/consent", async (request, reply) => {
    const pending = ctx.store.authRequests.get(queryField(request.query, "request"));
    if (!pending) return expiredRequest(reply);
    const session = currentSession(ctx, request);
    if (!session) return reply.redirect(`/login?request=${encodeURIComponent(pending.id)}`, 302);
    const account = ctx.store.accounts.get(session.oid);
    const orgGroups = new Map<number, string[]>();
    for (const scope of pending.scopes) {
      if (scope.kind !== "org") continue;
      orgGroups.set(scope.orgOid, [
        ...(orgGroups.get(scope.orgOid) ?? []),
        ORG_SCOPES[scope.name] ?? scope.name,
      ]);
    }
    return sendPage(
      reply,
      <ConsentPage
        requestId={pending.id}
        csrf={csrfToken(ctx, request, reply)}
        clientName={clientName(ctx.clients.get(pending.clientId), pending.clientId)}
        personName={signedInName(ctx, session) ?? ""}
        trusted={account?.person.level === "confirmed"}
        personScopes={pending.scopes.flatMap((s) =>
          s.kind === "person" ? [PERSON_SCOPES[s.name] ?? s.name] : [],
        )}
        orgScopes={[...orgGroups].map(([orgOid, items]) => ({
          orgName: ctx.store.organizations.get(orgOid)?.shortName ?? `№ ${orgOid}`,
          items,
        }))}
      />,
    );
  });

  app.post("/consent", async (request, reply) => {
    if (!csrfValid(ctx, request, formField(request.body, "csrf"))) return csrfFailure(reply);
    const pending = ctx.store.authRequests.get(formField(request.body, "request"));
    if (!pending) return expiredRequest(reply);
    const session = currentSession(ctx, request);
    if (!session) return reply.redirect(`/login?request=${encodeURIComponent(pending.id)}`, 303);
    if (formField(request.body, "decision") !== "grant") {
      ctx.store.authRequests.delete(pending.id);
      return redirectWithError(reply, pending.redirectUri, pending.state, esiaError("ESIA-007004"));
    }
    // The person may have changed since the membership check (logout and login in another tab).
    const foreign = foreignOrgScope(ctx, session.oid, pending);
    if (foreign !== undefined) {
      ctx.store.authRequests.delete(pending.id);
      return redirectWithError(reply, pending.redirectUri, pending.state, esiaError("ESIA-007194", foreign));
    }
    rememberConsent(ctx, session.oid, pending);
    return redirectWithCode(ctx, request, reply, pending, session);
  });

  // GET, as ESIA has it (§3.2); the worst a forged link can do is log someone out of the test stand.
  app.get("/idp/ext/Logout", async (request, reply) => {
    endSession(ctx, request, reply);
    const client = ctx.clients.get(queryField(request.query, "client_id"));
    const target = queryField(request.query, "redirect_url");
    if (target !== "" && client && logoutTargetAllowed(client, target)) {
      return reply.redirect(new URL(target).href, 302);
    }
    return sendPage(
      reply,
      <MessagePage title="Вы вышли из тестового стенда ЕСИА">
        <p>Сеанс на тестовом стенде завершён.</p>
        {target !== "" ? (
          <p>
            Адрес возврата не зарегистрирован для этой системы, поэтому стенд не перенаправил вас на него.
          </p>
        ) : null}
      </MessagePage>,
    );
  });
}

function clientName(client: RegisteredClient | undefined, clientId: string): string {
  // People read the system's name; the mnemonic means nothing to them.
  return client?.config.displayName ?? clientId;
}

/** A registered logout URL, or any URL on the origin of a registered redirect URI (never an open redirect). */
function logoutTargetAllowed(client: RegisteredClient, target: string): boolean {
  if (!URL.canParse(target)) return false;
  if (client.config.logoutRedirectUrls?.includes(target)) return true;
  const origin = new URL(target).origin;
  return client.config.redirectUris.some((uri) => new URL(uri).origin === origin);
}
