import assert from "node:assert/strict";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
// @ts-expect-error oidc-provider ships no type declarations and @types/oidc-provider is not installed
import Provider from "oidc-provider";
import type { IdentityProvider, LoginOutcome } from "./identity-provider.ts";
import { createOidcIdentityProvider, type OidcAdapterConfig } from "./oidc-adapter.ts";

const CLIENT_ID = "frmr-cabinet";
const CLIENT_SECRET = "a-test-secret-long-enough-for-hs256-0123456789";
const REDIRECT_URI = "http://127.0.0.1:9/auth/oidc/callback"; // never contacted: the test stops at the redirect
const LOGOUT_RETURN = "http://127.0.0.1:9/";

// Synthetic people behind oidc-provider's findAccount; the second has no "confirmed account" claim.
const ACCOUNTS: Record<string, Record<string, unknown>> = {
  "1000000001": {
    family_name: "Иванова",
    given_name: "Анна",
    middle_name: "Петровна",
    birthdate: "1985-04-12",
    gender: "female",
    email: "anna@example.org",
    email_verified: true,
    snils: "112-233-445 95",
    trusted: true,
  },
  "1000000002": { family_name: "Петров", given_name: "Иван" },
};

// Drives oidc-provider's development login and consent pages as a browser would, with a cookie jar,
// until the provider redirects back to us; returns the callback's query parameters.
async function authorize(
  redirectUrl: string,
  account: string,
  abort = false,
): Promise<Record<string, string>> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
    const response = await fetch(url, { ...init, redirect: "manual", headers: { ...init.headers, cookie } });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  let url = redirectUrl;
  for (let step = 0; step < 12; step++) {
    if (url.startsWith(REDIRECT_URI)) return Object.fromEntries(new URL(url).searchParams);
    const response = await send(url);
    const location = response.headers.get("location");
    if (location !== null) {
      url = new URL(location, url).href;
      continue;
    }
    const page = await response.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    if (abort) {
      url = new URL(`${new URL(url).pathname}/abort`, url).href;
      continue;
    }
    const form = new URLSearchParams(
      prompt === "login" ? { prompt, login: account, password: "x" } : { prompt: prompt ?? "" },
    );
    const submitted = await send(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
    url = new URL(submitted.headers.get("location") ?? "", url).href;
  }
  throw new Error("the interaction did not finish");
}

describe("createOidcIdentityProvider (against oidc-provider)", () => {
  let server: Server;
  let issuer: string;

  before(async () => {
    let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
    server = createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          redirect_uris: [REDIRECT_URI],
          post_logout_redirect_uris: [LOGOUT_RETURN],
          token_endpoint_auth_method: "client_secret_post",
        },
      ],
      claims: {
        openid: ["sub"],
        profile: ["family_name", "given_name", "middle_name", "birthdate", "gender"],
        email: ["email", "email_verified"],
        esia: ["snils", "trusted"],
      },
      scopes: ["openid", "profile", "email", "esia"],
      cookies: { keys: ["test-cookie-key-0123456789"] },
      async findAccount(_ctx: unknown, sub: string) {
        const claims = ACCOUNTS[sub];
        if (claims === undefined) return undefined;
        return { accountId: sub, claims: async () => ({ sub, ...claims }) };
      },
    });
    handler = provider.callback();
  });
  after(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const adapter = (overrides: Partial<OidcAdapterConfig> = {}): IdentityProvider =>
    createOidcIdentityProvider({
      issuerUrl: issuer,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUri: REDIRECT_URI,
      scopes: ["openid", "profile", "email", "esia"],
      allowInsecureHttp: true,
      timeoutMs: 2000,
      ...overrides,
    });

  async function login(provider: IdentityProvider, account: string): Promise<LoginOutcome> {
    const { redirectUrl, state } = await provider.beginLogin();
    return provider.completeLogin(await authorize(redirectUrl, account), state);
  }

  it("discovers the provider and builds a PKCE authorization request", async () => {
    const { redirectUrl, state } = await adapter().beginLogin();
    const url = new URL(redirectUrl);
    assert.equal(url.origin, issuer);
    const q = url.searchParams;
    assert.equal(q.get("client_id"), CLIENT_ID);
    assert.equal(q.get("response_type"), "code");
    assert.equal(q.get("redirect_uri"), REDIRECT_URI);
    assert.equal(q.get("scope"), "openid profile email esia");
    assert.equal(q.get("state"), state);
    assert.equal(q.get("code_challenge_method"), "S256");
    assert.match(q.get("code_challenge") ?? "", /^[A-Za-z0-9_-]{43}$/);
    assert.equal(q.get("nonce"), null);
    const withNonce = new URL((await adapter({ useNonce: true }).beginLogin()).redirectUrl);
    assert.match(withNonce.searchParams.get("nonce") ?? "", /^[A-Za-z0-9_-]{43}$/);
  });

  it("completes a login and maps the claims to the person", async () => {
    const result = await login(adapter(), "1000000001");
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.value.person, {
      oid: "1000000001",
      lastName: "Иванова",
      firstName: "Анна",
      middleName: "Петровна",
      birthDate: "1985-04-12",
      gender: "F",
      snils: "11223344595",
      inn: undefined,
      trusted: true,
      contacts: [{ type: "email", value: "anna@example.org", verified: true }],
      documents: [],
      addresses: [],
    });
    assert.deepEqual(result.value.roles, []);
    assert.ok(result.value.tokens.accessToken);
    assert.ok(result.value.tokens.idToken);
    assert.ok(result.value.tokens.expiresAt.getTime() > Date.now());
  });

  it("completes a login with a nonce when configured", async () => {
    const result = await login(adapter({ useNonce: true }), "1000000001");
    assert.ok(result.ok, JSON.stringify(result));
  });

  it("trusts a person only when the configured claim is present and true", async () => {
    const untrusted = await login(adapter(), "1000000002");
    assert.ok(untrusted.ok, JSON.stringify(untrusted));
    assert.equal(untrusted.value.person.trusted, false);
    const otherClaim = await login(adapter({ trustedClaim: "email_verified" }), "1000000001");
    assert.ok(otherClaim.ok);
    assert.equal(otherClaim.value.person.trusted, true);
  });

  it("refuses a callback without a session state or with another state", async () => {
    const provider = adapter();
    const { redirectUrl, state } = await provider.beginLogin();
    const callback = await authorize(redirectUrl, "1000000001");
    const missing = await provider.completeLogin(callback, undefined);
    assert.equal(missing.ok ? undefined : missing.error.kind, "refused");
    const other = await provider.completeLogin(callback, `${state}x`);
    assert.equal(other.ok ? undefined : other.error.kind, "refused");
  });

  it("maps the user's refusal to a provider error", async () => {
    const provider = adapter();
    const { redirectUrl, state } = await provider.beginLogin();
    const result = await provider.completeLogin(await authorize(redirectUrl, "1000000001", true), state);
    assert.deepEqual(result.ok ? undefined : [result.error.kind, (result.error as { code: string }).code], [
      "provider-error",
      "access_denied",
    ]);
  });

  it("maps a reused code to a provider error", async () => {
    const provider = adapter();
    const { redirectUrl, state } = await provider.beginLogin();
    const callback = await authorize(redirectUrl, "1000000001");
    assert.ok((await provider.completeLogin(callback, state)).ok);
    const again = await provider.completeLogin(callback, state);
    assert.deepEqual(again.ok ? undefined : [again.error.kind, (again.error as { code: string }).code], [
      "provider-error",
      "invalid_grant",
    ]);
  });

  it("reports an unreachable provider as unavailable", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const provider = adapter({ issuerUrl: `http://127.0.0.1:${port}` });
    await assert.rejects(provider.beginLogin());
    const result = await provider.completeLogin({ code: "c", state: "s" }, "s");
    assert.equal(result.ok ? undefined : result.error.kind, "unavailable");
  });

  it("builds the end-session URL once discovery has run", async () => {
    const provider = adapter();
    await provider.beginLogin();
    const url = new URL(provider.logoutUrl(LOGOUT_RETURN));
    assert.equal(url.origin, issuer);
    assert.equal(url.searchParams.get("client_id"), CLIENT_ID);
    assert.equal(url.searchParams.get("post_logout_redirect_uri"), LOGOUT_RETURN);
  });
});
