// Systems connected to ESIA earlier still speak v1 (§3.2, §5.3, §6.2): `GET /aas/oauth2/ac` and
// `POST /aas/oauth2/te` with a detached CMS client_secret over scope+timestamp+client_id+state, and
// `grant_type=client_credentials` for a system token with organisation scopes, which reads
// `/rs/orgs/{oid}` and `/rs/orgs/{oid}/emps`. The client below is written here from the protocol
// description, independently of the cabinet's own (v2/v3) client.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { before, describe, test } from "node:test";
import * as asn1js from "asn1js";
import { decodeDer, toDer } from "../esia/crypto/asn1.ts";
import { gostPrivateKeyFromPem } from "../esia/crypto/certificate.ts";
import { gostSign } from "../esia/crypto/gost.ts";
import { base64UrlEncode, esiaTimestamp, v1SignedString } from "../esia/protocol.ts";
import { parseCertificate } from "../modules/signatures/certificate.parse.ts";
import { signDetached } from "../modules/signatures/cms.ts";
import { OID } from "../modules/signatures/signature.oids.ts";
import { standinAccounts, standinOrganizations } from "./seed.ts";
import { Browser, location, loginAt, postForm } from "./test-browser.ts";
import {
  ALLOWED_SCOPES,
  buildTestStandin,
  CLIENT_ID,
  REDIRECT_URI,
  type TestStandin,
  testKeys,
} from "./test-support.ts";

let t: TestStandin;
const clinicOid = standinOrganizations.clinic.oid;
const orgScope = (name: string, oid = clinicOid) => `http://esia.gosuslugi.ru/${name}?org_oid=${oid}`;

before(async () => {
  const keys = await testKeys();
  t = await buildTestStandin({
    clients: [
      {
        clientId: CLIENT_ID,
        redirectUris: [REDIRECT_URI],
        certificateDer: keys.client.certificateDer,
        allowedScopes: [...ALLOWED_SCOPES, "org_emps"],
      },
    ],
  });
});

/** What a v1 library does: CMS SignedData, detached, signer certificate inside, DER, base64url. */
function v1Secret(message: string): string {
  const cms = signDetached({
    content: new TextEncoder().encode(message),
    certificate: parseCertificate(t.keys.client.certificateDer),
    privateKey: gostPrivateKeyFromPem(t.keys.client.privateKeyPem),
    curve: "S-256-A",
    signingTime: t.clock.now(),
  });
  return base64UrlEncode(cms);
}

/** What `openssl smime -sign -binary -outform DER -noattr` makes: no signed attributes, the signature over the content. */
function v1SecretWithoutAttributes(message: string): string {
  const certificate = parseCertificate(t.keys.client.certificateDer);
  const algorithm = (oid: string) =>
    new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: oid })] });
  const signature = gostSign(
    gostPrivateKeyFromPem(t.keys.client.privateKeyPem),
    new TextEncoder().encode(message),
  );
  const signerInfo = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 1 }),
      new asn1js.Sequence({
        value: [
          decodeDer(certificate.issuerDer, "issuer"),
          new asn1js.Integer({ valueHex: certificate.serialDer }),
        ],
      }),
      algorithm(OID.streebog256),
      algorithm(OID.gost2012_256),
      new asn1js.OctetString({ valueHex: signature }),
    ],
  });
  const signedData = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 1 }),
      new asn1js.Set({ value: [algorithm(OID.streebog256)] }),
      new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 0 },
        value: [decodeDer(certificate.der, "certificate")],
      }),
      new asn1js.Set({ value: [signerInfo] }),
    ],
  });
  const contentInfo = new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: OID.signedData }),
      new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [signedData] }),
    ],
  });
  return base64UrlEncode(toDer(contentInfo));
}

function v1Signed(scope: string, overrides: Record<string, string> = {}) {
  const state = randomUUID();
  const timestamp = esiaTimestamp(t.clock.now());
  return {
    client_id: CLIENT_ID,
    scope,
    state,
    timestamp,
    client_secret: v1Secret(v1SignedString({ scope, timestamp, clientId: CLIENT_ID, state })),
    ...overrides,
  };
}

describe("the v1 code flow", () => {
  test("/ac with a CMS secret leads to the login; /te exchanges the code; the person is read", async () => {
    const scope = "openid fullname snils";
    const browser = new Browser(t.app);
    const ac = await browser.get(
      `/aas/oauth2/ac?${new URLSearchParams({
        ...v1Signed(scope),
        redirect_uri: REDIRECT_URI,
        response_type: "code",
        access_type: "offline",
      })}`,
    );
    assert.equal(ac.statusCode, 302);
    assert.match(location(ac), /^\/login/);
    let response = await loginAt(browser, location(ac), standinAccounts.ivanova.phone ?? "");
    if (location(response).startsWith("/consent")) {
      const consent = await browser.get(location(response));
      response = await browser.submit(consent, "/consent", { decision: "grant" });
    }
    const callback = new URL(location(response));
    const code = callback.searchParams.get("code") ?? "";
    assert.ok(code, location(response));
    const token = await postForm(t.app, "/aas/oauth2/te", {
      ...v1Signed(scope),
      code,
      grant_type: "authorization_code",
      redirect_uri: REDIRECT_URI,
      token_type: "Bearer",
    });
    assert.equal(token.statusCode, 200, token.body);
    const { access_token, id_token, refresh_token } = token.json() as Record<string, string>;
    assert.ok(access_token && id_token && refresh_token);
    const person = await t.app.inject({
      url: `/rs/prns/${standinAccounts.ivanova.oid}`,
      headers: { authorization: `Bearer ${access_token}` },
    });
    assert.equal(person.statusCode, 200);
    assert.equal((person.json() as { lastName: string }).lastName, standinAccounts.ivanova.lastName);
    const refreshed = await postForm(t.app, "/aas/oauth2/te", {
      ...v1Signed(scope),
      grant_type: "refresh_token",
      refresh_token,
      redirect_uri: REDIRECT_URI,
    });
    assert.equal(refreshed.statusCode, 200, refreshed.body);
  });

  test("a CMS without signed attributes (openssl -noattr) is accepted too", async () => {
    const scope = "openid fullname";
    const state = randomUUID();
    const timestamp = esiaTimestamp(t.clock.now());
    const secret = v1SecretWithoutAttributes(
      v1SignedString({ scope, timestamp, clientId: CLIENT_ID, state }),
    );
    const query = { client_id: CLIENT_ID, scope, state, timestamp, client_secret: secret };
    const ac = await t.app.inject({
      url: `/aas/oauth2/ac?${new URLSearchParams({ ...query, redirect_uri: REDIRECT_URI, response_type: "code" })}`,
    });
    assert.equal(ac.statusCode, 302);
    assert.match(location(ac), /^\/login/);
    const forged = v1SecretWithoutAttributes(
      v1SignedString({ scope, timestamp, clientId: CLIENT_ID, state: randomUUID() }),
    );
    const refused = await t.app.inject({
      url: `/aas/oauth2/ac?${new URLSearchParams({ ...query, client_secret: forged, redirect_uri: REDIRECT_URI, response_type: "code" })}`,
    });
    assert.equal(new URL(location(refused)).searchParams.get("error"), "access_denied");
  });

  test("a secret over other values, or a raw v2 signature, is refused", async () => {
    const scope = "openid fullname";
    const query = { ...v1Signed(scope), redirect_uri: REDIRECT_URI, response_type: "code" };
    const tampered = await t.app.inject({
      url: `/aas/oauth2/ac?${new URLSearchParams({ ...query, scope: "openid fullname snils" })}`,
    });
    assert.equal(tampered.statusCode, 302);
    assert.equal(new URL(location(tampered)).searchParams.get("error"), "access_denied");
    const te = await postForm(t.app, "/aas/oauth2/te", {
      ...v1Signed(scope),
      client_secret: "AAAA",
      code: "x",
      grant_type: "authorization_code",
      redirect_uri: REDIRECT_URI,
    });
    assert.equal(te.statusCode, 400);
    assert.match(te.body, /ESIA-007053/);
  });
});

describe("client_credentials", () => {
  test("a system token with organisation scopes reads the organisation and its employees", async () => {
    const scope = [orgScope("org_fullname"), orgScope("org_ogrn"), orgScope("org_emps")].join(" ");
    const token = await postForm(t.app, "/aas/oauth2/te", {
      ...v1Signed(scope),
      grant_type: "client_credentials",
      response_type: "token",
      token_type: "Bearer",
    });
    assert.equal(token.statusCode, 200, token.body);
    const body = token.json() as { access_token: string; refresh_token?: string; id_token?: string };
    assert.equal(body.refresh_token, undefined);
    assert.equal(body.id_token, undefined);
    const auth = { authorization: `Bearer ${body.access_token}` };
    const org = await t.app.inject({ url: `/rs/orgs/${clinicOid}`, headers: auth });
    assert.equal(org.statusCode, 200);
    assert.equal((org.json() as { ogrn: string }).ogrn, standinOrganizations.clinic.ogrn);
    const emps = await t.app.inject({ url: `/rs/orgs/${clinicOid}/emps?embed=(elements)`, headers: auth });
    assert.equal(emps.statusCode, 200);
    const elements = (emps.json() as { elements: { oid: number; chief: boolean }[] }).elements;
    assert.ok(elements.some((e) => e.oid === standinAccounts.smirnov.oid && e.chief));
    assert.ok(elements.some((e) => e.oid === standinAccounts.ivanova.oid && !e.chief));
    // The token names no person and no other organisation.
    const other = standinOrganizations.zdorovye.oid;
    assert.equal((await t.app.inject({ url: `/rs/orgs/${other}`, headers: auth })).statusCode, 403);
    const person = await t.app.inject({ url: `/rs/prns/${standinAccounts.ivanova.oid}`, headers: auth });
    assert.equal(person.statusCode, 403);
  });

  test("personal scopes and scopes not granted to the system are refused", async () => {
    for (const scope of ["openid fullname", orgScope("org_addrs")]) {
      const refused = await postForm(t.app, "/aas/oauth2/te", {
        ...v1Signed(scope),
        grant_type: "client_credentials",
      });
      assert.equal(refused.statusCode, 400, scope);
      assert.match(refused.body, /ESIA-007019/);
    }
    const noEmps = await postForm(t.app, "/aas/oauth2/te", {
      ...v1Signed(orgScope("org_fullname")),
      grant_type: "client_credentials",
    });
    const auth = { authorization: `Bearer ${(noEmps.json() as { access_token: string }).access_token}` };
    assert.equal((await t.app.inject({ url: `/rs/orgs/${clinicOid}/emps`, headers: auth })).statusCode, 403);
  });
});
