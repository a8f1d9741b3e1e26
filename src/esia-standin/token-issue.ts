// The tokens of a successful grant (§9, §10.2, §10.3): a signed access token, an id_token when
// `openid` was granted, and an opaque refresh token for offline access.
import { randomUUID } from "node:crypto";
import type { StandinContext } from "./context.ts";
import { subjectClaim } from "./grant.ts";
import { type RequestedScope, tokenScopeEntry } from "./scopes.ts";
import type { RefreshGrant } from "./store.ts";

/** Refresh tokens outlive sessions; ESIA's lifetime is undocumented, two weeks is ample for a test stand. */
export const REFRESH_TTL_SECONDS = 14 * 24 * 60 * 60;

export interface TokenResponse {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  state: string;
  token_type: "Bearer";
  expires_in: number;
}

export async function issueTokens(
  ctx: StandinContext,
  grant: RefreshGrant,
  options: { withIdToken: boolean; offline: boolean; state: string },
): Promise<TokenResponse> {
  const now = Math.floor(ctx.nowMs() / 1000);
  const ttl = ctx.config.accessTokenTtlSeconds;
  const trusted = ctx.store.accounts.get(grant.oid)?.person.level === "confirmed";
  const accessToken = await ctx.signer.sign("access", {
    nbf: now,
    iat: now,
    exp: now + ttl,
    iss: ctx.config.issuer,
    client_id: grant.clientId,
    "urn:esia:sid": grant.sid,
    "urn:esia:sbj_id": grant.oid,
    scope: grant.scopes.map((s) => tokenScopeEntry(s, grant.oid)).join(" "),
  });
  const response: TokenResponse = {
    access_token: accessToken,
    state: options.state,
    token_type: "Bearer",
    expires_in: ttl,
  };
  if (options.withIdToken && grant.scopes.some((s) => s.name === "openid")) {
    response.id_token = await ctx.signer.sign("id", {
      iss: ctx.config.issuer,
      aud: grant.clientId,
      sub: grant.oid,
      nbf: now,
      iat: now,
      exp: now + ttl,
      auth_time: grant.authTime,
      amr: grant.amr,
      "urn:esia:amd": grant.amr,
      "urn:esia:sid": grant.sid,
      "urn:esia:sbj": subjectClaim(grant.oid, trusted),
    });
  }
  if (options.offline) {
    const refreshToken = randomUUID();
    ctx.store.refreshTokens.set(refreshToken, grant, REFRESH_TTL_SECONDS);
    response.refresh_token = refreshToken;
  }
  // Reorder so that the JSON reads like ESIA's: tokens first, then state, type and lifetime.
  const { state, token_type, expires_in, ...tokens } = response;
  return { ...tokens, state, token_type, expires_in } as TokenResponse;
}

/**
 * A system token of `client_credentials` (§5.3): organisation scopes, no person, no refresh. The
 * subject is 0 so that no personal resource ever matches it.
 */
export async function issueSystemToken(
  ctx: StandinContext,
  clientId: string,
  scopes: readonly RequestedScope[],
  state: string,
): Promise<TokenResponse> {
  const now = Math.floor(ctx.nowMs() / 1000);
  const ttl = ctx.config.accessTokenTtlSeconds;
  const accessToken = await ctx.signer.sign("access", {
    nbf: now,
    iat: now,
    exp: now + ttl,
    iss: ctx.config.issuer,
    client_id: clientId,
    "urn:esia:sbj_id": 0,
    scope: scopes.map((s) => s.raw).join(" "),
  });
  return { access_token: accessToken, state, token_type: "Bearer", expires_in: ttl };
}
