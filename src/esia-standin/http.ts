// Cookies of the stand-in: the SSO session and the anti-CSRF token (double-submit, HMAC-bound).
// Cookies ignore ports, so on localhost the cabinet (3000) and the stand-in (3001) share a jar:
// the `standin_` prefix keeps the names apart.
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { StandinContext } from "./context.ts";
import type { SsoSession } from "./store.ts";

const SESSION_COOKIE = "standin_sso";
const CSRF_COOKIE = "standin_csrf";
/** The stand-in's own session lasts a working day, like a browser session at Госуслуги. */
export const SESSION_TTL_SECONDS = 8 * 60 * 60;

const sha256 = (value: string) => createHash("sha256").update(value).digest("base64url");

function cookieOptions(ctx: StandinContext, maxAge?: number) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: ctx.secureCookies,
    ...(maxAge === undefined ? {} : { maxAge }),
  };
}

export function currentSession(ctx: StandinContext, request: FastifyRequest): SsoSession | undefined {
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return undefined;
  const session = ctx.store.sessions.get(sha256(cookie));
  // The lockout is per source address now, so it no longer ends sessions: a stranger's failures must
  // not sign the owner out. A new password still does (endSessionsOf).
  const account = session && ctx.store.accounts.get(session.oid);
  if (!account) return undefined;
  return session;
}

/** A fresh cookie at every login: a session id known before login never becomes authenticated. */
export function startSession(ctx: StandinContext, reply: FastifyReply, oid: number, amr: string): SsoSession {
  const cookie = randomBytes(32).toString("base64url");
  const id = sha256(cookie);
  const session: SsoSession = { id, sid: randomUUID(), oid, authTime: Math.floor(ctx.nowMs() / 1000), amr };
  ctx.store.sessions.set(id, session, SESSION_TTL_SECONDS);
  reply.setCookie(SESSION_COOKIE, cookie, cookieOptions(ctx, SESSION_TTL_SECONDS));
  return session;
}

export function endSession(ctx: StandinContext, request: FastifyRequest, reply: FastifyReply): void {
  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie) ctx.store.sessions.delete(sha256(cookie));
  reply.clearCookie(SESSION_COOKIE, cookieOptions(ctx));
}

/** Ends every session of an account, e.g. after its password was reset. */
export function endSessionsOf(ctx: StandinContext, oid: number): void {
  for (const session of ctx.store.sessions.values()) {
    if (session.oid === oid) ctx.store.sessions.delete(session.id);
  }
}

const csrfFor = (ctx: StandinContext, cookie: string) =>
  createHmac("sha256", ctx.csrfKey).update(cookie).digest("base64url");

/** The token to put into a form, setting the cookie it is bound to when the browser has none yet. */
export function csrfToken(ctx: StandinContext, request: FastifyRequest, reply: FastifyReply): string {
  let cookie = request.cookies[CSRF_COOKIE];
  if (!cookie) {
    cookie = randomBytes(32).toString("base64url");
    reply.setCookie(CSRF_COOKIE, cookie, cookieOptions(ctx));
    // Later forms rendered in the same response must use the same cookie.
    request.cookies[CSRF_COOKIE] = cookie;
  }
  return csrfFor(ctx, cookie);
}

export function csrfValid(ctx: StandinContext, request: FastifyRequest, token: unknown): boolean {
  const cookie = request.cookies[CSRF_COOKIE];
  if (!cookie || typeof token !== "string") return false;
  const expected = Buffer.from(csrfFor(ctx, cookie));
  const actual = Buffer.from(token);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Form fields as strings; anything repeated or missing reads as "". */
export function formField(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value : "";
}

export function queryField(query: unknown, name: string): string {
  return formField(query, name);
}
