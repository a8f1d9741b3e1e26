import assert from "node:assert/strict";
import { createPrivateKey } from "node:crypto";
import { join } from "node:path";
import { describe, it } from "node:test";
import { CompactSign } from "jose";
import { loadOrCreateDevKeys } from "./crypto/dev-keys.ts";
import { CLIENT_ID, ISSUER, OID, startFakeEsia, useClientFixture } from "./test-fake-esia.ts";

// How the client reports ESIA's errors, forged tokens, timeouts and outages.
describe("createEsiaClient failures", () => {
  const f = useClientFixture();

  it("maps an ESIA error callback to its code", async () => {
    const { state } = await f.client().beginLogin();
    const result = await f.client().completeLogin(
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
    f.script.token = () => ({
      status: 400,
      json: { error: "invalid_grant", error_description: "ESIA-007011: code expired", state: "x" },
    });
    const result = await f.login();
    assert.deepEqual(result.ok ? undefined : result.error, {
      kind: "provider-error",
      code: "ESIA-007011",
      description: "ESIA-007011: code expired",
    });
  });

  it("refuses a token response echoing another state", async () => {
    f.script.token = (request) => f.tokenResponse(request, { state: "7b0e2c1a-5d4f-4e3b-8a9c-1f2e3d4c5b6a" });
    const result = await f.login();
    assert.equal(result.ok ? undefined : result.error.kind, "refused");
  });

  it("refuses tokens it cannot verify", async () => {
    const stranger = await loadOrCreateDevKeys(join(f.dir, "stranger"));
    f.script.token = async (request) => {
      const reply = (await f.tokenResponse(request)) as { status: number; json: Record<string, unknown> };
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
    const result = await f.login();
    assert.equal(result.ok ? undefined : result.error.kind, "refused");
    assert.equal(f.esia.captured.length, 1, "no REST call with an unverified token");
  });

  it("reports a token endpoint that never answers as unavailable, within the timeout", async () => {
    f.script.token = () => "hang";
    const provider = f.client({ timeoutMs: 300 });
    const { state } = await provider.beginLogin();
    const started = performance.now();
    const result = await provider.completeLogin({ code: "c", state }, state);
    const elapsed = performance.now() - started;
    assert.equal(result.ok ? undefined : result.error.kind, "unavailable");
    assert.ok(elapsed >= 250 && elapsed < 1500, `took ${elapsed} ms`);
  });

  it("reports 5xx answers as unavailable", async () => {
    f.script.token = () => ({ status: 502, raw: "<html>Bad gateway</html>" });
    assert.equal(((await f.login()) as { error: { kind: string } }).error.kind, "unavailable");
    f.script.token = (request) => f.tokenResponse(request);
    f.script.person = { status: 503, json: {} };
    assert.equal(((await f.login()) as { error: { kind: string } }).error.kind, "unavailable");
  });

  it("reports a refused connection as unavailable", async () => {
    const closed = await startFakeEsia(() => ({ status: 200, json: {} }));
    await closed.close();
    const result = await f.login(f.client({ baseUrl: closed.baseUrl }));
    assert.equal(result.ok ? undefined : result.error.kind, "unavailable");
  });

  it("maps a REST scope error to its ESIA code", async () => {
    f.script.person = {
      status: 403,
      json: { code: "ESIA-005029", message: "SecurityErrorEnum.scopeNotAllowed" },
    };
    const result = await f.login();
    assert.deepEqual(result.ok ? undefined : result.error, {
      kind: "provider-error",
      code: "ESIA-005029",
      description: "SecurityErrorEnum.scopeNotAllowed",
    });
  });

  it("builds the logout URL with redirect_url", () => {
    const url = new URL(f.client().logoutUrl("https://lk.frmr.example/"));
    assert.equal(url.pathname, "/idp/ext/Logout");
    assert.equal(url.searchParams.get("client_id"), CLIENT_ID);
    assert.equal(url.searchParams.get("redirect_url"), "https://lk.frmr.example/");
  });
});
