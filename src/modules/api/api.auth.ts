// Bearer tokens on the integration API (RFC 6750), shared by /api/v1 and /fhir: who is calling and
// with which scopes, the per-client rate limit, and the audit record of every call with the
// persons it returned. Each surface renders refusals in its own format (problem+json, OperationOutcome).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ErrorCode } from "../../shared/errors.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import type { ApiCaller } from "./api.policy.ts";
import type { ApiScope } from "./api.scopes.ts";
import type { ApiClientsService } from "./clients.service.ts";
import type { TokenIssuer } from "./tokens.ts";

declare module "fastify" {
  interface FastifyRequest {
    apiCaller: ApiCaller | undefined;
  }
  interface FastifyContextConfig {
    /** The scope a route of the integration API needs. */
    apiScope?: ApiScope;
  }
}

export interface Refusal {
  code: ErrorCode;
  wwwAuthenticate: string;
  description: string;
}
export type Render = (request: FastifyRequest, reply: FastifyReply, refusal: Refusal) => FastifyReply;

const challenge = (error?: string, description?: string, scope?: string) =>
  [
    'Bearer realm="frmr"',
    error ? `error="${error}"` : undefined,
    description ? `error_description="${description}"` : undefined,
    scope ? `scope="${scope}"` : undefined,
  ]
    .filter(Boolean)
    .join(", ");

/**
 * Hooks of one API surface: the token is checked on every request (onRequest, so that the rate
 * limit and the audit know the client), the route's scope before the handler.
 */
export function apiAuthentication(
  app: FastifyInstance,
  {
    tokens,
    clients,
    render,
    rateLimitPerMinute,
  }: {
    tokens: TokenIssuer;
    clients: ApiClientsService;
    render: Render;
    rateLimitPerMinute: number;
  },
): void {
  if (!app.hasRequestDecorator("apiCaller")) app.decorateRequest("apiCaller", undefined);
  // Machine clients carry no cookies: no session, no CSRF token.
  app.addHook("onRoute", (route) => {
    route.config = { ...(route.config as object), csrf: false, session: false } as typeof route.config;
  });

  app.addHook("onRequest", async (request, reply) => {
    const header = request.headers.authorization ?? "";
    const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i.exec(header);
    if (!match?.[1]) {
      return render(request, reply, {
        code: "API_TOKEN_INVALID",
        wwwAuthenticate: header ? challenge("invalid_request", "Bearer token expected") : challenge(),
        description: "Bearer token expected",
      });
    }
    const claims = await tokens.verify(match[1]);
    const client = claims ? await clients.active(claims.clientId) : undefined;
    if (!claims || !client) {
      return render(request, reply, {
        code: "API_TOKEN_INVALID",
        wwwAuthenticate: challenge("invalid_token", "The token is expired, revoked or malformed"),
        description: "The token is expired, revoked or malformed",
      });
    }
    // A scope removed from the client since the token was issued no longer counts.
    const scopes = claims.scopes.filter((scope) => client.scopes.includes(scope));
    request.apiCaller = { client, scopes, ip: request.ip, personsRead: new Set() };
  });

  const perClient = app.rateLimit({
    max: rateLimitPerMinute,
    timeWindow: "1 minute",
    keyGenerator: (request) => `api:${request.apiCaller?.client.id ?? request.ip}`,
    errorResponseBuilder: () => Object.assign(new Error("rate limited"), { statusCode: 429 }),
  });

  app.addHook("preHandler", async (request, reply) => {
    const caller = request.apiCaller;
    const scope = request.routeOptions.config?.apiScope;
    if (!caller) return;
    if (scope && !caller.scopes.includes(scope)) {
      await writeAudit(app.deps.database.db, {
        event: "api.denied",
        outcome: "denied",
        ip: request.ip,
        details: { apiClientId: caller.client.id, route: request.routeOptions.url, scope },
      });
      return render(request, reply, {
        code: "API_SCOPE_MISSING",
        wwwAuthenticate: challenge("insufficient_scope", `This request needs the scope ${scope}`, scope),
        description: `This request needs the scope ${scope}`,
      });
    }
    await perClient.call(app, request, reply);
  });

  // The call is recorded before the answer leaves: data nobody can account for are never sent.
  app.addHook("onSend", async (request, reply, payload) => {
    const caller = request.apiCaller;
    if (!caller) return payload;
    await writeAudit(app.deps.database.db, {
      event: "api.called",
      outcome: reply.statusCode < 400 ? "success" : reply.statusCode === 403 ? "denied" : "failure",
      ip: request.ip,
      details: {
        apiClientId: caller.client.id,
        method: request.method,
        route: request.routeOptions.url ?? null,
        status: reply.statusCode,
        persons: [...caller.personsRead],
      },
    });
    return payload;
  });
}
