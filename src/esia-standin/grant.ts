// What happens between a successful login and the redirect back to the relying party: the
// organisation membership check (007194), consent, and the authorization code (§4.3, §10.4).
import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { StandinContext } from "./context.ts";
import { type EsiaError, errorDescription, esiaError, oauthError } from "./errors.ts";
import type { AuthRequest, SsoSession } from "./store.ts";

/** How long a validated /ac request may wait for login and consent. */
export const PENDING_REQUEST_TTL_SECONDS = 30 * 60;

export const codeKey = (code: string) => createHash("sha256").update(code).digest("base64url");

export function redirectWithError(
  reply: FastifyReply,
  redirectUri: string,
  state: string | undefined,
  error: EsiaError,
) {
  const target = new URL(redirectUri);
  target.searchParams.set("error", oauthError(error, "authorize"));
  target.searchParams.set("error_description", errorDescription(error));
  if (state !== undefined) target.searchParams.set("state", state);
  return reply.redirect(target.href, 302);
}

const consentKey = (oid: number, clientId: string) => `${oid} ${clientId}`;

/** Consent is remembered per person and system, so a repeated login for the same data is one click less. */
export function rememberConsent(ctx: StandinContext, oid: number, request: AuthRequest): void {
  const key = consentKey(oid, request.clientId);
  const granted = new Set(ctx.store.consents.get(key) ?? []);
  for (const scope of request.scopes) granted.add(scope.raw);
  ctx.store.consents.set(key, [...granted]);
}

function consentGiven(ctx: StandinContext, oid: number, request: AuthRequest): boolean {
  const granted = ctx.store.consents.get(consentKey(oid, request.clientId)) ?? [];
  return request.scopes.every((scope) => granted.includes(scope.raw));
}

/** The organisation scope naming an organisation the person does not work for, if any. */
export function foreignOrgScope(ctx: StandinContext, oid: number, request: AuthRequest): string | undefined {
  const roles = ctx.store.accounts.get(oid)?.person.roles ?? [];
  return request.scopes.find((s) => s.kind === "org" && !roles.some((r) => r.orgOid === s.orgOid && r.active))
    ?.raw;
}

/** Next step for a logged-in person: an error back to the IS, the consent page, or the code. */
export async function continueAuthorization(
  ctx: StandinContext,
  request: FastifyRequest,
  reply: FastifyReply,
  pending: AuthRequest,
  session: SsoSession,
) {
  const foreign = foreignOrgScope(ctx, session.oid, pending);
  if (foreign !== undefined) {
    ctx.store.authRequests.delete(pending.id);
    return redirectWithError(reply, pending.redirectUri, pending.state, esiaError("ESIA-007194", foreign));
  }
  if (!consentGiven(ctx, session.oid, pending)) {
    return reply.redirect(`/consent?request=${encodeURIComponent(pending.id)}`, 302);
  }
  return redirectWithCode(ctx, request, reply, pending, session);
}

export async function redirectWithCode(
  ctx: StandinContext,
  request: FastifyRequest,
  reply: FastifyReply,
  pending: AuthRequest,
  session: SsoSession,
) {
  ctx.store.authRequests.delete(pending.id);
  const account = ctx.store.accounts.get(session.oid);
  const now = Math.floor(ctx.nowMs() / 1000);
  const code = await ctx.signer.sign("authorization_code", {
    nbf: now,
    iat: now,
    exp: now + ctx.config.codeTtlSeconds,
    auth_time: session.authTime,
    iss: ctx.config.issuer,
    client_id: pending.clientId,
    scope: pending.scopes.map((s) => s.raw).join(" "),
    "urn:esia:sid": session.sid,
    "urn:esia:client:state": pending.state,
    auth_mthd: session.amr,
    "urn:esia:sbj": subjectClaim(session.oid, account?.person.level === "confirmed"),
    params: { remote_ip: request.ip, user_agent: request.headers["user-agent"] ?? "" },
  });
  ctx.store.codes.set(
    codeKey(code),
    {
      clientId: pending.clientId,
      redirectUri: pending.redirectUri,
      oid: session.oid,
      scopes: pending.scopes,
      accessType: pending.accessType,
      sid: session.sid,
      authTime: session.authTime,
      amr: session.amr,
      used: false,
    },
    ctx.config.codeTtlSeconds,
  );
  const target = new URL(pending.redirectUri);
  target.searchParams.set("code", code);
  target.searchParams.set("state", pending.state);
  return reply.redirect(target.href, 302);
}

/** `urn:esia:sbj` as in ESIA's id_token and code (§10.3); is_tru tells a confirmed account. */
export function subjectClaim(oid: number, trusted: boolean) {
  return {
    "urn:esia:sbj:typ": "P",
    "urn:esia:sbj:is_tru": trusted,
    "urn:esia:sbj:oid": oid,
    "urn:esia:sbj:nam": `OID.${oid}`,
  };
}
