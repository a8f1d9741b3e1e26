import assert from "node:assert/strict";
import { test } from "node:test";
import { generateGostKeyPair, gostVerify } from "./gost.ts";
import { GOST_JWT_ALG, signJwtGost, verifyJwtGostSignature } from "./jwt-gost.ts";

const keyPair = generateGostKeyPair();
const payload = {
  iss: "http://esia-portal1.test.gosuslugi.ru/",
  client_id: "FRMRLK",
  "urn:esia:sbj_id": 1000000001,
};
const token = signJwtGost({ ver: 1, typ: "JWT", sbt: "access", alg: "RS256" }, payload, keyPair.privateKey);
const decode = (part: string | undefined) =>
  JSON.parse(Buffer.from(part ?? "", "base64url").toString("utf8"));

test("header keeps its fields and order, with alg forced to GOST3410_2012_256", () => {
  const [header, body] = token.split(".");
  assert.equal(GOST_JWT_ALG, "GOST3410_2012_256");
  assert.equal(
    Buffer.from(header ?? "", "base64url").toString(),
    '{"ver":1,"typ":"JWT","sbt":"access","alg":"GOST3410_2012_256"}',
  );
  assert.deepEqual(decode(body), payload);
});

test("the signature is 64 bytes, base64url without padding, over the ASCII header.payload", () => {
  const [header, body, signature] = token.split(".") as [string, string, string];
  assert.match(signature, /^[A-Za-z0-9_-]{86}$/);
  const bytes = new Uint8Array(Buffer.from(signature, "base64url"));
  assert.equal(gostVerify(keyPair.publicKey, new TextEncoder().encode(`${header}.${body}`), bytes), true);
});

test("verifies its own tokens and rejects altered ones", () => {
  assert.equal(verifyJwtGostSignature(token, keyPair.publicKey), true);
  assert.equal(verifyJwtGostSignature(token, generateGostKeyPair().publicKey), false);
  const [header, , signature] = token.split(".");
  const forged = Buffer.from(JSON.stringify({ ...payload, "urn:esia:sbj_id": 1000000002 })).toString(
    "base64url",
  );
  assert.equal(verifyJwtGostSignature(`${header}.${forged}.${signature}`, keyPair.publicKey), false);
  const reversed = Buffer.from(signature ?? "", "base64url")
    .reverse()
    .toString("base64url");
  assert.equal(
    verifyJwtGostSignature(`${header}.${token.split(".")[1]}.${reversed}`, keyPair.publicKey),
    false,
  );
});

test("malformed tokens give false", () => {
  for (const bad of [
    "",
    "a.b",
    `${token}.x`,
    `${token}=`,
    token.replace(".", ".."),
    `${token.slice(0, -2)}+/`,
  ]) {
    assert.equal(verifyJwtGostSignature(bad, keyPair.publicKey), false, bad);
  }
  assert.equal(verifyJwtGostSignature(token, new Uint8Array(3)), false);
});
