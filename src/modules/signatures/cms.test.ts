import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type * as asn1js from "asn1js";
import { decodeDer, oidOf, sequenceItems } from "../../esia/crypto/asn1.ts";
import { derToPem } from "../../esia/crypto/certificate.ts";
import { signDetached, verifyDetached } from "./cms.ts";
import { OID } from "./signature.oids.ts";
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

  test("a 512-bit key signs with Streebog-512 and names its algorithms as the gost engine does", () => {
    for (const curve of ["TC26-512-A", "TC26-512-C"] as const) {
      const head512 = headCertificate(ca, { curve });
      const signature = signDetached({
        content: document,
        certificate: head512.certificate,
        privateKey: head512.privateKey,
        curve,
        signingTime: new Date(),
      });
      const verdict = verifyDetached(signature, document);
      assert.equal(verdict.ok, true, JSON.stringify(verdict));
      assert.equal(verdict.ok && verdict.signer.gostKey?.curve, curve);
      assert.deepEqual(signerAlgorithms(signature), { digest: OID.streebog512, signature: OID.gost2012_512 });
      const changed = Uint8Array.from(document);
      changed[1] = (changed[1] ?? 0) ^ 1;
      assert.deepEqual(verifyDetached(signature, changed), { ok: false, problem: "MISMATCH" });
    }
  });

  test("with a 512-bit key, a Streebog-256 document digest (as some КЭП tools write) is accepted too", () => {
    const head512 = headCertificate(ca, { curve: "TC26-512-B" });
    const signature = signDetached({
      content: document,
      certificate: head512.certificate,
      privateKey: head512.privateKey,
      curve: "TC26-512-B",
      signingTime: new Date(),
      digestAlgorithm: OID.streebog256,
    });
    assert.equal(signerAlgorithms(signature).digest, OID.streebog256);
    assert.equal(verifyDetached(signature, document).ok, true);
    assert.deepEqual(verifyDetached(signature, new TextEncoder().encode("другое")), {
      ok: false,
      problem: "MISMATCH",
    });
  });

  test("garbage, a certificate instead of a signature, a truncated file: «повреждён»", () => {
    for (const file of [Buffer.from("hello"), head.certificate.der, sign().subarray(0, 200)]) {
      assert.deepEqual(verifyDetached(file, document), { ok: false, problem: "DAMAGED" });
    }
  });
});

// The digest and signature algorithms of the (only) SignerInfo.
function signerAlgorithms(signature: Uint8Array): { digest: string; signature: string } {
  const [, wrapped] = sequenceItems(decodeDer(signature, "ContentInfo"), "ContentInfo");
  const signedData = sequenceItems((wrapped as asn1js.Constructed).valueBlock.value[0], "SignedData");
  const signerInfos = signedData[signedData.length - 1] as asn1js.Set;
  const fields = sequenceItems(signerInfos.valueBlock.value[0], "SignerInfo");
  const oidAt = (index: number) => oidOf(sequenceItems(fields[index], "algorithm")[0], "algorithm");
  return { digest: oidAt(2), signature: oidAt(4) };
}
