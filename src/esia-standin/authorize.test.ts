// /aas/oauth2/v2/ac validation: every error code of the stand-in checklist (domain/esia.md §18).
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { certificateHash, gostPrivateKeyFromPem } from "../esia/crypto/certificate.ts";
import { gostSign } from "../esia/crypto/gost.ts";
import { authorizationSignedString, base64UrlEncode } from "../esia/protocol.ts";
import { location } from "./test-browser.ts";
import { acParams, acUrl, buildTestStandin, REDIRECT_URI, type TestStandin } from "./test-support.ts";

let t: TestStandin;
before(async () => {
  t = await buildTestStandin();
});

const get = (params: Record<string, string>) => t.app.inject({ method: "GET", url: acUrl(params) });

/** The error a response redirected to the client with. */
async function redirectedError(params: Record<string, string>) {
  const response = await get(params);
  assert.equal(response.statusCode, 302, response.body);
  const target = new URL(location(response));
  assert.equal(`${target.origin}${target.pathname}`, REDIRECT_URI);
  return {
    error: target.searchParams.get("error"),
    description: target.searchParams.get("error_description") ?? "",
    state: target.searchParams.get("state"),
  };
}

async function pageError(params: Record<string, string>, code: string) {
  const response = await get(params);
  assert.equal(response.statusCode, 400);
  assert.equal(
    response.headers.location,
    undefined,
    "never redirects when the redirect_uri cannot be trusted",
  );
  assert.match(response.headers["content-type"] as string, /text\/html/);
  assert.ok(response.body.includes(code), `page shows ${code}`);
  assert.ok(response.body.includes("Тестовый стенд ЕСИА"));
  return response.body;
}

describe("errors shown on the stand-in's own page", () => {
  test("client_id missing: 007014 [client_id]", async () => {
    const { client_id: _, ...params } = acParams(t);
    await pageError(params, "ESIA-007014: The request does not contain the mandatory parameter [client_id]");
  });

  test("unknown client: 007002", async () => {
    await pageError({ ...acParams(t), client_id: "UNKNOWN" }, "ESIA-007002");
  });

  test("redirect_uri missing: 007014 [redirect_uri]", async () => {
    const { redirect_uri: _, ...params } = acParams(t);
    await pageError(params, "[redirect_uri]");
  });

  test("redirect_uri not registered: 007023 and no redirect to it", async () => {
    const body = await pageError({ ...acParams(t), redirect_uri: "https://evil.example/cb" }, "ESIA-007023");
    assert.ok(!body.includes("evil.example/cb?"));
  });

  test("a registered URI with extra path or query is not registered", async () => {
    await pageError({ ...acParams(t), redirect_uri: `${REDIRECT_URI}/../steal` }, "ESIA-007023");
    await pageError({ ...acParams(t), redirect_uri: `${REDIRECT_URI}?x=1` }, "ESIA-007023");
  });

  test("a repeated client_id: 007003", async () => {
    const params = new URLSearchParams(acParams(t));
    params.append("client_id", "OTHER");
    const response = await t.app.inject({ method: "GET", url: `/aas/oauth2/v2/ac?${params}` });
    assert.equal(response.statusCode, 400);
    assert.ok(response.body.includes("ESIA-007003"));
  });
});

describe("errors redirected to the registered redirect_uri", () => {
  for (const name of "client_secret scope response_type state timestamp client_certificate_hash".split(" ")) {
    test(`${name} missing: 007014 [${name}]`, async () => {
      const params = acParams(t);
      delete params[name];
      const e = await redirectedError(params);
      assert.equal(e.error, "invalid_request");
      assert.equal(
        e.description,
        `ESIA-007014: The request does not contain the mandatory parameter [${name}]`,
      );
      if (name !== "state") assert.equal(e.state, params.state);
    });
  }

  test("response_type other than code: 007009", async () => {
    const e = await redirectedError({ ...acParams(t), response_type: "token" });
    assert.ok(e.description.startsWith("ESIA-007009: "));
  });

  test("timestamp outside the configured window, in the past or the future: 007015", async () => {
    const old = new Date(t.clock.now().getTime() - 301_000);
    const ahead = new Date(t.clock.now().getTime() + 301_000);
    assert.ok((await redirectedError(acParams(t, { now: old }))).description.startsWith("ESIA-007015: "));
    assert.ok((await redirectedError(acParams(t, { now: ahead }))).description.startsWith("ESIA-007015: "));
    // Inside the window is fine.
    const recent = new Date(t.clock.now().getTime() - 299_000);
    assert.match(location(await get(acParams(t, { now: recent }))), /^\/login\?request=/);
  });

  test("a badly encoded timestamp reads as missing: 007014 [timestamp]", async () => {
    const params = acParams(t);
    const e = await redirectedError({ ...params, timestamp: params.timestamp.replace("+", " ") });
    assert.ok(e.description.startsWith("ESIA-007014: ") && e.description.endsWith("[timestamp]"));
  });

  test("a timestamp in UTC is as good as Moscow time", async () => {
    const params = acParams(t);
    assert.match(params.timestamp, /\+0300$/);
    // Re-sign with a UTC timestamp for the same instant.
    const utc = t.clock
      .now()
      .toISOString()
      .replace(/^(\d+)-(\d+)-(\d+)T(\d+:\d+:\d+).*$/, "$1.$2.$3 $4 +0000");
    const message = authorizationSignedString({
      clientId: params.client_id,
      scope: params.scope,
      scopeOrg: "",
      timestamp: utc,
      state: params.state,
      redirectUri: REDIRECT_URI,
    });
    const secret = base64UrlEncode(
      gostSign(gostPrivateKeyFromPem(t.keys.client.privateKeyPem), new TextEncoder().encode(message)),
    );
    assert.match(
      location(await get({ ...params, timestamp: utc, client_secret: secret })),
      /^\/login\?request=/,
    );
  });

  test("certificate hash of another certificate (or of the PEM): 007053", async () => {
    const pemHash = certificateHash(new TextEncoder().encode(t.keys.client.certificatePem));
    const e = await redirectedError({ ...acParams(t), client_certificate_hash: pemHash });
    assert.ok(e.description.startsWith("ESIA-007053: "));
  });

  test("the hash is accepted in lower case too", async () => {
    const params = acParams(t);
    assert.match(
      location(
        await get({
          ...params,
          client_certificate_hash: params.client_certificate_hash.toLowerCase(),
        }),
      ),
      /^\/login/,
    );
  });

  test("a signature over other values: 007053", async () => {
    const signedForOtherScope = acParams(t, { scope: "openid" });
    const e = await redirectedError({
      ...acParams(t),
      client_secret: signedForOtherScope.client_secret,
    });
    assert.equal(
      e.description,
      "ESIA-007053: The client_secret is wrong for the certificate or the system, or the certificate is inactive [client_secret]",
    );
    // As the real test stand answers at /v2/ac (the token endpoint keeps unauthorized_client).
    assert.equal(e.error, "access_denied");
  });

  test("garbage or byte-reversed signatures: 007053", async () => {
    const params = acParams(t);
    const raw = Buffer.from(params.client_secret, "base64url");
    for (const secret of ["not base64!", "AAAA", Buffer.from(raw).reverse().toString("base64url")]) {
      assert.ok(
        (await redirectedError({ ...params, client_secret: secret })).description.startsWith("ESIA-007053: "),
        secret,
      );
    }
  });

  test("fr05t1k 3.x mix (v2 URL with the v1 string order) is refused: 007053", async () => {
    const params = acParams(t);
    const v1 = `${params.scope}${params.timestamp}${params.client_id}${params.state}`;
    const secret = Buffer.from(
      gostSign(gostPrivateKeyFromPem(t.keys.client.privateKeyPem), new TextEncoder().encode(v1)),
    ).toString("base64url");
    assert.ok(
      (await redirectedError({ ...params, client_secret: secret })).description.startsWith("ESIA-007053: "),
    );
  });

  test("client_secret in any base64 flavour is accepted", async () => {
    const params = acParams(t);
    const raw = Buffer.from(params.client_secret, "base64url");
    for (const secret of [raw.toString("base64"), `${raw.toString("base64url")}==`]) {
      assert.match(location(await get({ ...params, client_secret: secret })), /^\/login/, secret);
    }
  });

  test("an unknown or malformed scope: 007006", async () => {
    for (const scope of [
      "openid teleport",
      "openid http://esia.gosuslugi.ru/usr_inf",
      "openid http://esia.gosuslugi.ru/org_inn",
    ]) {
      const e = await redirectedError(acParams(t, { scope }));
      assert.equal(e.error, "invalid_scope");
      assert.ok(e.description.startsWith("ESIA-007006: "), scope);
    }
  });

  test("a known scope the system may not ask for: 007019", async () => {
    const e = await redirectedError(acParams(t, { scope: "openid vehicles" }));
    assert.equal(e.description, "ESIA-007019: The system has no grants for the requested scope [vehicles]");
  });

  test("no scope at all: 007013", async () => {
    assert.ok((await redirectedError(acParams(t, { scope: " " }))).description.startsWith("ESIA-007013: "));
  });

  test("a state that is not a UUID, a wrong access_type or a repeated parameter: 007003", async () => {
    assert.ok((await redirectedError(acParams(t, { state: "fixed" }))).description.endsWith("[state]"));
    assert.ok(
      (await redirectedError({ ...acParams(t), access_type: "forever" })).description.startsWith(
        "ESIA-007003: ",
      ),
    );
    const params = new URLSearchParams(acParams(t));
    params.append("scope", "openid");
    const response = await t.app.inject({ method: "GET", url: `/aas/oauth2/v2/ac?${params}` });
    assert.match(
      new URL(location(response)).searchParams.get("error_description") ?? "",
      /^ESIA-007003: .*\[scope\]$/,
    );
  });
});

test("a valid request goes to the login page, keeping the request server-side", async () => {
  const response = await get(acParams(t));
  assert.equal(response.statusCode, 302);
  const id = /^\/login\?request=([0-9a-f-]{36})$/.exec(location(response))?.[1];
  assert.ok(id);
  const page = await t.app.inject({ method: "GET", url: location(response) });
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes('lang="ru"'));
  assert.ok(page.body.includes("Тестовый стенд ЕСИА"));
  assert.ok(page.body.includes("а не Госуслуги"));
  assert.ok(page.body.includes(`name="request" value="${id}"`));
});

test("a pending request that does not exist shows a page, not a login form", async () => {
  const page = await t.app.inject({
    method: "GET",
    url: "/login?request=00000000-0000-0000-0000-000000000000",
  });
  assert.equal(page.statusCode, 400);
  assert.ok(page.body.includes("Запрос на вход устарел"));
});
