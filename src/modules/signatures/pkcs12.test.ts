import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { decodeDer, sequenceItems } from "../../esia/crypto/asn1.ts";
import {
  derToPem,
  gostPrivateKeyFromPem,
  gostPrivateKeyInfoFromPem,
  gostPrivateKeyToPem,
  pemToDer,
} from "../../esia/crypto/certificate.ts";
import { findGostOpenssl, type GostOpenssl, opensslPkcs12 } from "../../esia/crypto/test-openssl.ts";
import { buildPkcs12, Pkcs12FormatError, Pkcs12PasswordError, readPkcs12 } from "./pkcs12.ts";
import { headCertificate, testCa } from "./test-support.ts";

const ca = testCa();
const head = headCertificate(ca);
const pkcs8Der = pemToDer(gostPrivateKeyToPem(head.privateKey));

/** A test with an engine-enabled openssl and its scratch directory, skipped with the reason without one. */
function opensslTest(name: string, body: (openssl: GostOpenssl) => Promise<void>): void {
  const found = findGostOpenssl();
  test(name, { skip: typeof found === "string" ? found : false }, async () => {
    if (typeof found === "string") return;
    try {
      await body(found);
    } finally {
      found.cleanup();
    }
  });
}

describe("PKCS#12 with a GOST key", () => {
  test("round trip: the certificate and the key come back with the right password", async () => {
    const pfx = await buildPkcs12({
      certificateDer: head.certificate.der,
      pkcs8Der,
      password: "Пароль-1",
      friendlyName: "Смирнов",
    });
    const opened = await readPkcs12(pfx, "Пароль-1");
    assert.deepEqual(opened.certificates, [head.certificate.der]);
    assert.deepEqual(gostPrivateKeyFromPem(derToPem(opened.pkcs8Der, "PRIVATE KEY")), head.privateKey);
  });

  test("a 512-bit key comes back with its parameter set", async () => {
    const head512 = headCertificate(ca, { curve: "TC26-512-B" });
    const pfx = await buildPkcs12({
      certificateDer: head512.certificate.der,
      pkcs8Der: pemToDer(gostPrivateKeyToPem(head512.privateKey, "TC26-512-B")),
      password: "Пароль-512",
    });
    const opened = await readPkcs12(pfx, "Пароль-512");
    assert.deepEqual(gostPrivateKeyInfoFromPem(derToPem(opened.pkcs8Der, "PRIVATE KEY")), {
      privateKey: head512.privateKey,
      curve: "TC26-512-B",
    });
  });

  test("a wrong password is a password error; a damaged file is a format error", async () => {
    const pfx = await buildPkcs12({ certificateDer: head.certificate.der, pkcs8Der, password: "right" });
    await assert.rejects(readPkcs12(pfx, "wrong"), Pkcs12PasswordError);
    await assert.rejects(readPkcs12(new TextEncoder().encode("not a pfx"), "right"), Pkcs12FormatError);
    // Without its MAC the wrong password is still caught, by the decryption.
    const [version, authSafe] = sequenceItems(decodeDer(pfx, "PFX"), "PFX");
    const { Sequence } = await import("asn1js");
    const noMac = new Uint8Array(new Sequence({ value: [version as never, authSafe as never] }).toBER());
    await assert.rejects(readPkcs12(noMac, "wrong"), Pkcs12PasswordError);
  });

  opensslTest("OpenSSL with the gost engine opens ours, and we open OpenSSL's", async (found) => {
    const pfxPath = join(found.dir, "head.pfx");
    writeFileSync(
      pfxPath,
      await buildPkcs12({ certificateDer: head.certificate.der, pkcs8Der, password: "Test-1234" }),
    );
    const pem = found.run(["pkcs12", "-in", pfxPath, "-passin", "pass:Test-1234", "-nodes"]).toString();
    assert.match(pem, /BEGIN CERTIFICATE/);
    assert.deepEqual(
      gostPrivateKeyFromPem(pem.slice(pem.indexOf("-----BEGIN PRIVATE KEY"))),
      head.privateKey,
    );
    assert.equal(
      found.succeeds(["pkcs12", "-in", pfxPath, "-passin", "pass:wrong", "-nodes", "-noout"]),
      false,
    );

    const theirs = opensslPkcs12(found, {
      keyPem: gostPrivateKeyToPem(head.privateKey),
      certificatePem: derToPem(head.certificate.der, "CERTIFICATE"),
      password: "Их-пароль",
    });
    const opened = await readPkcs12(theirs, "Их-пароль");
    assert.deepEqual(opened.certificates[0], head.certificate.der);
    assert.deepEqual(gostPrivateKeyFromPem(derToPem(opened.pkcs8Der, "PRIVATE KEY")), head.privateKey);
  });

  // КриптоПро CSP 5 exports with the TC26 protection; OpenSSL's gost engine writes the same format.
  opensslTest(
    "a .pfx protected by GOST 28147-89 and a Streebog MAC (TC26) opens with the right password only",
    async (gostFound) => {
      const head512 = headCertificate(ca, { curve: "TC26-512-B" });
      const cases = [
        { name: "256", holder: head, curve: undefined, mac: ["-macalg", "md_gost12_512"] },
        { name: "512", holder: head512, curve: "TC26-512-B" as const, mac: ["-macalg", "md_gost12_256"] },
        { name: "nomac", holder: head, curve: undefined, mac: ["-nomac"] },
      ];
      for (const { name, holder, curve, mac } of cases) {
        const pfx = opensslPkcs12(gostFound, {
          keyPem: gostPrivateKeyToPem(holder.privateKey, curve),
          certificatePem: derToPem(holder.certificate.der, "CERTIFICATE"),
          password: "Пароль-ГОСТ",
          protection: ["-keypbe", "gost89", "-certpbe", "gost89", ...mac],
          name,
        });
        // id-Gost28147-89 (1.2.643.2.2.21) names the bags' cipher: the file is not AES-protected.
        assert.ok(pfx.includes(Buffer.from("06062a8503020215", "hex")), name);
        const opened = await readPkcs12(pfx, "Пароль-ГОСТ");
        assert.deepEqual(opened.certificates, [holder.certificate.der], name);
        assert.deepEqual(
          gostPrivateKeyInfoFromPem(derToPem(opened.pkcs8Der, "PRIVATE KEY")),
          { privateKey: holder.privateKey, curve: curve ?? "S-256-A" },
          name,
        );
        await assert.rejects(readPkcs12(pfx, "Пароль-гост"), Pkcs12PasswordError, name);
      }
    },
  );
});
