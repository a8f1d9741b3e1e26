import assert from "node:assert/strict";
import { createHmac, createPrivateKey, X509Certificate } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { CompactSign } from "jose";
import { gostPrivateKeyFromPem } from "./crypto/certificate.ts";
import type { DevKeys } from "./crypto/dev-keys.ts";
import { loadOrCreateDevKeys } from "./crypto/dev-keys.ts";
import { signJwtGost } from "./crypto/jwt-gost.ts";
import type { EsiaTokenKind, EsiaVerificationKey, TokenCheck } from "./jwt.ts";
import { loadVerificationKeys, verifyEsiaToken, verifyEsiaTokenPair } from "./jwt.ts";

const ISSUER = "http://esia-portal1.test.gosuslugi.ru/";
const CLIENT_ID = "FRMRLK";
const NOW = new Date("2025-01-25T11:36:40Z");
const NOW_S = Math.floor(NOW.getTime() / 1000);

type Claims = Record<string, unknown>;
type Header = Record<string, unknown>;

function claimsFor(kind: EsiaTokenKind, overrides: Claims = {}): Claims {
  const common = {
    iss: ISSUER,
    nbf: NOW_S - 10,
    iat: NOW_S - 10,
    exp: NOW_S + 3600,
    "urn:esia:sid": "sid-1",
  };
  const specific =
    kind === "access"
      ? { client_id: CLIENT_ID, "urn:esia:sbj_id": 1000000001, scope: "fullname?oid=1000000001 openid" }
      : { aud: CLIENT_ID, sub: 1000000001, amr: "PWD" };
  return { ...common, ...specific, ...overrides };
}

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

async function rs256(privateKeyPem: string, header: Header, claims: Claims): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: "RS256", ...header })
    .sign(createPrivateKey(privateKeyPem));
}

function gost(privateKeyPem: string, header: Header, claims: Claims): string {
  return signJwtGost(header, claims, gostPrivateKeyFromPem(privateKeyPem));
}

describe("verifyEsiaToken", () => {
  let dirs: string[] = [];
  let current: DevKeys["standin"];
  let previous: DevKeys["standin"];
  let stranger: DevKeys["standin"];
  let keys: EsiaVerificationKey[];
  let check: TokenCheck;

  before(async () => {
    dirs = await Promise.all([0, 1, 2].map(() => mkdtemp(join(tmpdir(), "esia-jwt-"))));
    [previous, current, stranger] = (await Promise.all(dirs.map(loadOrCreateDevKeys))).map(
      (k) => k.standin,
    ) as [DevKeys["standin"], DevKeys["standin"], DevKeys["standin"]];
    // The old certificates first: a rotated-in key must be found even when it is not the first one.
    keys = loadVerificationKeys([
      previous.rsaCertificatePem,
      previous.gostCertificatePem,
      current.rsaCertificatePem + current.gostCertificatePem, // one PEM string may carry several
    ]);
    check = { keys, issuer: [ISSUER], clientId: CLIENT_ID, now: NOW, leewaySeconds: 60 };
  });
  after(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  const header = (kind: EsiaTokenKind): Header => ({ ver: 1, typ: "JWT", sbt: kind });

  it("loads RSA and GOST certificates, several per PEM string", () => {
    assert.deepEqual(
      keys.map((key) => key.alg),
      ["RS256", "GOST3410_2012_256", "RS256", "GOST3410_2012_256"],
    );
  });

  it("refuses to load something that is not an RSA or GOST certificate", () => {
    assert.throws(() =>
      loadVerificationKeys(["-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"]),
    );
  });

  it("accepts RS256 access and id tokens", async () => {
    const access = await verifyEsiaToken(
      await rs256(current.rsaPrivateKeyPem, header("access"), claimsFor("access")),
      {
        ...check,
        kind: "access",
      },
    );
    assert.ok(access.ok, JSON.stringify(access));
    assert.equal(access.subject, "1000000001");
    const id = await verifyEsiaToken(await rs256(current.rsaPrivateKeyPem, header("id"), claimsFor("id")), {
      ...check,
      kind: "id",
    });
    assert.ok(id.ok, JSON.stringify(id));
    assert.equal(id.subject, "1000000001");
  });

  it("accepts GOST3410_2012_256 access and id tokens", async () => {
    const access = await verifyEsiaToken(
      gost(current.gostPrivateKeyPem, header("access"), claimsFor("access")),
      {
        ...check,
        kind: "access",
      },
    );
    assert.ok(access.ok, JSON.stringify(access));
    const id = await verifyEsiaToken(gost(current.gostPrivateKeyPem, header("id"), claimsFor("id")), {
      ...check,
      kind: "id",
    });
    assert.ok(id.ok, JSON.stringify(id));
  });

  it("accepts ver 0 and tokens signed by an older configured certificate (rotation)", async () => {
    const rsa = await rs256(previous.rsaPrivateKeyPem, { ...header("access"), ver: 0 }, claimsFor("access"));
    assert.ok((await verifyEsiaToken(rsa, { ...check, kind: "access" })).ok);
    const gostToken = gost(previous.gostPrivateKeyPem, header("access"), claimsFor("access"));
    assert.ok((await verifyEsiaToken(gostToken, { ...check, kind: "access" })).ok);
  });

  it("verifies with the second of two certificates of one algorithm", async () => {
    const twoRsa = loadVerificationKeys([stranger.rsaCertificatePem, current.rsaCertificatePem]);
    const token = await rs256(current.rsaPrivateKeyPem, header("access"), claimsFor("access"));
    assert.ok((await verifyEsiaToken(token, { ...check, keys: twoRsa, kind: "access" })).ok);
  });

  const refusals: Array<{
    name: string;
    refusal: string;
    kind?: EsiaTokenKind;
    token: () => Promise<string>;
  }> = [
    {
      name: "an RS256 token signed by an unconfigured key",
      refusal: "signature",
      token: () => rs256(stranger.rsaPrivateKeyPem, header("access"), claimsFor("access")),
    },
    {
      name: "a GOST token signed by an unconfigured key",
      refusal: "signature",
      token: async () => gost(stranger.gostPrivateKeyPem, header("access"), claimsFor("access")),
    },
    {
      name: "a token whose payload was altered after signing",
      refusal: "signature",
      token: async () => {
        const [h, , s] = (await rs256(current.rsaPrivateKeyPem, header("access"), claimsFor("access"))).split(
          ".",
        );
        return `${h}.${encode(claimsFor("access", { "urn:esia:sbj_id": 1000000002 }))}.${s}`;
      },
    },
    {
      name: "a GOST signature presented as RS256",
      refusal: "signature",
      token: async () => {
        const [, p, s] = gost(current.gostPrivateKeyPem, header("access"), claimsFor("access")).split(".");
        return `${encode({ ...header("access"), alg: "RS256" })}.${p}.${s}`;
      },
    },
    {
      name: "a normalised issuer (https, no trailing slash)",
      refusal: "issuer",
      token: () =>
        rs256(
          current.rsaPrivateKeyPem,
          header("access"),
          claimsFor("access", { iss: "https://esia-portal1.test.gosuslugi.ru" }),
        ),
    },
    {
      name: "an access token for another client",
      refusal: "audience",
      token: () =>
        rs256(current.rsaPrivateKeyPem, header("access"), claimsFor("access", { client_id: "OTHER" })),
    },
    {
      name: "an id_token for another audience",
      refusal: "audience",
      kind: "id",
      token: () =>
        rs256(current.rsaPrivateKeyPem, header("id"), claimsFor("id", { aud: ["OTHER", "ANOTHER"] })),
    },
    {
      name: "an expired token (beyond the leeway)",
      refusal: "expired",
      token: () =>
        rs256(current.rsaPrivateKeyPem, header("access"), claimsFor("access", { exp: NOW_S - 61 })),
    },
    {
      name: "a token without exp",
      refusal: "malformed",
      token: () => rs256(current.rsaPrivateKeyPem, header("access"), claimsFor("access", { exp: undefined })),
    },
    {
      name: "a token not yet valid (beyond the leeway)",
      refusal: "not-yet-valid",
      token: () =>
        rs256(current.rsaPrivateKeyPem, header("access"), claimsFor("access", { nbf: NOW_S + 120 })),
    },
    {
      name: "a token issued in the future",
      refusal: "issued-in-future",
      token: () =>
        rs256(current.rsaPrivateKeyPem, header("access"), claimsFor("access", { iat: NOW_S + 120 })),
    },
    {
      name: "alg none",
      refusal: "algorithm",
      token: async () =>
        `${encode({ ...header("access"), alg: "none" })}.${encode(claimsFor("access"))}.AAAA`,
    },
    {
      name: "alg none with an empty signature",
      refusal: "malformed",
      token: async () => `${encode({ ...header("access"), alg: "none" })}.${encode(claimsFor("access"))}.`,
    },
    {
      name: "HS256 keyed with the public certificate",
      refusal: "algorithm",
      token: async () => {
        const input = `${encode({ ...header("access"), alg: "HS256" })}.${encode(claimsFor("access"))}`;
        const publicPem = new X509Certificate(current.rsaCertificatePem).publicKey.export({
          type: "spki",
          format: "pem",
        });
        return `${input}.${createHmac("sha256", publicPem).update(input).digest("base64url")}`;
      },
    },
    {
      name: "an id_token presented as an access token (sbt)",
      refusal: "token-kind",
      token: () => rs256(current.rsaPrivateKeyPem, header("id"), claimsFor("access")),
    },
    {
      name: "a token without sbt",
      refusal: "token-kind",
      token: () => rs256(current.rsaPrivateKeyPem, { typ: "JWT" }, claimsFor("access")),
    },
    {
      name: "an access token without the subject oid",
      refusal: "subject",
      token: () =>
        rs256(current.rsaPrivateKeyPem, header("access"), claimsFor("access", { "urn:esia:sbj_id": "x" })),
    },
    {
      name: "garbage",
      refusal: "malformed",
      token: async () => "not.a.jwt!",
    },
  ];
  for (const { name, refusal, kind = "access", token } of refusals) {
    it(`refuses ${name}`, async () => {
      const result = await verifyEsiaToken(await token(), { ...check, kind });
      assert.equal(result.ok, false);
      assert.equal(result.ok ? undefined : result.refusal, refusal);
    });
  }

  it("allows clock skew within the leeway", async () => {
    const claims = claimsFor("access", { exp: NOW_S - 30, nbf: NOW_S + 30, iat: NOW_S + 30 });
    const token = await rs256(current.rsaPrivateKeyPem, header("access"), claims);
    assert.ok((await verifyEsiaToken(token, { ...check, kind: "access" })).ok);
    assert.equal((await verifyEsiaToken(token, { ...check, leewaySeconds: 10, kind: "access" })).ok, false);
  });

  it("accepts an id_token whose aud is an array holding our client", async () => {
    const token = await rs256(
      current.rsaPrivateKeyPem,
      header("id"),
      claimsFor("id", { aud: ["OTHER", CLIENT_ID] }),
    );
    assert.ok((await verifyEsiaToken(token, { ...check, kind: "id" })).ok);
  });

  describe("verifyEsiaTokenPair", () => {
    it("accepts a pair naming the same person, sub as a string or a number", async () => {
      const accessToken = await rs256(current.rsaPrivateKeyPem, header("access"), claimsFor("access"));
      for (const sub of [1000000001, "1000000001"]) {
        const idToken = gost(current.gostPrivateKeyPem, header("id"), claimsFor("id", { sub }));
        const result = await verifyEsiaTokenPair({ accessToken, idToken }, check);
        assert.ok(result.ok, JSON.stringify(result));
        assert.equal(result.oid, "1000000001");
      }
    });

    it("refuses an id_token about another person", async () => {
      const accessToken = await rs256(current.rsaPrivateKeyPem, header("access"), claimsFor("access"));
      const idToken = await rs256(
        current.rsaPrivateKeyPem,
        header("id"),
        claimsFor("id", { sub: 1000000002 }),
      );
      const result = await verifyEsiaTokenPair({ accessToken, idToken }, check);
      assert.deepEqual(result.ok ? undefined : [result.token, result.refusal], ["id", "subject"]);
    });

    it("refuses the pair when either token fails", async () => {
      const accessToken = await rs256(current.rsaPrivateKeyPem, header("access"), claimsFor("access"));
      const expiredId = await rs256(
        current.rsaPrivateKeyPem,
        header("id"),
        claimsFor("id", { exp: NOW_S - 3600 }),
      );
      const result = await verifyEsiaTokenPair({ accessToken, idToken: expiredId }, check);
      assert.deepEqual(result.ok ? undefined : [result.token, result.refusal], ["id", "expired"]);
      const swapped = await verifyEsiaTokenPair({ accessToken: expiredId }, check);
      assert.deepEqual(swapped.ok ? undefined : [swapped.token, swapped.refusal], ["access", "token-kind"]);
    });
  });
});
