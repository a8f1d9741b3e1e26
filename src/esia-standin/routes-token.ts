// `POST /aas/oauth2/v3/te`: the code exchange and the refresh grant (§5, §9, §18 "Validation"), and
// the legacy `POST /aas/oauth2/te` (v1: CMS client_secret over scope+timestamp+client_id+state) with
// the code, refresh and client_credentials grants; client_credentials gives a system token with
// organisation scopes for `/rs/orgs/{oid}` (§5.3). Errors are HTTP 400 JSON
// `{error, error_description, state}` with the token request's state.
import type { FastifyInstance } from "fastify";
import { refreshSignedStrings, tokenSignedString } from "../esia/protocol.ts";
import { checkClientProof, type RegisteredClient, singleParams } from "./client-auth.ts";
import type { StandinContext } from "./context.ts";
import { type EsiaError, esiaError, tokenErrorBody } from "./errors.ts";
import { codeKey } from "./grant.ts";
import { parseScopes } from "./scopes.ts";
import { issueSystemToken, issueTokens, type TokenResponse } from "./token-issue.ts";

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

const MANDATORY_V1: Record<string, string[]> = {
  authorization_code: ["code", "client_secret", "state", "redirect_uri", "scope", "timestamp"],
  refresh_token: ["refresh_token", "client_secret", "state", "scope", "timestamp"],
  client_credentials: ["client_secret", "state", "scope", "timestamp"],
};

export function tokenRoutes(app: FastifyInstance, ctx: StandinContext): void {
  for (const [path, handle] of [
    ["/aas/oauth2/v3/te", exchange],
    ["/aas/oauth2/te", exchangeV1],
  ] as const) {
    app.post(path, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const requestState = typeof body.state === "string" ? body.state : undefined;
      const outcome = await handle(ctx, body);
      reply.header("cache-control", "no-store").header("pragma", "no-cache");
      if ("code" in outcome) return reply.status(400).send(tokenErrorBody(outcome, requestState));
      return reply.send(outcome);
    });
  }
}

/**
 * What both token endpoints check first, in ESIA's order: single-valued parameters, the client and
 * the grant type, the grant's mandatory parameters (`mandatory`, per protocol version), the client
 * being registered and the token type.
 */
function readTokenRequest(
  ctx: StandinContext,
  body: Record<string, unknown>,
  mandatory: Record<string, string[]>,
) {
  const params = singleParams(body);
  if (!params.ok) return params.error;
  const get = (name: string) => params.get(name) ?? "";
  for (const name of ["client_id", "grant_type"]) {
    if (!get(name)) return esiaError("ESIA-007014", name);
  }
  const grantType = get("grant_type");
  const required = mandatory[grantType];
  if (!required) return esiaError("ESIA-007012", "grant_type");
  for (const name of required) {
    if (!get(name)) return esiaError("ESIA-007014", name);
  }
  const client = ctx.clients.get(get("client_id"));
  if (!client) return esiaError("ESIA-007002");
  const tokenType = params.get("token_type");
  if (tokenType !== undefined && tokenType !== "Bearer") return esiaError("ESIA-007003", "token_type");
  return { params, get, grantType, client };
}

async function exchangeV1(
  ctx: StandinContext,
  body: Record<string, unknown>,
): Promise<TokenResponse | EsiaError> {
  const request = readTokenRequest(ctx, body, MANDATORY_V1);
  if ("code" in request) return request;
  const { get, grantType, client } = request;
  const state = get("state");
  const timestamp = get("timestamp");
  const signed = { scope: get("scope"), timestamp, clientId: client.config.clientId, state };
  const proof = { version: "v1", secret: get("client_secret"), timestamp, signed } as const;
  const proofError = checkClientProof(client, proof, ctx.now(), ctx.config.timestampWindowSeconds);
  if (proofError) return proofError;
  if (grantType === "authorization_code")
    return redeemCode(ctx, client, get("code"), get("redirect_uri"), state);
  if (grantType === "refresh_token") return redeemRefresh(ctx, client, get("refresh_token"), state);
  return systemToken(ctx, client, get("scope"), state);
}

/** client_credentials: organisation scopes only, each granted to this system (§5.3, §12.2). */
async function systemToken(
  ctx: StandinContext,
  client: RegisteredClient,
  scope: string,
  state: string,
): Promise<TokenResponse | EsiaError> {
  const parsed = parseScopes(scope);
  if (!parsed.ok) return esiaError("ESIA-007006", parsed.invalid);
  if (parsed.scopes.length === 0) return esiaError("ESIA-007013");
  const refused = parsed.scopes.find(
    (s) => s.kind !== "org" || !client.config.allowedScopes.includes(s.name),
  );
  if (refused) return esiaError("ESIA-007019", refused.raw);
  return issueSystemToken(ctx, client.config.clientId, parsed.scopes, state);
}

async function exchange(
  ctx: StandinContext,
  body: Record<string, unknown>,
): Promise<TokenResponse | EsiaError> {
  const request = readTokenRequest(ctx, body, MANDATORY);
  if ("code" in request) return request;
  const { params, get, grantType, client } = request;
  const fields = {
    clientId: client.config.clientId,
    scope: get("scope"),
    scopeOrg: get("scope_org"),
    timestamp: get("timestamp"),
    state: get("state"),
    redirectUri: get("redirect_uri"),
  };
  const code = get("code");
  const refreshToken = get("refresh_token");
  const byCode = grantType === "authorization_code";
  const refreshSigned = refreshSignedStrings({ ...fields, refreshToken });
  const proofError = checkClientProof(
    client,
    {
      version: "v2",
      secret: get("client_secret"),
      timestamp: fields.timestamp,
      certificateHash: params.get("client_certificate_hash"),
      // The refresh grant as either known client signs it (§5.2).
      messages: byCode
        ? [tokenSignedString({ ...fields, code })]
        : [refreshSigned.ilimurzin, refreshSigned.aisgorod],
    },
    ctx.now(),
    ctx.config.timestampWindowSeconds,
  );
  if (proofError) return proofError;
  return byCode
    ? redeemCode(ctx, client, code, fields.redirectUri, fields.state)
    : redeemRefresh(ctx, client, refreshToken, fields.state);
}

async function redeemCode(
  ctx: StandinContext,
  client: RegisteredClient,
  code: string,
  redirectUri: string,
  state: string,
): Promise<TokenResponse | EsiaError> {
  const key = codeKey(code);
  const issued = ctx.store.codes.get(key);
  if (!issued || issued.clientId !== client.config.clientId || issued.redirectUri !== redirectUri) {
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

async function redeemRefresh(
  ctx: StandinContext,
  client: RegisteredClient,
  refreshToken: string,
  state: string,
): Promise<TokenResponse | EsiaError> {
  const grant = ctx.store.refreshTokens.get(refreshToken);
  if (!grant || grant.clientId !== client.config.clientId) return esiaError("ESIA-007011", "refresh_token");
  // Rotation: each refresh token works once; the response carries its successor.
  ctx.store.refreshTokens.delete(refreshToken);
  return issueTokens(ctx, grant, { withIdToken: false, offline: true, state });
}
