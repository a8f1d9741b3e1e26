import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gostPublicKeyInfoFromCertificate } from "./crypto/certificate.ts";
import { gostVerify } from "./crypto/gost.ts";
import type { LoginOutcome } from "./identity-provider.ts";
import { authorizationSignedString, decodeBase64Lenient, tokenSignedString } from "./protocol.ts";
import { CLIENT_ID, OID, REDIRECT_URI, SCOPES, UUID, useClientFixture } from "./test-fake-esia.ts";

// The requests the client sends and the state checks; failures of ESIA are in client-failures.test.ts.
describe("createEsiaClient", () => {
  const f = useClientFixture();

  it("builds the /v2/ac redirect with a verifiable client_secret", async () => {
    const fixed = new Date("2025-01-25T11:36:11Z");
    const { redirectUrl, state } = await f.client({ now: () => fixed }).beginLogin();
    const url = new URL(redirectUrl);
    assert.equal(`${url.origin}${url.pathname}`, `${f.esia.baseUrl}/aas/oauth2/v2/ac`);
    const q = url.searchParams;
    assert.match(state, UUID);
    assert.equal(q.get("state"), state);
    assert.equal(q.get("client_id"), CLIENT_ID);
    assert.equal(q.get("client_certificate_hash"), f.keys.client.certificateHash);
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
    const { publicKey, curve } = gostPublicKeyInfoFromCertificate(f.keys.client.certificateDer);
    const signature = decodeBase64Lenient(secret) ?? new Uint8Array();
    assert.ok(gostVerify(publicKey, new TextEncoder().encode(expected), signature, curve));
    assert.ok(!gostVerify(publicKey, new TextEncoder().encode(`${expected}x`), signature, curve));
  });

  it("exchanges the code, verifies the tokens and reads the person and roles", async () => {
    const result = await f.login();
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

    const [token, personRequest, rolesRequest] = f.esia.captured;
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
    assert.equal(form.get("client_certificate_hash"), f.keys.client.certificateHash);
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
    const { publicKey, curve } = gostPublicKeyInfoFromCertificate(f.keys.client.certificateDer);
    const signature = decodeBase64Lenient(form.get("client_secret") ?? "") ?? new Uint8Array();
    assert.ok(gostVerify(publicKey, new TextEncoder().encode(expected), signature, curve));
  });

  it("uses a new state for the token request", async () => {
    const provider = f.client();
    const { state } = await provider.beginLogin();
    assert.ok((await provider.completeLogin({ code: "c", state }, state)).ok);
    const tokenState = new URLSearchParams(f.esia.captured[0]?.body).get("state");
    assert.notEqual(tokenState, state);
  });

  it("skips the roles call when usr_org was not granted", async () => {
    f.script.token = async (request) =>
      f.tokenResponse(request, {
        access_token: await f.signedToken("access", {
          client_id: CLIENT_ID,
          "urn:esia:sbj_id": OID,
          scope: `openid fullname?oid=${OID}`,
        }),
      });
    const result = await f.login();
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.value.roles, []);
    assert.deepEqual(
      f.esia.captured.map((request) => request.url.pathname + request.url.search),
      ["/aas/oauth2/v3/te", `/rs/prns/${OID}`],
    );
  });

  describe("state", () => {
    const refusedWithoutCalls = (result: LoginOutcome) => {
      assert.equal(result.ok ? undefined : result.error.kind, "refused");
      assert.equal(f.esia.captured.length, 0, "no token request after a state refusal");
    };

    it("refuses a callback when the session holds no state", async () => {
      const { state } = await f.client().beginLogin();
      refusedWithoutCalls(await f.client().completeLogin({ code: "c", state }, undefined));
    });

    it("refuses a callback without state", async () => {
      const { state } = await f.client().beginLogin();
      refusedWithoutCalls(await f.client().completeLogin({ code: "c" }, state));
    });

    it("refuses a callback with another login's state", async () => {
      const provider = f.client();
      const mine = await provider.beginLogin();
      const theirs = await provider.beginLogin();
      refusedWithoutCalls(await provider.completeLogin({ code: "c", state: theirs.state }, mine.state));
    });

    it("refuses a replayed callback", async () => {
      const provider = f.client();
      const { state } = await provider.beginLogin();
      assert.ok((await provider.completeLogin({ code: "c", state }, state)).ok);
      f.esia.captured.length = 0;
      refusedWithoutCalls(await provider.completeLogin({ code: "c", state }, state));
    });

    it("refuses a callback without a code", async () => {
      const { state } = await f.client().beginLogin();
      refusedWithoutCalls(await f.client().completeLogin({ state }, state));
    });
  });
});
