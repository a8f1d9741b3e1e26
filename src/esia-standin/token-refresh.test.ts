// Refresh grant (§5.2: both disputed signed strings) and GOST-signed tokens (§10.5, §19 item 6).
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { decodeProtectedHeader } from "jose";
import { gostPublicKeyInfoFromCertificate, pemToDer } from "../esia/crypto/certificate.ts";
import { verifyJwtGostSignature } from "../esia/crypto/jwt-gost.ts";
import { standinAccounts } from "./seed.ts";
import { authorize, Browser, postForm } from "./test-browser.ts";
import {
  buildTestStandin,
  refreshParams,
  type TestStandin,
  tokenParams,
  verifyIssuedPair,
} from "./test-support.ts";

const FULL_SCOPE = "openid fullname birthdate gender snils inn id_doc email mobile addresses usr_org";
const ivanova = standinAccounts.ivanova;

let t: TestStandin;
before(async () => {
  t = await buildTestStandin();
});

async function codeFor(login: string, accessType: "online" | "offline") {
  const callback = await authorize(t, new Browser(t.app), login, { scope: FULL_SCOPE, accessType });
  return callback.searchParams.get("code") as string;
}

const exchange = (body: Record<string, string>) => postForm(t.app, "/aas/oauth2/v3/te", body);

describe("refresh grant", () => {
  test("offline access yields a refresh token; both disputed signed strings are accepted; tokens rotate", async () => {
    const code = await codeFor("+79001000001", "offline");
    const first = (await exchange(tokenParams(t, code, { scope: FULL_SCOPE }))).json();
    const viaIlimurzin = await exchange(refreshParams(t, first.refresh_token, "ilimurzin", FULL_SCOPE));
    assert.equal(viaIlimurzin.statusCode, 200, viaIlimurzin.body);
    const second = viaIlimurzin.json();
    assert.ok(second.access_token && second.refresh_token && second.refresh_token !== first.refresh_token);
    assert.equal(second.id_token, undefined);
    const viaAisgorod = await exchange(refreshParams(t, second.refresh_token, "aisgorod", FULL_SCOPE));
    assert.equal(viaAisgorod.statusCode, 200, viaAisgorod.body);
    // The used one is gone.
    assert.match(
      (await exchange(refreshParams(t, second.refresh_token, "aisgorod", FULL_SCOPE))).json()
        .error_description,
      /^ESIA-007011: /,
    );
  });

  test("online access gets no refresh token", async () => {
    const tokens = (await exchange(tokenParams(t, await codeFor("+79001000001", "online")))).json();
    assert.equal(tokens.refresh_token, undefined);
  });

  test("a refresh signed over something else: 007053", async () => {
    const code = await codeFor("+79001000001", "offline");
    const first = (await exchange(tokenParams(t, code, { scope: FULL_SCOPE }))).json();
    const body = refreshParams(t, first.refresh_token, "aisgorod", FULL_SCOPE);
    const response = await exchange({ ...body, refresh_token: "5a7c1e9d-3b2f-4d6a-8e0c-9f1b2a3c4d5e" });
    assert.match(response.json().error_description, /^ESIA-007053: /);
  });
});

test("with tokenAlg GOST3410_2012_256 the tokens verify with the stand-in's GOST certificate", async () => {
  const gost = await buildTestStandin({ tokenAlg: "GOST3410_2012_256" });
  const callback = await authorize(gost, new Browser(gost.app), "maria.ivanova@example.org");
  const tokens = (
    await postForm(
      gost.app,
      "/aas/oauth2/v3/te",
      tokenParams(gost, callback.searchParams.get("code") as string),
    )
  ).json();
  const { publicKey, curve } = gostPublicKeyInfoFromCertificate(
    pemToDer(gost.keys.standin.gostCertificatePem),
  );
  for (const token of [tokens.access_token, tokens.id_token]) {
    assert.equal(decodeProtectedHeader(token).alg, "GOST3410_2012_256");
    assert.ok(verifyJwtGostSignature(token, publicKey, curve));
  }
  const verified = await verifyIssuedPair(gost, tokens, gost.keys.standin.gostCertificatePem);
  assert.ok(verified.ok, JSON.stringify(verified));
  const person = await gost.app.inject({
    url: `/rs/prns/${ivanova.oid}`,
    headers: { authorization: `Bearer ${tokens.access_token}` },
  });
  assert.equal(person.json().lastName, "Иванова");
});
