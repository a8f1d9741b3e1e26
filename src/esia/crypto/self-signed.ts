// A minimal self-signed X.509 v3 certificate builder, shared by the GOST certificates and the stand-in's
// RSA one. Hand-built with asn1js because @peculiar/x509 cannot sign GOST and needs a Reflect polyfill.
import { createHash, randomBytes } from "node:crypto";
import * as asn1js from "asn1js";
import { bitStringBytes, decodeDer, sequenceItems, toDer } from "./asn1.ts";

export interface SelfSignedOptions {
  commonName: string;
  organization?: string;
  validDays: number;
  now?: Date;
  /** DER SubjectPublicKeyInfo of the key that signs. */
  subjectPublicKeyInfo: Uint8Array;
  /** DER AlgorithmIdentifier of the certificate signature. */
  signatureAlgorithm: Uint8Array;
  /** Signs the DER TBSCertificate; returns the BIT STRING contents. */
  sign: (tbsCertificate: Uint8Array) => Uint8Array;
}

const OID = {
  commonName: "2.5.4.3",
  organization: "2.5.4.10",
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  subjectKeyIdentifier: "2.5.29.14",
} as const;

// Tolerates clocks slightly behind ours when a freshly made certificate is checked elsewhere.
const NOT_BEFORE_BACKDATE_MS = 5 * 60 * 1000;

export function buildSelfSignedCertificate(o: SelfSignedOptions): Uint8Array {
  const now = o.now ?? new Date();
  const notBefore = wholeSeconds(now.getTime() - NOT_BEFORE_BACKDATE_MS);
  const notAfter = wholeSeconds(now.getTime() + o.validDays * 86_400_000);
  const name = distinguishedName(o.commonName, o.organization);
  const tbs = new asn1js.Sequence({
    value: [
      new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 0 },
        value: [new asn1js.Integer({ value: 2 })],
      }),
      new asn1js.Integer({ valueHex: serialNumber() }),
      decodeDer(o.signatureAlgorithm, "signatureAlgorithm"),
      name,
      new asn1js.Sequence({ value: [asn1Time(notBefore), asn1Time(notAfter)] }),
      name,
      decodeDer(o.subjectPublicKeyInfo, "subjectPublicKeyInfo"),
      new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 3 },
        value: [new asn1js.Sequence({ value: extensions(o.subjectPublicKeyInfo) })],
      }),
    ],
  });
  const tbsDer = toDer(tbs);
  const signature = o.sign(tbsDer);
  return toDer(
    new asn1js.Sequence({
      value: [
        tbs,
        decodeDer(o.signatureAlgorithm, "signatureAlgorithm"),
        new asn1js.BitString({ valueHex: signature }),
      ],
    }),
  );
}

function distinguishedName(commonName: string, organization: string | undefined): asn1js.Sequence {
  const rdn = (oid: string, value: string) =>
    new asn1js.Set({
      value: [
        new asn1js.Sequence({
          value: [new asn1js.ObjectIdentifier({ value: oid }), new asn1js.Utf8String({ value })],
        }),
      ],
    });
  const rdns = organization === undefined ? [] : [rdn(OID.organization, organization)];
  return new asn1js.Sequence({ value: [...rdns, rdn(OID.commonName, commonName)] });
}

// A self-signed certificate is its own issuer, so `openssl verify -CAfile` needs CA:TRUE and keyCertSign.
function extensions(subjectPublicKeyInfo: Uint8Array): asn1js.Sequence[] {
  const extension = (oid: string, critical: boolean, value: asn1js.AsnType) =>
    new asn1js.Sequence({
      value: [
        new asn1js.ObjectIdentifier({ value: oid }),
        ...(critical ? [new asn1js.Boolean({ value: true })] : []),
        new asn1js.OctetString({ valueHex: toDer(value) }),
      ],
    });
  // digitalSignature (bit 0), nonRepudiation (bit 1), keyCertSign (bit 5): 11000100, two unused bits.
  const keyUsage = new asn1js.BitString({ valueHex: new Uint8Array([0xc4]), unusedBits: 2 });
  // RFC 5280 §4.2.1.2 method 1; SHA-1 here names the key, it protects nothing.
  const [, subjectPublicKey] = sequenceItems(decodeDer(subjectPublicKeyInfo, "SPKI"), "SPKI");
  const keyId = createHash("sha1").update(bitStringBytes(subjectPublicKey, "SPKI key")).digest();
  return [
    extension(
      OID.basicConstraints,
      true,
      new asn1js.Sequence({ value: [new asn1js.Boolean({ value: true })] }),
    ),
    extension(OID.keyUsage, true, keyUsage),
    extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: keyId })),
  ];
}

function serialNumber(): Uint8Array {
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x40; // positive, and no leading zero byte to strip
  return new Uint8Array(serial);
}

function wholeSeconds(ms: number): Date {
  return new Date(Math.floor(ms / 1000) * 1000);
}

// RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050.
function asn1Time(date: Date): asn1js.UTCTime | asn1js.GeneralizedTime {
  return date.getUTCFullYear() < 2050
    ? new asn1js.UTCTime({ valueDate: date })
    : new asn1js.GeneralizedTime({ valueDate: date });
}
