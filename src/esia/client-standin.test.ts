// End to end: the ESIA client against the ESIA stand-in listening on loopback, with the login and
// consent pages driven as a browser would (cookies, hidden fields), for both token algorithms.
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { settings } from "../config/settings.ts";
import { buildStandinApp, SEED_PASSWORD, standinAccounts } from "../esia-standin/app.ts";
import { createEsiaClient } from "./client.ts";
import { type DevKeys, loadOrCreateDevKeys } from "./crypto/dev-keys.ts";
import { createPureJsSigner } from "./crypto/signer.ts";
import type { IdentityProvider } from "./identity-provider.ts";

const CLIENT_ID = "FRMRLK";
const REDIRECT_URI = "http://127.0.0.1:9/auth/esia/callback"; // never contacted: the browser stops there
// Logins as a person would type them; the seed's phones are +79001000001 and +79001000002.
const IVANOVA_LOGIN = "+7 900 100-00-01";
const PETROVA_LOGIN = "+7 900 100-00-02";
// What the cabinet asks for by default.
const SCOPES = settings.ESIA_SCOPES.fallback.split(" ");

const decodeEntities = (value: string) =>
  value
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

/**
 * Follows redirects and submits the stand-in's forms (login, then consent with `decision`) until the
 * stand-in redirects to our redirect URI; returns that callback's query parameters.
 */
async function browse(
  start: string,
  login: string,
  decision: "grant" | "deny",
): Promise<Record<string, string>> {
  const jar = new Map<string, string>();
  const send = async (url: string, form?: URLSearchParams) => {
    const headers: Record<string, string> = { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") };
    if (form) headers["content-type"] = "application/x-www-form-urlencoded";
    const response = await fetch(url, {
      method: form ? "POST" : "GET",
      headers,
      body: form?.toString(),
      redirect: "manual",
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  let response = await send(start);
  let url = start;
  for (let step = 0; step < 12; step++) {
    const location = response.headers.get("location");
    if (location !== null) {
      url = new URL(location, url).href;
      if (url.startsWith(REDIRECT_URI)) return Object.fromEntries(new URL(url).searchParams);
      response = await send(url);
      continue;
    }
    const page = await response.text();
    assert.equal(response.status, 200, `unexpected page at ${url}: ${page.slice(0, 500)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    assert.ok(action, `no form at ${url}`);
    const form = new URLSearchParams();
    for (const [input] of page.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
      const name = /name="([^"]*)"/.exec(input)?.[1];
      const value = /value="([^"]*)"/.exec(input)?.[1] ?? "";
      if (name) form.set(name, decodeEntities(value));
    }
    if (page.includes('name="password"')) {
      form.set("login", login);
      form.set("password", SEED_PASSWORD);
    } else if (page.includes('name="decision"')) {
      form.set("decision", decision);
    } else {
      assert.fail(`unexpected form at ${url}`);
    }
    url = new URL(decodeEntities(action), url).href;
    response = await send(url, form);
  }
  throw new Error("the stand-in did not redirect back");
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

for (const tokenAlg of ["RS256", "GOST3410_2012_256"] as const) {
  describe(`ESIA client against the stand-in (${tokenAlg} tokens)`, () => {
    let dir: string;
    let keys: DevKeys;
    let standin: FastifyInstance;
    let client: IdentityProvider;

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), "esia-e2e-"));
      keys = await loadOrCreateDevKeys(dir);
      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      standin = await buildStandinApp({
        publicUrl: baseUrl,
        issuer: `${baseUrl}/`,
        tokenAlg,
        keys: keys.standin,
        clients: [
          {
            clientId: CLIENT_ID,
            redirectUris: [REDIRECT_URI],
            certificateDer: keys.client.certificateDer,
            allowedScopes: SCOPES,
          },
        ],
        timestampWindowSeconds: 300,
        codeTtlSeconds: 240,
        accessTokenTtlSeconds: 3600,
      });
      await standin.listen({ port, host: "127.0.0.1" });
      client = createEsiaClient({
        baseUrl,
        clientId: CLIENT_ID,
        redirectUri: REDIRECT_URI,
        scopes: SCOPES,
        signer: createPureJsSigner(keys.client),
        issuer: `${baseUrl}/`,
        // Only the certificate of the configured algorithm, as in production.
        verificationCertificates: [
          tokenAlg === "RS256" ? keys.standin.rsaCertificatePem : keys.standin.gostCertificatePem,
        ],
        timeoutMs: 5000,
      });
    });
    after(async () => {
      await standin.close();
      await rm(dir, { recursive: true, force: true });
    });

    it("logs Иванова in and reads her person record and roles", async () => {
      const { redirectUrl, state } = await client.beginLogin();
      const callback = await browse(redirectUrl, IVANOVA_LOGIN, "grant");
      const result = await client.completeLogin(callback, state);
      assert.ok(result.ok, JSON.stringify(result));
      const { person, roles, tokens } = result.value;
      assert.equal(person.oid, String(standinAccounts.ivanova.oid));
      assert.equal(person.lastName, "Иванова");
      assert.equal(person.firstName, "Мария");
      assert.equal(person.birthDate, "1985-03-14");
      assert.equal(person.gender, "F");
      assert.match(person.snils ?? "", /^\d{11}$/);
      assert.equal(person.trusted, true);
      assert.ok(person.contacts.some((c) => c.type === "email" && c.value === "maria.ivanova@example.org"));
      const passport = person.documents.find((d) => d.type === "RF_PASSPORT");
      assert.equal(passport?.divisionCode, "770-001");
      assert.equal(passport?.issueDate, "2005-04-20");
      assert.equal(roles.length, standinAccounts.ivanova.roles.length);
      assert.ok(roles.some((role) => role.chief));
      assert.ok(tokens.idToken);
    });

    it("maps the user's refusal at consent to ESIA-007004", async () => {
      // Петрова logs in nowhere else here: the stand-in remembers a granted consent and would skip the page.
      const { redirectUrl, state } = await client.beginLogin();
      const callback = await browse(redirectUrl, PETROVA_LOGIN, "deny");
      const result = await client.completeLogin(callback, state);
      assert.deepEqual(result.ok ? undefined : [result.error.kind, (result.error as { code: string }).code], [
        "provider-error",
        "ESIA-007004",
      ]);
    });

    it("gets a provider error when the code is exchanged twice", async () => {
      const { redirectUrl, state } = await client.beginLogin();
      const callback = await browse(redirectUrl, IVANOVA_LOGIN, "grant");
      assert.ok((await client.completeLogin(callback, state)).ok);
      // A fresh client instance has no memory of the state, so the stand-in itself must refuse the code.
      const other = createEsiaClient({
        baseUrl: standin.listeningOrigin,
        clientId: CLIENT_ID,
        redirectUri: REDIRECT_URI,
        scopes: SCOPES,
        signer: createPureJsSigner(keys.client),
        issuer: `${standin.listeningOrigin}/`,
        verificationCertificates: [keys.standin.rsaCertificatePem, keys.standin.gostCertificatePem],
        timeoutMs: 5000,
      });
      const again = await other.completeLogin(callback, state);
      assert.equal(again.ok ? undefined : again.error.kind, "provider-error");
      assert.match(again.ok ? "" : (again.error as { code: string }).code, /^ESIA-0070\d\d$/);
    });
  });
}
