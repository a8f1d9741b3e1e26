// Both directions against OpenSSL's GOST engine (issue 11 item 7): OpenSSL's CMS signatures are
// accepted by our verification, ours verify with `openssl cms -verify`, and OpenSSL accepts the test
// CA's certificates and CRL; with 256- and 512-bit keys, and a .pfx exported by OpenSSL signs as the
// page signs. Skipped, with the reason, where the engine is not installed.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { derToPem, gostPrivateKeyToPem } from "../../esia/crypto/certificate.ts";
import { cmsVerifyArgs, findGostOpenssl } from "../../esia/crypto/test-openssl.ts";
import { checkCertificate } from "./certificate.checks.ts";
import { parseCertificate } from "./certificate.parse.ts";
import { signDetached, verifyDetached } from "./cms.ts";
import { signWithPfx } from "./pfx-signing.ts";
import { clinicHead, crlsOf, headCertificate, testCa, trustOf, unreachableCrls } from "./test-support.ts";

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
  // The CRL goes into the trusted store next to the root.
  const opensslVerify = (signaturePath: string, contentPath: string, storePath: string) =>
    cmsVerifyArgs({
      signature: signaturePath,
      content: contentPath,
      caFile: storePath,
      crlCheck: true,
      out: join(openssl.dir, "out.bin"),
    });
  const opensslSign = (certPath: string, keyPath: string, md: string, out: string) =>
    openssl.run([
      "cms",
      "-sign",
      "-binary",
      "-md",
      md,
      "-in",
      documentPath,
      "-signer",
      certPath,
      "-inkey",
      keyPath,
      "-outform",
      "DER",
      "-out",
      out,
    ]);

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
    opensslSign(headPath, keyPath, "md_gost12_256", signaturePath);
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
    const storePath = file(
      "store.pem",
      derToPem(ca.root.der, "CERTIFICATE") + derToPem(ca.crl(), "X509 CRL"),
    );
    const verify = (content: string) => opensslVerify(ours, content, storePath);
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

  for (const curve of ["TC26-512-A", "TC26-512-C"] as const) {
    test(`a 512-bit head (${curve}): openssl's signature is accepted and ours verifies with openssl`, async () => {
      const head512 = headCertificate(ca, { curve });
      const certPath = file(`head-${curve}.crt`, derToPem(head512.certificate.der, "CERTIFICATE"));
      const keyPath512 = file(`head-${curve}.key`, gostPrivateKeyToPem(head512.privateKey, curve));
      const theirs = join(openssl.dir, `openssl-${curve}.sig`);
      opensslSign(certPath, keyPath512, "md_gost12_512", theirs);
      const verdict = verifyDetached(readFileSync(theirs), document);
      assert.equal(verdict.ok, true, JSON.stringify(verdict));
      if (!verdict.ok) return;
      const at = verdict.signingTime ?? new Date();
      const checked = await checkCertificate(verdict.signer, {
        at,
        trust: trustOf(ca),
        crls: crlsOf(ca),
        head: clinicHead,
      });
      assert.equal(checked.ok, true);
      assert.deepEqual(verifyDetached(readFileSync(theirs), document.subarray(1)), {
        ok: false,
        problem: "MISMATCH",
      });

      const ours = file(
        `ours-${curve}.sig`,
        signDetached({
          content: document,
          certificate: head512.certificate,
          privateKey: head512.privateKey,
          curve,
          signingTime: new Date(),
        }),
      );
      const storePath = file(
        `store-${curve}.pem`,
        derToPem(ca.root.der, "CERTIFICATE") + derToPem(ca.crl(), "X509 CRL"),
      );
      openssl.run(opensslVerify(ours, documentPath, storePath));
      assert.equal(
        openssl.succeeds(opensslVerify(ours, file(`other-${curve}.pdf`, "другой"), storePath)),
        false,
      );
    });
  }

  test("a 512-bit .pfx exported by openssl signs as the page signs, and openssl verifies the result", async () => {
    const head512 = headCertificate(ca, { curve: "TC26-512-B" });
    const certPath = file("pfx-head.crt", derToPem(head512.certificate.der, "CERTIFICATE"));
    const keyPath512 = file("pfx-head.key", gostPrivateKeyToPem(head512.privateKey, "TC26-512-B"));
    const pfxPath = join(openssl.dir, "head512.pfx");
    openssl.run([
      "pkcs12",
      "-export",
      "-in",
      certPath,
      "-inkey",
      keyPath512,
      "-certfile",
      caPath,
      "-passout",
      "pass:Пароль",
      "-out",
      pfxPath,
    ]);
    const cms = await signWithPfx({
      pfx: readFileSync(pfxPath),
      password: "Пароль",
      content: async () => document,
      signingTime: new Date(),
    });
    const verdict = verifyDetached(cms, document);
    assert.equal(verdict.ok && verdict.signer.serialHex, head512.certificate.serialHex);
    const storePath = file(
      "pfx-store.pem",
      derToPem(ca.root.der, "CERTIFICATE") + derToPem(ca.crl(), "X509 CRL"),
    );
    openssl.run(opensslVerify(file("pfx.sig", cms), documentPath, storePath));
  });

  test("a chain made by openssl alone, 512-bit CA and signer, verifies (Streebog-512 certificate signatures)", async () => {
    // A 512-bit key of paramset and a self-signed CA certificate of it named /CN=OpenSSL CA 512.
    const opensslRoot = (name: string, paramset: string) => {
      const key = join(openssl.dir, `${name}.key`);
      const certificate = join(openssl.dir, `${name}.crt`);
      openssl.run(["genpkey", "-algorithm", "gost2012_512", "-pkeyopt", `paramset:${paramset}`, "-out", key]);
      const subject = ["-subj", "/CN=OpenSSL CA 512", "-days", "2"];
      const extensions = [
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=keyCertSign,cRLSign",
      ];
      openssl.run(["req", "-new", "-x509", "-key", key, ...subject, ...extensions, "-out", certificate]);
      return { key, certificate };
    };
    const theirCa = opensslRoot("their-ca", "B");
    const leafKey = join(openssl.dir, "their-leaf.key");
    const leafCsr = join(openssl.dir, "their-leaf.csr");
    const leaf = join(openssl.dir, "their-leaf.crt");
    openssl.run(["genpkey", "-algorithm", "gost2012_512", "-pkeyopt", "paramset:C", "-out", leafKey]);
    openssl.run(["req", "-new", "-key", leafKey, "-subj", "/CN=Signer 512", "-out", leafCsr]);
    const extensions = file("leaf.ext", "keyUsage=critical,digitalSignature,nonRepudiation\n");
    const issuer = ["-CA", theirCa.certificate, "-CAkey", theirCa.key, "-CAcreateserial"];
    openssl.run([
      "x509",
      "-req",
      "-in",
      leafCsr,
      ...issuer,
      "-days",
      "2",
      "-extfile",
      extensions,
      "-out",
      leaf,
    ]);
    const signaturePath = join(openssl.dir, "their-chain.sig");
    opensslSign(leaf, leafKey, "md_gost12_512", signaturePath);
    const verdict = verifyDetached(readFileSync(signaturePath), document);
    assert.equal(verdict.ok, true, JSON.stringify(verdict));
    if (!verdict.ok) return;
    assert.equal(verdict.signer.signatureAlgorithm, "1.2.643.7.1.1.3.3");
    const chainTo = (root: string) => ({
      at: new Date(),
      trust: { roots: [parseCertificate(readFileSync(root))], intermediates: [] },
      crls: unreachableCrls,
    });
    const checked = await checkCertificate(verdict.signer, chainTo(theirCa.certificate));
    assert.equal(checked.ok && checked.chain.length, 2, JSON.stringify(checked));
    // Another 512-bit root of the same name does not vouch for the signer.
    const impostor = opensslRoot("impostor", "B");
    assert.deepEqual(await checkCertificate(verdict.signer, chainTo(impostor.certificate)), {
      ok: false,
      problem: "CHAIN",
    });
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
