import assert from "node:assert/strict";
import { generateKeyPairSync, sign, X509Certificate } from "node:crypto";
import { describe, test } from "node:test";
import * as asn1js from "asn1js";
import {
  certificateHash,
  createGostCertificate,
  derToPem,
  gostPrivateKeyFromPem,
  gostPrivateKeyInfoFromPem,
  gostPrivateKeyToPem,
  gostPublicKeyFromCertificate,
  gostPublicKeyInfoFromCertificate,
  pemToDer,
} from "./certificate.ts";
import { generateGostKeyPair, gostVerify, streebog256 } from "./gost.ts";
import { buildSelfSignedCertificate } from "./self-signed.ts";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const keyPair = generateGostKeyPair();
const now = new Date("2025-01-25T11:36:11.500Z");
const der = createGostCertificate({
  commonName: "FRMRLK dev",
  organization: "ФРМР",
  keyPair,
  validDays: 30,
  now,
});

describe("createGostCertificate", () => {
  test("carries the subject, validity and key", () => {
    const certificate = new X509Certificate(der);
    assert.equal(certificate.subject, "O=ФРМР\nCN=FRMRLK dev");
    assert.equal(certificate.issuer, certificate.subject);
    assert.equal(new Date(certificate.validFrom).toISOString(), "2025-01-25T11:31:11.000Z");
    assert.equal(new Date(certificate.validTo).toISOString(), "2025-02-24T11:36:11.000Z");
    assert.equal(hex(gostPublicKeyFromCertificate(der)), hex(keyPair.publicKey));
    assert.equal(gostPublicKeyInfoFromCertificate(der).curve, "S-256-A");
  });

  test("uses the GOST 2012-256 algorithm identifiers with CryptoPro-A parameters", () => {
    const text = Buffer.from(der).toString("hex");
    for (const oid of ["1.2.643.7.1.1.3.2", "1.2.643.7.1.1.1.1", "1.2.643.2.2.35.1", "1.2.643.7.1.1.2.2"]) {
      const encoded = hex(new Uint8Array(new asn1js.ObjectIdentifier({ value: oid }).toBER()));
      assert.ok(text.includes(encoded), oid);
    }
  });

  test("is self-signed: the signature verifies over the TBSCertificate with the subject key", () => {
    const parsed = asn1js.fromBER(der).result as asn1js.Sequence;
    const [tbs, , signature] = parsed.valueBlock.value as [
      asn1js.Sequence,
      asn1js.Sequence,
      asn1js.BitString,
    ];
    const signatureBytes = new Uint8Array(signature.valueBlock.valueHexView);
    assert.equal(gostVerify(keyPair.publicKey, new Uint8Array(tbs.toBER()), signatureBytes), true);
  });

  test("a 512-bit key gets the 512-bit identifiers and signs the certificate with Streebog-512", () => {
    const pair = generateGostKeyPair("TC26-512-B");
    const certificate = createGostCertificate({
      commonName: "512",
      keyPair: pair,
      curve: "TC26-512-B",
      validDays: 1,
    });
    const text = Buffer.from(certificate).toString("hex");
    for (const oid of [
      "1.2.643.7.1.1.3.3",
      "1.2.643.7.1.1.1.2",
      "1.2.643.7.1.2.1.2.2",
      "1.2.643.7.1.1.2.3",
    ]) {
      const encoded = hex(new Uint8Array(new asn1js.ObjectIdentifier({ value: oid }).toBER()));
      assert.ok(text.includes(encoded), oid);
    }
    const info = gostPublicKeyInfoFromCertificate(certificate);
    assert.equal(info.curve, "TC26-512-B");
    assert.equal(hex(info.publicKey), hex(pair.publicKey));
    const [tbs, , signature] = (asn1js.fromBER(certificate).result as asn1js.Sequence).valueBlock.value as [
      asn1js.Sequence,
      asn1js.Sequence,
      asn1js.BitString,
    ];
    const signatureBytes = new Uint8Array(signature.valueBlock.valueHexView);
    assert.equal(signatureBytes.length, 128);
    assert.equal(gostVerify(pair.publicKey, new Uint8Array(tbs.toBER()), signatureBytes, "TC26-512-B"), true);
  });

  test("serial numbers differ", () => {
    const other = createGostCertificate({ commonName: "FRMRLK dev", keyPair, validDays: 30, now });
    assert.notEqual(new X509Certificate(other).serialNumber, new X509Certificate(der).serialNumber);
  });
});

describe("gostPublicKeyFromCertificate", () => {
  test("throws on a non-GOST certificate and on garbage", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const rsaDer = buildSelfSignedCertificate({
      commonName: "rsa",
      validDays: 1,
      subjectPublicKeyInfo: new Uint8Array(rsa.publicKey.export({ type: "spki", format: "der" })),
      signatureAlgorithm: new Uint8Array(
        new asn1js.Sequence({
          value: [new asn1js.ObjectIdentifier({ value: "1.2.840.113549.1.1.11" }), new asn1js.Null()],
        }).toBER(),
      ),
      sign: (tbs) => new Uint8Array(sign("sha256", tbs, rsa.privateKey)),
    });
    assert.equal(new X509Certificate(rsaDer).publicKey.asymmetricKeyType, "rsa");
    assert.throws(() => gostPublicKeyFromCertificate(rsaDer), /not a GOST/);
    assert.throws(() => gostPublicKeyFromCertificate(new Uint8Array([0x30, 0x03, 0x02, 0x01])));
    assert.throws(() => gostPublicKeyFromCertificate(new Uint8Array([...der, 0])), /trailing/);
  });
});

test("certificateHash is upper-case hex Streebog-256 over the DER (not the PEM)", () => {
  const hash = certificateHash(der);
  assert.match(hash, /^[0-9A-F]{64}$/);
  assert.equal(hash, hex(streebog256(der)).toUpperCase());
  assert.notEqual(hash, certificateHash(new TextEncoder().encode(derToPem(der, "CERTIFICATE"))));
});

describe("PEM", () => {
  test("round-trips with 64-character lines", () => {
    const pem = derToPem(der, "CERTIFICATE");
    assert.match(pem, /^-----BEGIN CERTIFICATE-----\n/);
    assert.ok(pem.split("\n").every((line) => line.length <= 64));
    assert.deepEqual(pemToDer(pem), der);
    assert.deepEqual(pemToDer(`junk before\r\n${pem.replaceAll("\n", "\r\n")}`), der);
  });

  test("rejects text without a well-formed block", () => {
    assert.throws(() => pemToDer("no pem here"));
    assert.throws(() => pemToDer("-----BEGIN CERTIFICATE-----\nAA@A\n-----END CERTIFICATE-----"));
    assert.throws(() => pemToDer("-----BEGIN CERTIFICATE-----\nAAAA\n-----END PRIVATE KEY-----"));
  });
});

describe("GOST private keys in PKCS#8", () => {
  const pkcs8 = (keyField: Uint8Array, paramSet = "1.2.643.2.2.35.1") =>
    derToPem(
      new Uint8Array(
        new asn1js.Sequence({
          value: [
            new asn1js.Integer({ value: 0 }),
            new asn1js.Sequence({
              value: [
                new asn1js.ObjectIdentifier({ value: "1.2.643.7.1.1.1.1" }),
                new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: paramSet })] }),
              ],
            }),
            new asn1js.OctetString({ valueHex: keyField }),
          ],
        }).toBER(),
      ),
      "PRIVATE KEY",
    );

  test("round-trips our own form (the OpenSSL 3 engine's: raw 32 bytes)", () => {
    const pem = gostPrivateKeyToPem(keyPair.privateKey);
    assert.match(pem, /^-----BEGIN PRIVATE KEY-----\n/);
    assert.equal(hex(gostPrivateKeyFromPem(pem)), hex(keyPair.privateKey));
    assert.equal(gostPrivateKeyInfoFromPem(pem).curve, "S-256-A");
  });

  test("reads the nested OCTET STRING and big-endian INTEGER forms of older engines", () => {
    const nested = new Uint8Array(new asn1js.OctetString({ valueHex: keyPair.privateKey }).toBER());
    assert.equal(hex(gostPrivateKeyFromPem(pkcs8(nested))), hex(keyPair.privateKey));
    const bigEndian = Uint8Array.from(keyPair.privateKey).reverse();
    const integer = new Uint8Array(
      new asn1js.Integer({ valueHex: new Uint8Array([0, ...bigEndian]) }).toBER(),
    );
    assert.equal(hex(gostPrivateKeyFromPem(pkcs8(integer))), hex(keyPair.privateKey));
  });

  test("maps parameter sets to curves, TC26 256 paramSetA included, and refuses a 512-bit set on a 256-bit key", () => {
    assert.equal(gostPrivateKeyInfoFromPem(pkcs8(keyPair.privateKey, "1.2.643.2.2.36.0")).curve, "X-256-A");
    assert.equal(
      gostPrivateKeyInfoFromPem(pkcs8(keyPair.privateKey, "1.2.643.7.1.2.1.1.2")).curve,
      "S-256-A",
    );
    assert.equal(
      gostPrivateKeyInfoFromPem(pkcs8(keyPair.privateKey, "1.2.643.7.1.2.1.1.1")).curve,
      "TC26-256-A",
    );
    assert.throws(
      () => gostPrivateKeyFromPem(pkcs8(keyPair.privateKey, "1.2.643.7.1.2.1.2.1")),
      /unsupported 256-bit GOST parameter set 1\.2\.643\.7\.1\.2\.1\.2\.1/,
    );
  });

  test("round-trips 512-bit and TC26 256 paramSetA keys with their parameter sets", () => {
    for (const [curve, paramSet] of [
      ["TC26-512-A", "1.2.643.7.1.2.1.2.1"],
      ["TC26-512-B", "1.2.643.7.1.2.1.2.2"],
      ["TC26-512-C", "1.2.643.7.1.2.1.2.3"],
      ["TC26-256-A", "1.2.643.7.1.2.1.1.1"],
    ] as const) {
      const pair = generateGostKeyPair(curve);
      const pem = gostPrivateKeyToPem(pair.privateKey, curve);
      const encoded = hex(new Uint8Array(new asn1js.ObjectIdentifier({ value: paramSet }).toBER()));
      assert.ok(hex(pemToDer(pem)).includes(encoded), curve);
      assert.deepEqual(gostPrivateKeyInfoFromPem(pem), { privateKey: pair.privateKey, curve });
    }
    assert.throws(() => gostPrivateKeyToPem(keyPair.privateKey, "TC26-512-A"), /must be 64 bytes/);
  });

  test("refuses encrypted, non-GOST and odd-sized keys", () => {
    const encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n";
    assert.throws(() => gostPrivateKeyFromPem(encrypted), /encrypted/);
    const rsaPem = generateKeyPairSync("rsa", { modulusLength: 2048 })
      .privateKey.export({ type: "pkcs8", format: "pem" })
      .toString();
    assert.throws(() => gostPrivateKeyFromPem(rsaPem), /not a GOST/);
    assert.throws(() => gostPrivateKeyFromPem(pkcs8(new Uint8Array(64))), /unsupported encoding/);
    assert.throws(() => gostPrivateKeyToPem(new Uint8Array(31)), RangeError);
  });
});
