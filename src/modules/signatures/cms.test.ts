import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { derToPem } from "../../esia/crypto/certificate.ts";
import { signDetached, verifyDetached } from "./cms.ts";
import { headCertificate, testCa } from "./test-support.ts";

const ca = testCa();
const head = headCertificate(ca);
const document = new TextEncoder().encode("Решение: согласовано. Заявка № 42.");
const sign = (content = document) =>
  signDetached({
    content,
    certificate: head.certificate,
    privateKey: head.privateKey,
    curve: "S-256-A",
    signingTime: new Date(),
  });

describe("detached CMS (CAdES-BES)", () => {
  test("our signature verifies over the exact bytes, and names the signer and the time", () => {
    const verdict = verifyDetached(sign(), document);
    assert.equal(verdict.ok, true);
    assert.equal(verdict.ok && verdict.signer.serialHex, head.certificate.serialHex);
    assert.ok(
      verdict.ok && verdict.signingTime && Math.abs(verdict.signingTime.getTime() - Date.now()) < 5000,
    );
  });

  test("one changed byte of the document is «не соответствует документу»", () => {
    const changed = Uint8Array.from(document);
    changed[0] = (changed[0] ?? 0) ^ 1;
    assert.deepEqual(verifyDetached(sign(), changed), { ok: false, problem: "MISMATCH" });
  });

  test("a signature value altered inside the file does not verify", () => {
    const signature = sign();
    signature[signature.length - 3] = (signature[signature.length - 3] ?? 0) ^ 0x55;
    assert.deepEqual(verifyDetached(signature, document), { ok: false, problem: "MISMATCH" });
  });

  test("PEM and bare base64 files are read like DER", () => {
    const signature = sign();
    assert.equal(verifyDetached(Buffer.from(derToPem(signature, "PKCS7")), document).ok, true);
    assert.equal(verifyDetached(Buffer.from(Buffer.from(signature).toString("base64")), document).ok, true);
  });

  test("garbage, a certificate instead of a signature, a truncated file: «повреждён»", () => {
    for (const file of [Buffer.from("hello"), head.certificate.der, sign().subarray(0, 200)]) {
      assert.deepEqual(verifyDetached(file, document), { ok: false, problem: "DAMAGED" });
    }
  });
});
