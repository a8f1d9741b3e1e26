// The full relying-party journey against the stand-in, and /v3/te validation (§5, §9, §10, §18).
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { decodeProtectedHeader, importX509, jwtVerify } from "jose";
import { standinAccounts } from "./seed.ts";
import { authorize, Browser, postForm } from "./test-browser.ts";
import {
  ALLOWED_SCOPES,
  buildTestStandin,
  CLIENT_ID,
  PUBLIC_URL,
  REDIRECT_URI,
  refreshParams,
  type TestStandin,
  testKeys,
  tokenParams,
  verifyIssuedPair,
} from "./test-support.ts";

const OTHER_REDIRECT = "http://localhost:3000/auth/esia/other-callback";

const FULL_SCOPE = "openid fullname birthdate gender snils inn id_doc email mobile addresses usr_org";
const ivanova = standinAccounts.ivanova;

let t: TestStandin;
before(async () => {
  const keys = await testKeys();
  const frmr = {
    clientId: CLIENT_ID,
    redirectUris: [REDIRECT_URI, OTHER_REDIRECT],
    certificateDer: keys.client.certificateDer,
    allowedScopes: ALLOWED_SCOPES,
  };
  const other = {
    clientId: "OTHERIS",
    redirectUris: [REDIRECT_URI],
    certificateDer: keys.client.certificateDer,
    allowedScopes: ["openid", "fullname"],
  };
  t = await buildTestStandin({ clients: [frmr, other] });
});

async function codeFor(login: string, scope = FULL_SCOPE, accessType: "online" | "offline" = "online") {
  const callback = await authorize(t, new Browser(t.app), login, { scope, accessType });
  return callback.searchParams.get("code") as string;
}

const exchange = (body: Record<string, string>) => postForm(t.app, "/aas/oauth2/v3/te", body);

test("happy path: signed /ac, login, consent, code, tokens verified with jose, person read with embeds", async () => {
  const browser = new Browser(t.app);
  const callback = await authorize(t, browser, "+79001000001", {
    scope: FULL_SCOPE,
    accessType: "offline",
    state: "5a0e3f52-1c2b-4f4e-9a1b-6a2c0d9e7f10",
  });
  assert.equal(callback.searchParams.get("state"), "5a0e3f52-1c2b-4f4e-9a1b-6a2c0d9e7f10");
  const code = callback.searchParams.get("code") as string;
  assert.deepEqual(decodeProtectedHeader(code), {
    ver: 1,
    typ: "JWT",
    sbt: "authorization_code",
    alg: "RS256",
  });

  const body = tokenParams(t, code, { scope: FULL_SCOPE });
  const response = await exchange(body);
  assert.equal(response.statusCode, 200, response.body);
  assert.equal(response.headers["cache-control"], "no-store");
  const tokens = response.json();
  assert.deepEqual(Object.keys(tokens), [
    "access_token",
    "id_token",
    "refresh_token",
    "state",
    "token_type",
    "expires_in",
  ]);
  assert.equal(tokens.state, body.state, "echoes the token-request state, not the /ac one");
  assert.equal(tokens.token_type, "Bearer");
  assert.equal(tokens.expires_in, 3600);

  const key = await importX509(t.keys.standin.rsaCertificatePem, "RS256");
  const access = await jwtVerify(tokens.access_token, key, {
    issuer: `${PUBLIC_URL}/`,
    currentDate: t.clock.now(),
  });
  assert.deepEqual(access.protectedHeader, { ver: 1, typ: "JWT", sbt: "access", alg: "RS256" });
  assert.equal(access.payload.client_id, CLIENT_ID);
  assert.equal(access.payload["urn:esia:sbj_id"], ivanova.oid);
  const scopes = String(access.payload.scope).split(" ");
  assert.ok(scopes.includes("openid"));
  assert.ok(scopes.includes(`fullname?oid=${ivanova.oid}`));
  assert.ok(scopes.includes(`usr_org?oid=${ivanova.oid}`));
  assert.equal(access.payload.exp, (access.payload.iat as number) + 3600);

  const id = await jwtVerify(tokens.id_token, key, {
    issuer: `${PUBLIC_URL}/`,
    audience: CLIENT_ID,
    currentDate: t.clock.now(),
  });
  assert.equal(id.protectedHeader.sbt, "id");
  assert.equal(id.payload.sub, ivanova.oid);
  assert.equal(id.payload.amr, "PWD");
  assert.equal(typeof id.payload.auth_time, "number");
  assert.equal(id.payload["urn:esia:sid"], access.payload["urn:esia:sid"]);
  assert.deepEqual(id.payload["urn:esia:sbj"], {
    "urn:esia:sbj:typ": "P",
    "urn:esia:sbj:is_tru": true,
    "urn:esia:sbj:oid": ivanova.oid,
    "urn:esia:sbj:nam": `OID.${ivanova.oid}`,
  });

  // The cabinet's own verifier accepts the pair: the same code works against real ESIA and the stand-in.
  const verified = await verifyIssuedPair(t, tokens, t.keys.standin.rsaCertificatePem);
  assert.ok(verified.ok, JSON.stringify(verified));

  const person = await t.app.inject({
    method: "GET",
    url: `/rs/prns/${ivanova.oid}?embed=(contacts.elements,documents.elements,addresses.elements,organizations.elements)`,
    headers: { authorization: `Bearer ${tokens.access_token}` },
  });
  assert.equal(person.statusCode, 200, person.body);
  const p = person.json();
  assert.equal(p.lastName, "Иванова");
  assert.equal(p.firstName, "Мария");
  assert.equal(p.middleName, "Петровна");
  assert.equal(p.birthDate, "14.03.1985");
  assert.equal(p.gender, "F");
  assert.equal(
    p.snils,
    `${ivanova.snils?.slice(0, 3)}-${ivanova.snils?.slice(3, 6)}-${ivanova.snils?.slice(6, 9)} ${ivanova.snils?.slice(9)}`,
  );
  assert.equal(p.trusted, true);
  assert.match(p.eTag, /^[0-9A-F]{40}$/);
  assert.deepEqual(p.contacts.stateFacts, ["hasSize"]);
  assert.deepEqual(
    p.contacts.elements.map((c: { type: string; value: string }) => [c.type, c.value]),
    [
      ["MBT", "+7(900)1000001"],
      ["EML", "maria.ivanova@example.org"],
    ],
  );
  const passport = p.documents.elements[0];
  assert.equal(passport.type, "RF_PASSPORT");
  assert.equal(passport.vrfStu, "VERIFIED");
  assert.equal(p.rIdDoc, passport.id);
  for (const field of ["series", "number", "issueDate", "issueId", "issuedBy"])
    assert.ok(passport[field], field);
  assert.equal(p.addresses.elements[0].type, "PRG");
  assert.deepEqual(
    p.organizations.elements.map((o: { oid: number; chief: boolean }) => [o.oid, o.chief]),
    [
      [1_000_000_101, false],
      [1_000_000_103, true],
    ],
  );
});

describe("code exchange errors: HTTP 400 JSON with the token-request state", () => {
  test("a wrong client_secret: 007053", async () => {
    const body = tokenParams(t, await codeFor("+79001000002"));
    const response = await exchange({
      ...body,
      client_secret: tokenParams(t, "other-code").client_secret as string,
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json(), {
      error: "unauthorized_client",
      error_description:
        "ESIA-007053: The client_secret is wrong for the certificate or the system, or the certificate is inactive [client_secret]",
      state: body.state,
    });
  });

  test("a wrong certificate hash: 007053; an unknown client: 007002", async () => {
    const body = tokenParams(t, await codeFor("+79001000002"));
    assert.match(
      (await exchange({ ...body, client_certificate_hash: "00".repeat(32) })).json().error_description,
      /^ESIA-007053: /,
    );
    assert.match(
      (await exchange({ ...body, client_id: "NOBODY" })).json().error_description,
      /^ESIA-007002: /,
    );
  });

  test("missing parameters: 007014 [name]; unsupported grant_type: 007012", async () => {
    const body = tokenParams(t, "x");
    const mandatory = "client_id grant_type code client_secret state redirect_uri scope timestamp";
    for (const name of [...mandatory.split(" "), "client_certificate_hash"]) {
      const { [name]: _, ...rest } = body;
      const response = await exchange(rest);
      assert.equal(response.statusCode, 400);
      assert.equal(
        response.json().error_description,
        `ESIA-007014: The request does not contain the mandatory parameter [${name}]`,
      );
    }
    assert.match(
      (await exchange({ ...body, grant_type: "password" })).json().error_description,
      /^ESIA-007012: /,
    );
  });

  test("a stale timestamp: 007015", async () => {
    const body = tokenParams(t, await codeFor("+79001000002"));
    t.clock.advance(301);
    const response = await exchange(body);
    t.clock.advance(-301);
    assert.match(response.json().error_description, /^ESIA-007015: /);
  });

  test("a replayed code: 007011, and the refresh token issued from it is revoked", async () => {
    const code = await codeFor("+79001000002", FULL_SCOPE, "offline");
    const first = await exchange(tokenParams(t, code, { scope: FULL_SCOPE }));
    assert.equal(first.statusCode, 200);
    const replay = await exchange(tokenParams(t, code, { scope: FULL_SCOPE }));
    assert.equal(replay.statusCode, 400);
    assert.equal(replay.json().error, "invalid_grant");
    assert.match(replay.json().error_description, /^ESIA-007011: /);
    const refresh = await exchange(refreshParams(t, first.json().refresh_token, "ilimurzin", FULL_SCOPE));
    assert.match(refresh.json().error_description, /^ESIA-007011: /);
  });

  test("an expired code (default TTL 240 s): 007011", async () => {
    const code = await codeFor("+79001000002");
    t.clock.advance(241);
    const response = await exchange(tokenParams(t, code));
    assert.match(response.json().error_description, /^ESIA-007011: /);
  });

  test("a code is bound to its client and redirect_uri: 007011", async () => {
    const code = await codeFor("+79001000002");
    assert.match(
      (await exchange(tokenParams(t, code, { clientId: "OTHERIS" }))).json().error_description,
      /^ESIA-007011: /,
    );
    assert.match(
      (await exchange(tokenParams(t, code, { redirectUri: OTHER_REDIRECT }))).json().error_description,
      /^ESIA-007011: /,
    );
    // Neither attempt used the code up.
    assert.equal((await exchange(tokenParams(t, code))).statusCode, 200);
  });

  test("an unknown code or a token_type other than Bearer", async () => {
    assert.match((await exchange(tokenParams(t, "made-up"))).json().error_description, /^ESIA-007011: /);
    const body = tokenParams(t, "made-up");
    assert.match(
      (await exchange({ ...body, token_type: "MAC" })).json().error_description,
      /^ESIA-007003: .*\[token_type\]$/,
    );
  });
});
