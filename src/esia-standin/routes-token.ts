// `POST /aas/oauth2/v3/te`: the code exchange and the refresh grant (§5, §9, §18 "Validation").
// Errors are HTTP 400 JSON `{error, error_description, state}` with the token request's state.
import type { FastifyInstance } from "fastify";
import { refreshSignedStrings, tokenSignedString } from "../esia/protocol.ts";
import { certificateHashMatches, checkTimestamp, clientSecretVerifies, singleParams } from "./client-auth.ts";
import type { StandinContext } from "./context.ts";
import { type EsiaError, esiaError, tokenErrorBody } from "./errors.ts";
import { codeKey } from "./grant.ts";
import { issueTokens, type TokenResponse } from "./token-issue.ts";

const MANDATORY: Record<string, string[]> = {
  authorization_code: [
    "code",
    "client_secret",
    "state",
    "redirect_uri",
    "scope",
    "timestamp",
    "client_certificate_hash",
  ],
  // AISGorod refreshes without redirect_uri and client_certificate_hash (§5.2), so they are optional here.
  refresh_token: ["refresh_token", "client_secret", "state", "scope", "timestamp"],
};

export function tokenRoutes(app: FastifyInstance, ctx: StandinContext): void {
  app.post("/aas/oauth2/v3/te", async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const requestState = typeof body.state === "string" ? body.state : undefined;
    const outcome = await exchange(ctx, body);
    reply.header("cache-control", "no-store").header("pragma", "no-cache");
    if ("code" in outcome) return reply.status(400).send(tokenErrorBody(outcome, requestState));
    return reply.send(outcome);
  });
}

async function exchange(
  ctx: StandinContext,
  body: Record<string, unknown>,
): Promise<TokenResponse | EsiaError> {
  const params = singleParams(body);
  if (!params.ok) return params.error;
  const get = (name: string) => params.get(name) ?? "";
  for (const name of ["client_id", "grant_type"]) {
    if (!get(name)) return esiaError("ESIA-007014", name);
  }
  const grantType = get("grant_type");
  const mandatory = MANDATORY[grantType];
  if (!mandatory) return esiaError("ESIA-007012", "grant_type");
  for (const name of mandatory) {
    if (!get(name)) return esiaError("ESIA-007014", name);
  }
  const client = ctx.clients.get(get("client_id"));
  if (!client) return esiaError("ESIA-007002");
  const tokenType = params.get("token_type");
  if (tokenType !== undefined && tokenType !== "Bearer") return esiaError("ESIA-007003", "token_type");
  const certHash = params.get("client_certificate_hash");
  if (certHash !== undefined && !certificateHashMatches(client, certHash)) {
    return esiaError("ESIA-007053", "client_certificate_hash");
  }
  const timeError = checkTimestamp(get("timestamp"), ctx.now(), ctx.config.timestampWindowSeconds);
  if (timeError) return timeError;

  const fields = {
    clientId: client.config.clientId,
    scope: get("scope"),
    scopeOrg: get("scope_org"),
    timestamp: get("timestamp"),
    state: get("state"),
    redirectUri: get("redirect_uri"),
  };
  const state = fields.state;

  if (grantType === "authorization_code") {
    const code = get("code");
    if (!clientSecretVerifies(client, get("client_secret"), [tokenSignedString({ ...fields, code })])) {
      return esiaError("ESIA-007053", "client_secret");
    }
    const key = codeKey(code);
    const issued = ctx.store.codes.get(key);
    if (!issued || issued.clientId !== fields.clientId || issued.redirectUri !== fields.redirectUri) {
      return esiaError("ESIA-007011", "code");
    }
    if (issued.used) {
      // A replayed code suggests it leaked: what was issued from it is revoked (RFC 6749 §4.1.2).
      if (issued.refreshToken) ctx.store.refreshTokens.delete(issued.refreshToken);
      return esiaError("ESIA-007011", "code");
    }
    issued.used = true;
    const { clientId, oid, scopes, sid, authTime, amr } = issued;
    const response = await issueTokens(
      ctx,
      { clientId, oid, scopes, sid, authTime, amr },
      { withIdToken: true, offline: issued.accessType === "offline", state },
    );
    if (response.refresh_token) issued.refreshToken = response.refresh_token;
    return response;
  }

  const refreshToken = get("refresh_token");
  const signed = refreshSignedStrings({ ...fields, refreshToken });
  if (!clientSecretVerifies(client, get("client_secret"), [signed.ilimurzin, signed.aisgorod])) {
    return esiaError("ESIA-007053", "client_secret");
  }
  const grant = ctx.store.refreshTokens.get(refreshToken);
  if (!grant || grant.clientId !== fields.clientId) return esiaError("ESIA-007011", "refresh_token");
  // Rotation: each refresh token works once; the response carries its successor.
  ctx.store.refreshTokens.delete(refreshToken);
  return issueTokens(ctx, grant, { withIdToken: false, offline: true, state });
}
