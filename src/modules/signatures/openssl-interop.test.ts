// Both directions against OpenSSL's GOST engine (issue 11 item 7): OpenSSL's CMS signatures are
// accepted by our verification, ours verify with `openssl cms -verify`, and OpenSSL accepts the test
// CA's certificates and CRL. Skipped, with the reason, where the engine is not installed.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { derToPem, gostPrivateKeyToPem } from "../../esia/crypto/certificate.ts";
import { findGostOpenssl } from "../../esia/crypto/test-openssl.ts";
import { checkCertificate } from "./certificate.checks.ts";
import { signDetached, verifyDetached } from "./cms.ts";
import { clinicHead, crlsOf, headCertificate, testCa, trustOf } from "./test-support.ts";

const found = findGostOpenssl();
const skip = typeof found === "string" ? `skipped: ${found}` : false;

describe("signatures interoperate with OpenSSL + gost engine", { skip }, () => {
  if (typeof found === "string") return;
  const openssl = found;
  after(() => openssl.cleanup());
  const file = (name: string, content: string | Uint8Array) => {
    const path = join(openssl.dir, name);
    writeFileSync(path, content, { mode: 0o600 });
    return path;
  };
  const ca = testCa();
  const head = headCertificate(ca);
  const caPath = file("ca.crt", derToPem(ca.root.der, "CERTIFICATE"));
  const headPath = file("head.crt", derToPem(head.certificate.der, "CERTIFICATE"));
  const keyPath = file("head.key", gostPrivateKeyToPem(head.privateKey));
  const document = new TextEncoder().encode("%PDF-1.4 приказ № 7 о назначении ответственных\n");
  const documentPath = file("document.pdf", document);

  test("openssl verifies the test CA's certificate chain and its CRL", () => {
    assert.match(openssl.run(["verify", "-CAfile", caPath, headPath]).toString(), /: OK/);
    const crlPath = file("ca.crl", ca.crl());
    openssl.run(["crl", "-inform", "DER", "-in", crlPath, "-CAfile", caPath, "-noout"]);
    const text = openssl.run(["x509", "-in", headPath, "-noout", "-text"]).toString();
    assert.match(text, /Digital Signature, Non Repudiation/);
    assert.match(text, /URI:http:\/\/127\.0\.0\.1:9\/test-ca\/crl/);
  });

  test("a detached signature made by `openssl cms -sign` is accepted", async () => {
    const signaturePath = join(openssl.dir, "openssl.sig");
    openssl.run([
      "cms",
      "-sign",
      "-binary",
      "-md",
      "md_gost12_256",
      "-in",
      documentPath,
      "-signer",
      headPath,
      "-inkey",
      keyPath,
      "-outform",
      "DER",
      "-out",
      signaturePath,
    ]);
    const verdict = verifyDetached(readFileSync(signaturePath), document);
    assert.equal(verdict.ok, true, JSON.stringify(verdict));
    if (!verdict.ok) return;
    assert.equal(verdict.signer.serialHex, head.certificate.serialHex);
    const certificate = await checkCertificate(verdict.signer, {
      at: verdict.signingTime ?? new Date(),
      trust: trustOf(ca),
      crls: crlsOf(ca),
      head: clinicHead,
    });
    assert.equal(certificate.ok, true);
    const other = Uint8Array.from(document);
    other[3] = 0x20;
    assert.deepEqual(verifyDetached(readFileSync(signaturePath), other), { ok: false, problem: "MISMATCH" });
  });

  test("our signature verifies with `openssl cms -verify`, revocation included, and fails on other content", () => {
    const ours = file(
      "ours.sig",
      signDetached({
        content: document,
        certificate: head.certificate,
        privateKey: head.privateKey,
        curve: "S-256-A",
        signingTime: new Date(),
      }),
    );
    // `cms -verify` has no -CRLfile: the CRL goes into the trusted store next to the root.
    const storePath = file(
      "store.pem",
      derToPem(ca.root.der, "CERTIFICATE") + derToPem(ca.crl(), "X509 CRL"),
    );
    const verify = (content: string) => [
      "cms",
      "-verify",
      "-binary",
      "-inform",
      "DER",
      "-in",
      ours,
      "-content",
      content,
      "-CAfile",
      storePath,
      "-crl_check",
      "-out",
      join(openssl.dir, "out.bin"),
    ];
    openssl.run(verify(documentPath));
    assert.equal(openssl.succeeds(verify(file("other.pdf", "%PDF-1.4 другой документ\n"))), false);
    const printed = openssl.run(["cms", "-cmsout", "-print", "-inform", "DER", "-in", ours]).toString();
    for (const attribute of [
      "contentType",
      "signingTime",
      "messageDigest",
      "id-smime-aa-signingCertificateV2",
    ]) {
      assert.match(printed, new RegExp(attribute));
    }
  });

  test("openssl refuses our signature once the CA has revoked the certificate", () => {
    const revoked = headCertificate(ca);
    const certPath = file("revoked.crt", derToPem(revoked.certificate.der, "CERTIFICATE"));
    ca.revoke(revoked.certificate.serialHex);
    const crlPath = file("after.crl", derToPem(ca.crl(), "X509 CRL"));
    assert.equal(
      openssl.succeeds(["verify", "-CAfile", caPath, "-crl_check", "-CRLfile", crlPath, certPath]),
      false,
    );
    assert.equal(
      openssl.succeeds(["verify", "-CAfile", caPath, "-crl_check", "-CRLfile", crlPath, headPath]),
      true,
    );
  });
});
