import assert from "node:assert/strict";
import { createPrivateKey, X509Certificate } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import {
  certificateHash,
  gostPrivateKeyFromPem,
  gostPublicKeyFromCertificate,
  pemToDer,
} from "./certificate.ts";
import { loadOrCreateDevKeys } from "./dev-keys.ts";
import { gostPublicKeyFromPrivate } from "./gost.ts";
import { createPureJsSigner } from "./signer.ts";

const root = mkdtempSync(join(tmpdir(), "dev-keys-test-"));
after(() => rmSync(root, { recursive: true, force: true }));

test("creates the directory and keys once, private keys readable by the owner only", async () => {
  const dir = join(root, "fresh", "data", "keys");
  const first = await loadOrCreateDevKeys(dir);
  const second = await loadOrCreateDevKeys(dir);
  assert.deepEqual(second, first);
  assert.deepEqual(readdirSync(dir).sort(), ["client-gost", "standin-gost", "standin-rsa"]);
  for (const pair of readdirSync(dir)) {
    assert.equal(statSync(join(dir, pair, "key.pem")).mode & 0o777, 0o600, pair);
  }
});

test("the client key is a GOST pair with a certificate for FRMRLK dev", async () => {
  const { client } = await loadOrCreateDevKeys(join(root, "client"));
  assert.match(new X509Certificate(client.certificatePem).subject, /CN=FRMRLK dev/);
  assert.deepEqual(client.certificateDer, pemToDer(client.certificatePem));
  assert.equal(client.certificateHash, certificateHash(client.certificateDer));
  const signer = createPureJsSigner({
    privateKeyPem: client.privateKeyPem,
    certificatePem: client.certificatePem,
  });
  assert.equal(signer.certificateHash(), client.certificateHash);
});

test("the stand-in has a matching RSA-2048 pair and a matching GOST pair", async () => {
  const { standin } = await loadOrCreateDevKeys(join(root, "standin"));
  const rsaCertificate = new X509Certificate(standin.rsaCertificatePem);
  assert.equal(rsaCertificate.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
  assert.equal(rsaCertificate.checkPrivateKey(createPrivateKey(standin.rsaPrivateKeyPem)), true);
  assert.equal(rsaCertificate.verify(rsaCertificate.publicKey), true);
  const gostPublicKey = gostPublicKeyFromCertificate(pemToDer(standin.gostCertificatePem));
  assert.deepEqual(gostPublicKeyFromPrivate(gostPrivateKeyFromPem(standin.gostPrivateKeyPem)), gostPublicKey);
});

test("concurrent first starts agree on one set of keys", async () => {
  const dir = join(root, "race");
  const results = await Promise.all([1, 2, 3].map(() => loadOrCreateDevKeys(dir)));
  for (const result of results) assert.deepEqual(result, results[0]);
  assert.deepEqual(readdirSync(dir).sort(), ["client-gost", "standin-gost", "standin-rsa"]);
});

test("an incomplete pair directory is reported, not silently replaced", async () => {
  const dir = join(root, "broken");
  mkdirSync(join(dir, "client-gost"), { recursive: true });
  writeFileSync(join(dir, "client-gost", "key.pem"), "left over");
  await assert.rejects(loadOrCreateDevKeys(dir), /client-gost exists without both/);
});
