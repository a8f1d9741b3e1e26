// A tiny cookie-keeping HTTP client that follows the real pages and forms, for login flows in tests
// without a browser: it submits the forms as a browser would, hidden fields included.
import { cookiesFrom } from "./platform.ts";

export interface FetchedPage {
  url: string;
  status: number;
  html: string;
}

export class FormClient {
  private readonly jars = new Map<string, string>();

  cookieFor(url: string): string {
    return this.jars.get(new URL(url).host) ?? "";
  }

  /** Fetches `url` and follows redirects, keeping cookies for each host. */
  async get(url: string): Promise<FetchedPage> {
    return this.follow(url, { method: "GET" });
  }

  /** Posts a multipart form (an upload) and follows the redirect, keeping cookies. */
  async postMultipart(url: string, form: FormData): Promise<FetchedPage> {
    return this.follow(url, { method: "POST", body: form });
  }

  /** Follows redirects but stops before requesting a URL that matches `stop`, and returns that URL. */
  stopBefore: RegExp | undefined;

  /** Submits the form whose action ends with `action` on `page`, with its hidden fields plus `fields`. */
  async submit(page: FetchedPage, action: string, fields: Record<string, string>): Promise<FetchedPage> {
    const forms = [...page.html.matchAll(/<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)];
    const form = forms.find((match) =>
      decode(match[1] ?? "")
        .split("?")[0]
        ?.endsWith(action),
    );
    if (!form) throw new Error(`no form with action ${action} on ${page.url}`);
    const body = new URLSearchParams();
    for (const input of (form[2] ?? "").matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
      const name = input[0].match(/name="([^"]*)"/)?.[1];
      const value = input[0].match(/value="([^"]*)"/)?.[1] ?? "";
      if (name) body.set(name, decode(value));
    }
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    const target = new URL(decode(form[1] ?? ""), page.url).toString();
    return this.follow(target, {
      method: "POST",
      body: body.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
  }

  private async follow(url: string, init: RequestInit): Promise<FetchedPage> {
    let current = url;
    let request = init;
    for (let hop = 0; hop < 10; hop++) {
      if (this.stopBefore?.test(current)) return { url: current, status: 0, html: "" };
      const host = new URL(current).host;
      const response = await fetch(current, {
        ...request,
        redirect: "manual",
        headers: { ...(request.headers as Record<string, string>), cookie: this.jars.get(host) ?? "" },
      });
      this.jars.set(host, cookiesFrom(response.headers.getSetCookie(), this.jars.get(host)));
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        current = new URL(location, current).toString();
        request = { method: "GET" };
        continue;
      }
      return { url: current, status: response.status, html: await response.text() };
    }
    throw new Error(`too many redirects from ${url}`);
  }
}

function decode(value: string): string {
  return value
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<");
}

/**
 * Logs in through the cabinet and the stand-in's login page, answering the consent page when the
 * stand-in shows it (only the first time for an account); returns the page the cabinet lands on.
 */
export async function loginThroughStandin(
  client: FormClient,
  cabinetUrl: string,
  login: string,
  decision: "grant" | "deny" = "grant",
): Promise<FetchedPage> {
  const loginPage = await client.get(`${cabinetUrl}/auth/esia/login`);
  const next = await client.submit(loginPage, "/login", { login, password: "Test-1234" });
  return /action="\/consent"/.test(next.html) ? client.submit(next, "/consent", { decision }) : next;
}

/**
 * Chooses «Как медицинский работник» when the cabinet asks whom to act for, and connects the ФРМР
 * service at the first login (W2).
 */
export async function enterAsWorker(client: FormClient, page: FetchedPage): Promise<FetchedPage> {
  const entered =
    new URL(page.url).pathname === "/auth/context"
      ? await client.submit(page, "/auth/context", { choice: "worker" })
      : page;
  return connectServiceIfAsked(client, entered);
}

/** Answers «Подключить сервис ФРМР» with the SMS code, read from the development outbox as from a phone. */
export async function connectServiceIfAsked(client: FormClient, page: FetchedPage): Promise<FetchedPage> {
  if (new URL(page.url).pathname !== "/lk/connect") return page;
  const sent = await client.submit(page, "/lk/connect/code", {});
  const outbox = await client.get(new URL("/dev/outbox", page.url).toString());
  const code = outbox.html.match(/Код для подключения сервиса ФРМР: (\d{6})/)?.[1];
  if (!code) throw new Error("no code for the ФРМР service in the development outbox");
  return client.submit(sent, "/lk/connect/confirm", { code });
}
