// Cross-checks against OpenSSL's gost engine, the implementation ESIA reference clients sign with
// (domain/esia.md §6.1.3, §17). Skipped, with the reason, where the engine is not installed.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import {
  certificateHash,
  createGostCertificate,
  derToPem,
  gostPrivateKeyInfoFromPem,
  gostPrivateKeyToPem,
  gostPublicKeyInfoFromCertificate,
  pemToDer,
} from "./certificate.ts";
import {
  type GostCurve,
  generateGostKeyPair,
  gostPublicKeyFromPrivate,
  gostSign,
  gostVerify,
  streebog256,
  streebog512,
} from "./gost.ts";
import { signJwtGost } from "./jwt-gost.ts";
import { findGostOpenssl } from "./test-openssl.ts";

const found = findGostOpenssl();
const skip = typeof found === "string" ? `skipped: ${found}` : false;

describe("interoperability with OpenSSL + gost engine", { skip }, () => {
  if (typeof found === "string") return;
  const openssl = found;
  after(() => openssl.cleanup());
  const file = (name: string, content?: string | Uint8Array) => {
    const path = join(openssl.dir, name);
    if (content !== undefined) writeFileSync(path, content, { mode: 0o600 });
    return path;
  };

  const keyPair = generateGostKeyPair();
  const der = createGostCertificate({
    commonName: "FRMRLK dev",
    organization: "ФРМР",
    keyPair,
    validDays: 30,
  });
  const certificatePath = file("ours.crt", derToPem(der, "CERTIFICATE"));
  const keyPath = file("ours.key", gostPrivateKeyToPem(keyPair.privateKey));
  const publicKeyPath = file("ours.pub");
  openssl.run(["x509", "-in", certificatePath, "-pubkey", "-noout", "-out", publicKeyPath]);

  test("Streebog-256 equals `openssl dgst -md_gost12_256` on random data of several sizes", () => {
    for (const size of [0, 1, 63, 64, 65, 1000]) {
      const data = randomBytes(size);
      const line = openssl.run(["dgst", "-md_gost12_256", "-r"], data).toString();
      assert.equal(line.split(" ")[0], Buffer.from(streebog256(data)).toString("hex"), `size ${size}`);
    }
  });

  test("openssl parses our certificate and verifies its self-signature", () => {
    const text = openssl.run(["x509", "-in", certificatePath, "-noout", "-text"]).toString();
    assert.match(text, /Signature Algorithm: GOST R 34.10-2012 with GOST R 34.11-2012 \(256 bit\)/);
    assert.match(text, /id-GostR3410-2001-CryptoPro-A-ParamSet/);
    assert.match(text, /CN = FRMRLK dev/);
    assert.match(openssl.run(["verify", "-CAfile", certificatePath, certificatePath]).toString(), /: OK/);
  });

  test("Streebog-512 equals `openssl dgst -md_gost12_512`", () => {
    for (const size of [0, 1, 64, 65, 1000]) {
      const data = randomBytes(size);
      const line = openssl.run(["dgst", "-md_gost12_512", "-r"], data).toString();
      assert.equal(line.split(" ")[0], Buffer.from(streebog512(data)).toString("hex"), `size ${size}`);
    }
  });

  for (const curve of ["TC26-512-A", "TC26-512-C", "TC26-256-A"] as const) {
    test(`openssl verifies our ${curve} certificate, signature and PKCS#8 key`, () => {
      const pair = generateGostKeyPair(curve);
      const certificate = createGostCertificate({ commonName: curve, keyPair: pair, curve, validDays: 2 });
      const certPath = file(`ours-${curve}.crt`, derToPem(certificate, "CERTIFICATE"));
      const text = openssl.run(["x509", "-in", certPath, "-noout", "-text"]).toString();
      assert.match(text, curve === "TC26-256-A" ? /\(256 bit\)/ : /\(512 bit\)/);
      assert.match(openssl.run(["verify", "-CAfile", certPath, certPath]).toString(), /: OK/);
      const pubPath = file(`ours-${curve}.pub`);
      openssl.run(["x509", "-in", certPath, "-pubkey", "-noout", "-out", pubPath]);
      const md = curve === "TC26-256-A" ? "-md_gost12_256" : "-md_gost12_512";
      const message = file(`message-${curve}.txt`, `signed on ${curve}`);
      const signature = file(`ours-${curve}.sig`, gostSign(pair.privateKey, readFileSync(message), curve));
      assert.equal(
        openssl.succeeds(["dgst", md, "-verify", pubPath, "-signature", signature, message]),
        true,
      );
      // And openssl signs with our key file.
      const keyFile = file(`ours-${curve}.key`, gostPrivateKeyToPem(pair.privateKey, curve));
      const theirs = file(`by-openssl-${curve}.sig`);
      openssl.run(["dgst", md, "-sign", keyFile, "-out", theirs, message]);
      assert.equal(gostVerify(pair.publicKey, readFileSync(message), readFileSync(theirs), curve), true);
    });
  }

  test("certificateHash equals `openssl dgst -md_gost12_256` over the DER, upper-cased", () => {
    const derPath = file("ours.der", der);
    const line = openssl.run(["dgst", "-md_gost12_256", "-r", derPath]).toString();
    assert.equal(certificateHash(der), line.split(" ")[0]?.toUpperCase());
  });

  test("openssl verifies our signature as is, and rejects it reversed", () => {
    const message = file("message.txt", "FRMRLKopenid fullname2025.01.25 14:36:11 +0300state-uuid");
    const signature = gostSign(keyPair.privateKey, readFileSync(message));
    const verifyArgs = (sig: string) => [
      "dgst",
      "-md_gost12_256",
      "-verify",
      publicKeyPath,
      "-signature",
      sig,
      message,
    ];
    assert.equal(openssl.succeeds(verifyArgs(file("ours.sig", signature))), true);
    assert.equal(
      openssl.succeeds(verifyArgs(file("reversed.sig", Uint8Array.from(signature).reverse()))),
      false,
    );
  });

  test("openssl accepts our PKCS#8 key for signing, and we verify the result", () => {
    const message = file("message2.txt", "signed by openssl with our key");
    const signaturePath = file("openssl.sig");
    openssl.run(["dgst", "-md_gost12_256", "-sign", keyPath, "-out", signaturePath, message]);
    const signature = readFileSync(signaturePath);
    assert.equal(gostVerify(keyPair.publicKey, readFileSync(message), signature), true);
  });

  // `genpkey -algorithm <algorithm> -pkeyopt paramset:<set>` → the curve we read it as.
  const made: Record<string, GostCurve> = {
    "gost2012_256:A": "S-256-A",
    "gost2012_256:XA": "X-256-A",
    "gost2012_256:TCA": "TC26-256-A",
    "gost2012_512:A": "TC26-512-A",
    "gost2012_512:B": "TC26-512-B",
    "gost2012_512:C": "TC26-512-C",
  };
  for (const [spec, expectedCurve] of Object.entries(made)) {
    const [algorithm = "", set = ""] = spec.split(":");
    const paramset = `${algorithm}-${set}`;
    const md = algorithm === "gost2012_512" ? "-md_gost12_512" : "-md_gost12_256";
    test(`keys and certificates made by openssl (${algorithm}, paramset ${set}) work with our code`, () => {
      const theirKey = file(`their-${paramset}.key`);
      const theirCertificate = file(`their-${paramset}.crt`);
      openssl.run(["genpkey", "-algorithm", algorithm, "-pkeyopt", `paramset:${set}`, "-out", theirKey]);
      openssl.run([
        "req",
        "-new",
        "-x509",
        "-key",
        theirKey,
        "-subj",
        "/CN=openssl",
        "-days",
        "2",
        "-out",
        theirCertificate,
      ]);
      const { privateKey, curve } = gostPrivateKeyInfoFromPem(readFileSync(theirKey, "utf8"));
      const fromCertificate = gostPublicKeyInfoFromCertificate(
        pemToDer(readFileSync(theirCertificate, "utf8")),
      );
      assert.equal(curve, expectedCurve);
      assert.equal(fromCertificate.curve, curve);
      assert.deepEqual(gostPublicKeyFromPrivate(privateKey, curve), fromCertificate.publicKey);

      const message = file(`message-${paramset}.txt`, `client_secret input ${paramset}`);
      const signaturePath = file(`their-${paramset}.sig`);
      openssl.run(["dgst", md, "-sign", theirKey, "-out", signaturePath, message]);
      const signature = readFileSync(signaturePath);
      assert.equal(gostVerify(fromCertificate.publicKey, readFileSync(message), signature, curve), true);
      assert.equal(
        gostVerify(fromCertificate.publicKey, readFileSync(message), signature.reverse(), curve),
        false,
      );
    });
  }

  test("openssl verifies the signature of a GOST JWT over header.payload", () => {
    const token = signJwtGost(
      { ver: 1, typ: "JWT", sbt: "access" },
      { client_id: "FRMRLK" },
      keyPair.privateKey,
    );
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const input = file("jwt-input.txt", `${header}.${payload}`);
    const signaturePath = file("jwt.sig", Buffer.from(signature, "base64url"));
    assert.equal(
      openssl.succeeds([
        "dgst",
        "-md_gost12_256",
        "-verify",
        publicKeyPath,
        "-signature",
        signaturePath,
        input,
      ]),
      true,
    );
  });
});
