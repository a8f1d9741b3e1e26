// POST /api/oauth/token: the client credentials grant (RFC 6749 §4.4) with client_secret_basic or
// private_key_jwt (RFC 7523). Errors as RFC 6749 §5.2 JSON, never cached.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { classifyError } from "../../http/errors.tsx";
import { errorCatalogue } from "../../shared/errors.ts";
import { optionalText } from "../../shared/route-schemas.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { type ApiScope, parseScopes } from "./api.scopes.ts";
import type { ApiClientRow } from "./clients.repository.ts";
import type { ApiClientsService } from "./clients.service.ts";
import {
  ACCESS_TOKEN_TTL_SECONDS,
  assertionIssuer,
  CLIENT_ASSERTION_TYPE,
  type TokenIssuer,
  verifyClientAssertion,
} from "./tokens.ts";

const TokenRequest = Type.Object({
  grant_type: optionalText(100),
  scope: optionalText(500),
  client_id: optionalText(100),
  client_assertion_type: optionalText(200),
  client_assertion: optionalText(8000),
});
const TokenResponse = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal("Bearer"),
  expires_in: Type.Integer(),
  scope: Type.String(),
});
const TokenError = Type.Object({ error: Type.String(), error_description: Type.String() });

type OAuthError = "invalid_request" | "invalid_client" | "unsupported_grant_type" | "invalid_scope";

/** `Authorization: Basic` with the form-urlencoded id and secret (RFC 6749 §2.3.1). */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/]+=*)$/i.exec(header ?? "");
  if (!match?.[1]) return undefined;
  const text = Buffer.from(match[1], "base64").toString("utf8");
  const colon = text.indexOf(":");
  if (colon < 0) return undefined;
  try {
    const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, " "));
    return { id: decode(text.slice(0, colon)), secret: decode(text.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

export function tokenRoutes(options: { tokens: TokenIssuer; clients: ApiClientsService; endpoint: string }) {
  const { tokens, clients, endpoint } = options;
  return async (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    const db = app.deps.database.db;
    // The token endpoint speaks RFC 6749 §5.2 even for what the platform refuses (a malformed
    // body, control characters, the rate limit): its answers must fit the token error schema.
    app.setErrorHandler((error, request, reply) => {
      const code = classifyError(error);
      if (code === "INTERNAL") request.log.error({ err: error }, "unexpected error at the token endpoint");
      const { status, title } = errorCatalogue[code];
      return reply
        .code(status)
        .header("cache-control", "no-store")
        .send({
          error: status >= 500 ? "server_error" : "invalid_request",
          error_description: title,
        });
    });

    async function refuse(
      request: FastifyRequest,
      reply: FastifyReply,
      error: OAuthError,
      description: string,
      client?: ApiClientRow,
    ) {
      await writeAudit(db, {
        event: "api.token_refused",
        outcome: "denied",
        ip: request.ip,
        details: { reason: error, ...(client ? { apiClientId: client.id } : {}) },
      });
      if (error === "invalid_client") reply.header("www-authenticate", 'Basic realm="frmr"');
      return reply
        .code(error === "invalid_client" ? 401 : 400)
        .header("cache-control", "no-store")
        .send({ error, error_description: description });
    }

    app.post(
      "/oauth/token",
      {
        config: { csrf: false, session: false },
        schema: {
          tags: ["OAuth 2.0"],
          summary: "Access token by client credentials (client_secret_basic or private_key_jwt)",
          consumes: ["application/x-www-form-urlencoded"],
          body: TokenRequest,
          response: { 200: TokenResponse, 400: TokenError, 401: TokenError },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const now = app.deps.clock.now();
        let client: ApiClientRow | undefined;
        const basic = basicCredentials(request.headers.authorization);
        if (basic) {
          client = await clients.withSecret(basic.id, basic.secret);
        } else if (body.client_assertion_type === CLIENT_ASSERTION_TYPE && body.client_assertion) {
          const issuer = assertionIssuer(body.client_assertion);
          const candidate = issuer ? await clients.active(issuer) : undefined;
          const verified = candidate
            ? await verifyClientAssertion(body.client_assertion, candidate, endpoint, now)
            : undefined;
          if (candidate && verified) {
            if (!(await clients.spendAssertion(candidate.id, verified.jti, verified.expiresAt)))
              return refuse(
                request,
                reply,
                "invalid_client",
                "This client_assertion was used already",
                candidate,
              );
            client = candidate;
          }
        } else {
          return refuse(request, reply, "invalid_client", "Use client_secret_basic or private_key_jwt");
        }
        if (!client)
          return refuse(
            request,
            reply,
            "invalid_client",
            "Unknown, suspended or wrongly authenticated client",
          );
        if (!body.grant_type)
          return refuse(request, reply, "invalid_request", "grant_type is required", client);
        if (body.grant_type !== "client_credentials")
          return refuse(
            request,
            reply,
            "unsupported_grant_type",
            "Only client_credentials is supported",
            client,
          );
        const asked = body.scope ? parseScopes(body.scope) : client.scopes;
        const granted = client.scopes as ApiScope[];
        if (!asked || asked.some((scope) => !granted.includes(scope as ApiScope)))
          return refuse(request, reply, "invalid_scope", `Allowed scopes: ${granted.join(" ")}`, client);
        const scopes = asked as ApiScope[];
        const accessToken = await tokens.issue(client, scopes);
        await clients.recordTokenIssued(client, scopes, request.ip, now);
        return reply
          .header("cache-control", "no-store")
          .header("pragma", "no-cache")
          .send({
            access_token: accessToken,
            token_type: "Bearer",
            expires_in: ACCESS_TOKEN_TTL_SECONDS,
            scope: scopes.join(" "),
          });
      },
    );
  };
}
