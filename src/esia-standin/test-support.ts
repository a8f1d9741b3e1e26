// Test helpers for the stand-in: an app with throw-away keys and a fake clock, a signing relying
// party built from the same crypto functions the cabinet's client uses, and a tiny cookie-aware browser.
import { randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { gostPrivateKeyFromPem } from "../esia/crypto/certificate.ts";
import { type DevKeys, loadOrCreateDevKeys } from "../esia/crypto/dev-keys.ts";
import { gostSign } from "../esia/crypto/gost.ts";
import {
  authorizationSignedString,
  base64UrlEncode,
  esiaTimestamp,
  refreshSignedStrings,
  tokenSignedString,
} from "../esia/protocol.ts";
import { buildStandinApp, type StandinConfig } from "./app.ts";

export const CLIENT_ID = "FRMRLK";
export const REDIRECT_URI = "http://localhost:3000/auth/esia/callback";
export const PUBLIC_URL = "http://localhost:3001";
export const ALLOWED_SCOPES = [
  "openid", "fullname", "birthdate", "gender", "snils", "inn", "id_doc", "email", "mobile", "contacts",
  "addresses", "usr_org", "org_shortname", "org_fullname", "org_ogrn", "org_inn", "org_kpp", "org_type",
];

let keys: Promise<DevKeys> | undefined;
export function testKeys(): Promise<DevKeys> {
  keys ??= mkdtemp(join(tmpdir(), "standin-keys-")).then(loadOrCreateDevKeys);
  return keys;
}

export class FakeClock {
  current = new Date("2025-06-02T09:00:00Z");
  now = () => new Date(this.current);
  advance(seconds: number) {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}

export interface TestStandin {
  app: FastifyInstance;
  keys: DevKeys;
  clock: FakeClock;
  config: StandinConfig;
}

export async function buildTestStandin(overrides: Partial<StandinConfig> = {}): Promise<TestStandin> {
  const k = await testKeys();
  const clock = new FakeClock();
  const config: StandinConfig = {
    publicUrl: PUBLIC_URL,
    issuer: `${PUBLIC_URL}/`,
    tokenAlg: "RS256",
    keys: k.standin,
    clients: [
      {
        clientId: CLIENT_ID,
        redirectUris: [REDIRECT_URI],
        certificateDer: k.client.certificateDer,
        allowedScopes: ALLOWED_SCOPES,
        logoutRedirectUrls: ["http://localhost:3000/auth/logged-out"],
      },
    ],
    timestampWindowSeconds: 300,
    codeTtlSeconds: 240,
    accessTokenTtlSeconds: 3600,
    clock: clock.now,
    ...overrides,
  };
  return { app: await buildStandinApp(config), keys: k, clock, config };
}

const sign = (k: DevKeys, message: string) =>
  base64UrlEncode(gostSign(gostPrivateKeyFromPem(k.client.privateKeyPem), new TextEncoder().encode(message)));

export interface AcParams {
  scope?: string;
  scopeOrg?: string;
  state?: string;
  accessType?: "online" | "offline";
  now?: Date;
}

/** Query parameters of a correctly signed /v2/ac request. */
export function acParams(t: TestStandin, p: AcParams = {}): Record<string, string> {
  const scope = p.scope ?? "openid fullname snils email";
  const scopeOrg = p.scopeOrg ?? "";
  const state = p.state ?? randomUUID();
  const timestamp = esiaTimestamp(p.now ?? t.clock.now());
  const secret = sign(t.keys, authorizationSignedString({ clientId: CLIENT_ID, scope, scopeOrg, timestamp, state, redirectUri: REDIRECT_URI }));
  return {
    client_id: CLIENT_ID,
    client_certificate_hash: t.keys.client.certificateHash,
    client_secret: secret,
    redirect_uri: REDIRECT_URI,
    scope,
    scope_org: scopeOrg,
    response_type: "code",
    state,
    access_type: p.accessType ?? "online",
    timestamp,
  };
}

export const acUrl = (params: Record<string, string>) => `/aas/oauth2/v2/ac?${new URLSearchParams(params)}`;

export interface TokenOptions {
  scope?: string;
  scopeOrg?: string;
  clientId?: string;
  redirectUri?: string;
}

/** Form body of a correctly signed /v3/te code exchange. */
export function tokenParams(t: TestStandin, code: string, o: TokenOptions = {}): Record<string, string> {
  const scope = o.scope ?? "openid fullname snils email";
  const scopeOrg = o.scopeOrg ?? "";
  const clientId = o.clientId ?? CLIENT_ID;
  const redirectUri = o.redirectUri ?? REDIRECT_URI;
  const state = randomUUID();
  const timestamp = esiaTimestamp(t.clock.now());
  const fields = { clientId, scope, scopeOrg, timestamp, state, redirectUri };
  return {
    client_id: clientId,
    code,
    grant_type: "authorization_code",
    client_certificate_hash: t.keys.client.certificateHash,
    client_secret: sign(t.keys, tokenSignedString({ ...fields, code })),
    state,
    redirect_uri: redirectUri,
    scope,
    scope_org: scopeOrg,
    timestamp,
    token_type: "Bearer",
  };
}

/** Form body of a refresh request in either disputed signed-string form (§5.2). */
export function refreshParams(t: TestStandin, refreshToken: string, form: "ilimurzin" | "aisgorod", scope = "openid fullname snils email") {
  const state = randomUUID();
  const timestamp = esiaTimestamp(t.clock.now());
  const strings = refreshSignedStrings({ clientId: CLIENT_ID, scope, scopeOrg: "", timestamp, state, redirectUri: REDIRECT_URI, refreshToken });
  const common = { client_id: CLIENT_ID, grant_type: "refresh_token", refresh_token: refreshToken, state, scope, timestamp, client_secret: sign(t.keys, strings[form]) };
  return form === "ilimurzin"
    ? { ...common, redirect_uri: REDIRECT_URI, scope_org: "", client_certificate_hash: t.keys.client.certificateHash, token_type: "Bearer" }
    : common;
}

export function postForm(app: FastifyInstance, url: string, body: Record<string, string>) {
  return app.inject({ method: "POST", url, payload: new URLSearchParams(body).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } });
}

/** Follows nothing by itself; keeps cookies between requests like a browser would. */
export class Browser {
  private cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance) {}

  private remember(response: LightMyRequestResponse) {
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === "" || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }

  private get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async get(url: string) {
    return this.remember(await this.app.inject({ method: "GET", url, headers: { cookie: this.cookieHeader } }));
  }

  async post(url: string, body: Record<string, string>) {
    return this.remember(
      await this.app.inject({
        method: "POST",
        url,
        payload: new URLSearchParams(body).toString(),
        headers: { cookie: this.cookieHeader, "content-type": "application/x-www-form-urlencoded" },
      }),
    );
  }

  /** Submits the form with this action on the page, with its hidden fields plus `fields`. */
  async submit(page: LightMyRequestResponse, action: string, fields: Record<string, string> = {}) {
    return this.post(action, { ...hiddenFields(page.body, action), ...fields });
  }

  hasCookie(name: string) {
    return this.cookies.has(name);
  }
}

/** Hidden inputs of the first form posting to `action`. */
export function hiddenFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action} in page`);
  const form = html.slice(start, html.indexOf("</form>", start));
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    fields[m[1] as string] = (m[2] as string).replace(/&amp;/g, "&");
  }
  return fields;
}

/** Where a 30x response points. */
export const location = (response: LightMyRequestResponse) => String(response.headers.location ?? "");

/** Logs in on the login page reached from an /ac redirect; returns the response to the login POST. */
export async function loginAt(browser: Browser, loginPageUrl: string, login: string, password = "Test-1234") {
  const page = await browser.get(loginPageUrl);
  return browser.submit(page, "/login", { login, password });
}

/**
 * The whole browser part: /ac, login, consent ("grant") and the redirect back. Returns the callback URL.
 */
export async function authorize(t: TestStandin, browser: Browser, login: string, p: AcParams = {}): Promise<URL> {
  const ac = await browser.get(acUrl(acParams(t, p)));
  let response = ac;
  if (location(ac).startsWith("/login")) response = await loginAt(browser, location(ac), login);
  if (location(response).startsWith("/consent")) {
    const consent = await browser.get(location(response));
    response = await browser.submit(consent, "/consent", { decision: "grant" });
  }
  const target = location(response);
  if (!target.startsWith(REDIRECT_URI)) throw new Error(`expected a redirect to the client, got ${response.statusCode} ${target}`);
  return new URL(target);
}

export async function latestCode(app: FastifyInstance): Promise<string> {
  const outbox = (await app.inject({ method: "GET", url: "/outbox.json" })).json() as { messages: { text: string }[] };
  const match = /: (\d{6})\./.exec(outbox.messages[0]?.text ?? "");
  if (!match) throw new Error("no code in the outbox");
  return match[1] as string;
}

/** Logs in with a fresh browser and exchanges the code: the tokens a relying party would hold. */
export async function obtainTokens(t: TestStandin, login: string, p: AcParams = {}) {
  const callback = await authorize(t, new Browser(t.app), login, p);
  const body = tokenParams(t, callback.searchParams.get("code") as string, {
    scope: p.scope ?? "openid fullname snils email",
    scopeOrg: p.scopeOrg ?? "",
  });
  const response = await postForm(t.app, "/aas/oauth2/v3/te", body);
  if (response.statusCode !== 200) throw new Error(`token exchange failed: ${response.body}`);
  return response.json() as { access_token: string; id_token?: string; refresh_token?: string };
}

export const bearer = (app: FastifyInstance, url: string, token: string) =>
  app.inject({ method: "GET", url, headers: { authorization: `Bearer ${token}` } });
