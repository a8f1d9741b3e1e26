// A tiny cookie-keeping browser over app.inject, and the user journeys the stand-in tests share.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import {
  type AcParams,
  acParams,
  acUrl,
  REDIRECT_URI,
  type TestStandin,
  tokenParams,
} from "./test-support.ts";

export function postForm(app: FastifyInstance, url: string, body: Record<string, string>) {
  return app.inject({
    method: "POST",
    url,
    payload: new URLSearchParams(body).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
}

/** Follows nothing by itself; keeps cookies between requests like a browser would. */
export class Browser {
  private cookies = new Map<string, string>();
  /** `remoteAddress`: the source address the stand-in sees (lockout is per account and source). */
  constructor(
    private readonly app: FastifyInstance,
    private readonly remoteAddress = "127.0.0.1",
  ) {}

  private remember(response: LightMyRequestResponse) {
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === "" || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()))
        this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }

  private get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async get(url: string) {
    return this.remember(
      await this.app.inject({
        method: "GET",
        url,
        headers: { cookie: this.cookieHeader },
        remoteAddress: this.remoteAddress,
      }),
    );
  }

  async post(url: string, body: Record<string, string>) {
    return this.remember(
      await this.app.inject({
        method: "POST",
        url,
        remoteAddress: this.remoteAddress,
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
export async function authorize(
  t: TestStandin,
  browser: Browser,
  login: string,
  p: AcParams = {},
): Promise<URL> {
  const ac = await browser.get(acUrl(acParams(t, p)));
  let response = ac;
  if (location(ac).startsWith("/login")) response = await loginAt(browser, location(ac), login);
  if (location(response).startsWith("/consent")) {
    const consent = await browser.get(location(response));
    response = await browser.submit(consent, "/consent", { decision: "grant" });
  }
  const target = location(response);
  if (!target.startsWith(REDIRECT_URI))
    throw new Error(`expected a redirect to the client, got ${response.statusCode} ${target}`);
  return new URL(target);
}

export async function latestCode(app: FastifyInstance): Promise<string> {
  const outbox = (await app.inject({ method: "GET", url: "/outbox.json" })).json() as {
    messages: { text: string }[];
  };
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
