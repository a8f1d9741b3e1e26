import assert from "node:assert/strict";
import { createPrivateKey } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import type { IncomingMessage, Server } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, beforeEach, describe, it } from "node:test";
import { CompactSign } from "jose";
import { createEsiaClient, type EsiaClientConfig } from "./client.ts";
import { gostPublicKeyInfoFromCertificate } from "./crypto/certificate.ts";
import { type DevKeys, loadOrCreateDevKeys } from "./crypto/dev-keys.ts";
import { gostVerify } from "./crypto/gost.ts";
import { createPureJsSigner } from "./crypto/signer.ts";
import type { IdentityProvider, LoginOutcome } from "./identity-provider.ts";
import { authorizationSignedString, decodeBase64Lenient, tokenSignedString } from "./protocol.ts";

const ISSUER = "http://esia-portal1.test.gosuslugi.ru/";
const CLIENT_ID = "FRMRLK";
const REDIRECT_URI = "https://lk.frmr.example/auth/esia/callback";
const SCOPES = ["openid", "fullname", "snils", "email", "id_doc", "usr_org"];
const OID = 1000000001;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Captured {
  method: string;
  path: string;
  url: URL;
  headers: IncomingMessage["headers"];
  body: string;
}
type Reply = { status: number; json?: unknown; raw?: string } | "hang";

// A loopback ESIA with scripted answers; every request is captured for the assertions.
async function startFakeEsia(answer: (request: Captured) => Reply | Promise<Reply>) {
  const captured: Captured[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const request = { method: req.method ?? "", path: url.pathname, url, headers: req.headers, body: "" };
    request.body = Buffer.concat(chunks).toString("utf8");
    captured.push(request);
    const reply = await answer(request);
    if (reply === "hang") return; // never answers; closeAllConnections ends it
    res.writeHead(reply.status, { "content-type": "application/json" });
    res.end(reply.raw ?? JSON.stringify(reply.json));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    captured,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe("createEsiaClient", () => {
  let dir: string;
  let keys: DevKeys;
  let esia: Awaited<ReturnType<typeof startFakeEsia>>;
  let script: {
    token: (request: Captured) => Reply | Promise<Reply>;
    person: Reply;
    roles: Reply;
  };

  async function signedToken(kind: "access" | "id", claims: Record<string, unknown>): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new CompactSign(
      new TextEncoder().encode(
        JSON.stringify({ iss: ISSUER, nbf: now, iat: now, exp: now + 3600, ...claims }),
      ),
    )
      .setProtectedHeader({ ver: 1, typ: "JWT", sbt: kind, alg: "RS256" })
      .sign(createPrivateKey(keys.standin.rsaPrivateKeyPem));
  }

  async function tokenResponse(request: Captured, overrides: Record<string, unknown> = {}): Promise<Reply> {
    const form = new URLSearchParams(request.body);
    return {
      status: 200,
      json: {
        access_token: await signedToken("access", {
          client_id: CLIENT_ID,
          "urn:esia:sbj_id": OID,
          "urn:esia:sid": "sid-42",
          scope: `openid fullname?oid=${OID} snils?oid=${OID} email?oid=${OID} id_doc?oid=${OID} usr_org?oid=${OID}`,
        }),
        id_token: await signedToken("id", { aud: CLIENT_ID, sub: OID }),
        state: form.get("state"),
        token_type: "Bearer",
        expires_in: 3600,
        ...overrides,
      },
    };
  }

  function client(overrides: Partial<EsiaClientConfig> = {}): IdentityProvider {
    return createEsiaClient({
      baseUrl: esia.baseUrl,
      clientId: CLIENT_ID,
      redirectUri: REDIRECT_URI,
      scopes: SCOPES,
      signer: createPureJsSigner(keys.client),
      issuer: ISSUER,
      verificationCertificates: [keys.standin.rsaCertificatePem, keys.standin.gostCertificatePem],
      timeoutMs: 2000,
      ...overrides,
    });
  }

  // Runs beginLogin, then completes it with a code as ESIA would redirect back.
  async function login(provider = client()): Promise<LoginOutcome> {
    const { state } = await provider.beginLogin();
    return provider.completeLogin({ code: "code-1", state }, state);
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "esia-client-"));
    keys = await loadOrCreateDevKeys(dir);
    esia = await startFakeEsia((request) => {
      if (request.method === "POST" && request.path === "/aas/oauth2/v3/te") return script.token(request);
      if (request.path === `/rs/prns/${OID}`) return script.person;
      if (request.path === `/rs/prns/${OID}/roles`) return script.roles;
      return { status: 404, json: {} };
    });
  });
  after(async () => {
    await esia.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    esia.captured.length = 0;
    script = {
      token: (request) => tokenResponse(request),
      person: {
        status: 200,
        json: {
          firstName: "Анна",
          lastName: "Иванова",
          trusted: true,
          snils: "112-233-445 95",
          contacts: { elements: [{ type: "EML", vrfStu: "VERIFIED", value: "anna@example.org" }] },
        },
      },
      roles: {
        status: 200,
        json: {
          elements: [
            { oid: 1000000500, fullName: "ГБУЗ «Пример»", shortName: "ГБУЗ", type: "LEGAL", chief: true },
          ],
        },
      },
    };
  });

  it("builds the /v2/ac redirect with a verifiable client_secret", async () => {
    const fixed = new Date("2025-01-25T11:36:11Z");
    const { redirectUrl, state } = await client({ now: () => fixed }).beginLogin();
    const url = new URL(redirectUrl);
    assert.equal(`${url.origin}${url.pathname}`, `${esia.baseUrl}/aas/oauth2/v2/ac`);
    const q = url.searchParams;
    assert.match(state, UUID);
    assert.equal(q.get("state"), state);
    assert.equal(q.get("client_id"), CLIENT_ID);
    assert.equal(q.get("client_certificate_hash"), keys.client.certificateHash);
    assert.equal(q.get("redirect_uri"), REDIRECT_URI);
    assert.equal(q.get("scope"), SCOPES.join(" "));
    assert.equal(q.get("scope_org"), "");
    assert.equal(q.get("response_type"), "code");
    assert.equal(q.get("access_type"), "online");
    assert.equal(q.get("timestamp"), "2025.01.25 14:36:11 +0300");
    // The space, the colons and the plus of the timestamp must be encoded (§4.2).
    assert.match(redirectUrl, /[?&]timestamp=2025\.01\.25\+14%3A36%3A11\+%2B0300(&|$)/);

    const secret = q.get("client_secret") ?? "";
    assert.match(secret, /^[A-Za-z0-9_-]{86}$/, "base64url without padding");
    const expected = authorizationSignedString({
      clientId: CLIENT_ID,
      scope: SCOPES.join(" "),
      scopeOrg: "",
      timestamp: "2025.01.25 14:36:11 +0300",
      state,
      redirectUri: REDIRECT_URI,
    });
    const { publicKey, curve } = gostPublicKeyInfoFromCertificate(keys.client.certificateDer);
    const signature = decodeBase64Lenient(secret) ?? new Uint8Array();
    assert.ok(gostVerify(publicKey, new TextEncoder().encode(expected), signature, curve));
    assert.ok(!gostVerify(publicKey, new TextEncoder().encode(`${expected}x`), signature, curve));
  });

  it("exchanges the code, verifies the tokens and reads the person and roles", async () => {
    const result = await login();
    assert.ok(result.ok, JSON.stringify(result));
    const { person, roles, sessionId, tokens } = result.value;
    assert.equal(person.oid, String(OID));
    assert.equal(person.lastName, "Иванова");
    assert.equal(person.snils, "11223344595");
    assert.equal(person.trusted, true);
    assert.deepEqual(person.contacts, [{ type: "email", value: "anna@example.org", verified: true }]);
    assert.deepEqual(
      roles.map((role) => [role.orgOid, role.chief]),
      [["1000000500", true]],
    );
    assert.equal(sessionId, "sid-42");
    assert.ok(tokens.idToken);
    assert.ok(Math.abs(tokens.expiresAt.getTime() - (Date.now() + 3600_000)) < 5000);

    const [token, personRequest, rolesRequest] = esia.captured;
    assert.equal(personRequest?.url.search, "?embed=(contacts.elements,documents.elements)");
    assert.equal(personRequest?.headers.authorization, `Bearer ${tokens.accessToken}`);
    assert.equal(rolesRequest?.headers.authorization, `Bearer ${tokens.accessToken}`);

    assert.equal(token?.headers["content-type"], "application/x-www-form-urlencoded");
    const form = new URLSearchParams(token?.body);
    assert.deepEqual([...form.keys()].sort(), [
      "client_certificate_hash",
      "client_id",
      "client_secret",
      "code",
      "grant_type",
      "redirect_uri",
      "scope",
      "scope_org",
      "state",
      "timestamp",
      "token_type",
    ]);
    assert.equal(form.get("grant_type"), "authorization_code");
    assert.equal(form.get("code"), "code-1");
    assert.equal(form.get("token_type"), "Bearer");
    assert.equal(form.get("client_certificate_hash"), keys.client.certificateHash);
    assert.match(form.get("state") ?? "", UUID);
    const expected = tokenSignedString({
      clientId: CLIENT_ID,
      scope: SCOPES.join(" "),
      scopeOrg: "",
      timestamp: form.get("timestamp") ?? "",
      state: form.get("state") ?? "",
      redirectUri: REDIRECT_URI,
      code: "code-1",
    });
    const { publicKey, curve } = gostPublicKeyInfoFromCertificate(keys.client.certificateDer);
    const signature = decodeBase64Lenient(form.get("client_secret") ?? "") ?? new Uint8Array();
    assert.ok(gostVerify(publicKey, new TextEncoder().encode(expected), signature, curve));
  });

  it("uses a new state for the token request", async () => {
    const provider = client();
    const { state } = await provider.beginLogin();
    assert.ok((await provider.completeLogin({ code: "c", state }, state)).ok);
    const tokenState = new URLSearchParams(esia.captured[0]?.body).get("state");
    assert.notEqual(tokenState, state);
  });

  it("skips the roles call when usr_org was not granted", async () => {
    script.token = async (request) =>
      tokenResponse(request, {
        access_token: await signedToken("access", {
          client_id: CLIENT_ID,
          "urn:esia:sbj_id": OID,
          scope: `openid fullname?oid=${OID}`,
        }),
      });
    const result = await login();
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.value.roles, []);
    assert.deepEqual(
      esia.captured.map((request) => request.url.pathname + request.url.search),
      ["/aas/oauth2/v3/te", `/rs/prns/${OID}`],
    );
  });

  describe("state", () => {
    const refusedWithoutCalls = (result: LoginOutcome) => {
      assert.equal(result.ok ? undefined : result.error.kind, "refused");
      assert.equal(esia.captured.length, 0, "no token request after a state refusal");
    };

    it("refuses a callback when the session holds no state", async () => {
      const { state } = await client().beginLogin();
      refusedWithoutCalls(await client().completeLogin({ code: "c", state }, undefined));
    });

    it("refuses a callback without state", async () => {
      const { state } = await client().beginLogin();
      refusedWithoutCalls(await client().completeLogin({ code: "c" }, state));
    });

    it("refuses a callback with another login's state", async () => {
      const provider = client();
      const mine = await provider.beginLogin();
      const theirs = await provider.beginLogin();
      refusedWithoutCalls(await provider.completeLogin({ code: "c", state: theirs.state }, mine.state));
    });

    it("refuses a replayed callback", async () => {
      const provider = client();
      const { state } = await provider.beginLogin();
      assert.ok((await provider.completeLogin({ code: "c", state }, state)).ok);
      esia.captured.length = 0;
      refusedWithoutCalls(await provider.completeLogin({ code: "c", state }, state));
    });

    it("refuses a callback without a code", async () => {
      const { state } = await client().beginLogin();
      refusedWithoutCalls(await client().completeLogin({ state }, state));
    });
  });

  it("maps an ESIA error callback to its code", async () => {
    const { state } = await client().beginLogin();
    const result = await client().completeLogin(
      {
        error: "access_denied",
        error_description: "ESIA-007004: The resource owner denied the request",
        state,
      },
      state,
    );
    assert.deepEqual(result, {
      ok: false,
      error: {
        kind: "provider-error",
        code: "ESIA-007004",
        description: "ESIA-007004: The resource owner denied the request",
      },
    });
  });

  it("maps a token endpoint error to its ESIA code", async () => {
    script.token = () => ({
      status: 400,
      json: { error: "invalid_grant", error_description: "ESIA-007011: code expired", state: "x" },
    });
    const result = await login();
    assert.deepEqual(result.ok ? undefined : result.error, {
      kind: "provider-error",
      code: "ESIA-007011",
      description: "ESIA-007011: code expired",
    });
  });

  it("refuses a token response echoing another state", async () => {
    script.token = (request) => tokenResponse(request, { state: "7b0e2c1a-5d4f-4e3b-8a9c-1f2e3d4c5b6a" });
    const result = await login();
    assert.equal(result.ok ? undefined : result.error.kind, "refused");
  });

  it("refuses tokens it cannot verify", async () => {
    const stranger = await loadOrCreateDevKeys(join(dir, "stranger"));
    script.token = async (request) => {
      const reply = (await tokenResponse(request)) as { status: number; json: Record<string, unknown> };
      const now = Math.floor(Date.now() / 1000);
      const forged = await new CompactSign(
        new TextEncoder().encode(
          JSON.stringify({ iss: ISSUER, exp: now + 60, client_id: CLIENT_ID, "urn:esia:sbj_id": OID }),
        ),
      )
        .setProtectedHeader({ sbt: "access", alg: "RS256" })
        .sign(createPrivateKey(stranger.standin.rsaPrivateKeyPem));
      return { status: 200, json: { ...reply.json, access_token: forged } };
    };
    const result = await login();
    assert.equal(result.ok ? undefined : result.error.kind, "refused");
    assert.equal(esia.captured.length, 1, "no REST call with an unverified token");
  });

  it("reports a token endpoint that never answers as unavailable, within the timeout", async () => {
    script.token = () => "hang";
    const provider = client({ timeoutMs: 300 });
    const { state } = await provider.beginLogin();
    const started = performance.now();
    const result = await provider.completeLogin({ code: "c", state }, state);
    const elapsed = performance.now() - started;
    assert.equal(result.ok ? undefined : result.error.kind, "unavailable");
    assert.ok(elapsed >= 250 && elapsed < 1500, `took ${elapsed} ms`);
  });

  it("reports 5xx answers as unavailable", async () => {
    script.token = () => ({ status: 502, raw: "<html>Bad gateway</html>" });
    assert.equal(((await login()) as { error: { kind: string } }).error.kind, "unavailable");
    script.token = (request) => tokenResponse(request);
    script.person = { status: 503, json: {} };
    assert.equal(((await login()) as { error: { kind: string } }).error.kind, "unavailable");
  });

  it("reports a refused connection as unavailable", async () => {
    const closed = await startFakeEsia(() => ({ status: 200, json: {} }));
    await closed.close();
    const result = await login(client({ baseUrl: closed.baseUrl }));
    assert.equal(result.ok ? undefined : result.error.kind, "unavailable");
  });

  it("maps a REST scope error to its ESIA code", async () => {
    script.person = {
      status: 403,
      json: { code: "ESIA-005029", message: "SecurityErrorEnum.scopeNotAllowed" },
    };
    const result = await login();
    assert.deepEqual(result.ok ? undefined : result.error, {
      kind: "provider-error",
      code: "ESIA-005029",
      description: "SecurityErrorEnum.scopeNotAllowed",
    });
  });

  it("builds the logout URL with redirect_url", () => {
    const url = new URL(client().logoutUrl("https://lk.frmr.example/"));
    assert.equal(url.pathname, "/idp/ext/Logout");
    assert.equal(url.searchParams.get("client_id"), CLIENT_ID);
    assert.equal(url.searchParams.get("redirect_url"), "https://lk.frmr.example/");
  });
});
