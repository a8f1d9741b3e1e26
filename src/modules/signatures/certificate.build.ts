// Builds GOST R 34.10-2012 certificates and CRLs signed by a CA key: the test certification
// authority's machinery, and the source of every certificate the tests need (expired, revoked,
// wrong key usage, another person). Shapes follow RFC 5280 / RFC 9215 so that OpenSSL accepts them.
import { createHash, randomBytes } from "node:crypto";
import * as asn1js from "asn1js";
import { decodeDer, toDer } from "../../esia/crypto/asn1.ts";
import { gostSignatureAlgorithmOid, gostSubjectPublicKeyInfo } from "../../esia/crypto/certificate.ts";
import { type GostCurve, gostSign } from "../../esia/crypto/gost.ts";
import type { NameAttribute } from "./certificate.parse.ts";
import { OID } from "./signature.oids.ts";

export interface CaKey {
  privateKey: Uint8Array;
  curve: GostCurve;
  /** The CA's subject Name DER, written as the issuer of what it signs. */
  nameDer: Uint8Array;
  publicKey: Uint8Array;
}

export interface CertificateRequest {
  subject: NameAttribute[];
  publicKey: Uint8Array;
  /** The curve of publicKey; CryptoPro-A unless told otherwise. */
  curve?: GostCurve;
  notBefore: Date;
  notAfter: Date;
  isCa?: boolean;
  /** Key usage bits; the default is digitalSignature + nonRepudiation for a signer. */
  keyUsage?: {
    digitalSignature?: boolean;
    nonRepudiation?: boolean;
    keyCertSign?: boolean;
    cRLSign?: boolean;
  };
  crlUrl?: string;
  serial?: Uint8Array;
}

const NUMERIC_ATTRIBUTES = new Set<string>([OID.snils, OID.inn, OID.innLe, OID.ogrn, OID.ogrnip]);

/** DER certificate of request, signed by signer (a root is signed by a CaKey of its own subject). */
export function issueCertificate(signer: CaKey, request: CertificateRequest): Uint8Array {
  const subjectName = encodeName(request.subject);
  const extensions = [
    extension(
      OID.basicConstraints,
      true,
      new asn1js.Sequence({ value: request.isCa ? [new asn1js.Boolean({ value: true })] : [] }),
    ),
    extension(OID.keyUsage, true, keyUsageBits(request)),
    extension(
      OID.subjectKeyIdentifier,
      false,
      new asn1js.OctetString({ valueHex: keyId(request.publicKey) }),
    ),
    extension(
      OID.authorityKeyIdentifier,
      false,
      new asn1js.Sequence({
        value: [
          new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: keyId(signer.publicKey) }),
        ],
      }),
    ),
    ...(request.crlUrl
      ? [extension(OID.crlDistributionPoints, false, distributionPoints(request.crlUrl))]
      : []),
  ];
  const tbs = new asn1js.Sequence({
    value: [
      new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 0 },
        value: [new asn1js.Integer({ value: 2 })],
      }),
      new asn1js.Integer({ valueHex: request.serial ?? newSerial() }),
      signatureAlgorithm(signer.curve),
      decodeDer(signer.nameDer, "issuer"),
      new asn1js.Sequence({ value: [asn1Time(request.notBefore), asn1Time(request.notAfter)] }),
      subjectName,
      gostSubjectPublicKeyInfo(request.publicKey, request.curve),
      new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 3 },
        value: [new asn1js.Sequence({ value: extensions })],
      }),
    ],
  });
  return signed(tbs, signer);
}

export interface RevokedEntry {
  serial: Uint8Array;
  revokedAt: Date;
}

/** A v2 CRL listing revoked, valid from thisUpdate to nextUpdate. */
export function issueCrl(
  issuer: CaKey,
  o: { revoked: RevokedEntry[]; thisUpdate: Date; nextUpdate: Date; number: number },
): Uint8Array {
  const entries = o.revoked.map(
    (entry) =>
      new asn1js.Sequence({
        value: [new asn1js.Integer({ valueHex: entry.serial }), asn1Time(entry.revokedAt)],
      }),
  );
  const tbs = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 1 }),
      signatureAlgorithm(issuer.curve),
      decodeDer(issuer.nameDer, "issuer"),
      asn1Time(o.thisUpdate),
      asn1Time(o.nextUpdate),
      ...(entries.length > 0 ? [new asn1js.Sequence({ value: entries })] : []),
      new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 0 },
        value: [
          new asn1js.Sequence({
            value: [extension(OID.crlNumber, false, new asn1js.Integer({ value: o.number }))],
          }),
        ],
      }),
    ],
  });
  return signed(tbs, issuer);
}

/** The DER Name of attributes, in the string types qualified certificates use. */
export function nameDer(attributes: NameAttribute[]): Uint8Array {
  return toDer(encodeName(attributes));
}

function encodeName(attributes: NameAttribute[]): asn1js.Sequence {
  return new asn1js.Sequence({
    value: attributes.map(
      ({ oid, value }) =>
        new asn1js.Set({
          value: [
            new asn1js.Sequence({
              value: [new asn1js.ObjectIdentifier({ value: oid }), nameString(oid, value)],
            }),
          ],
        }),
    ),
  });
}

function nameString(oid: string, value: string) {
  if (NUMERIC_ATTRIBUTES.has(oid)) return new asn1js.NumericString({ value });
  if (oid === OID.country) return new asn1js.PrintableString({ value });
  return new asn1js.Utf8String({ value });
}

function signed(tbs: asn1js.Sequence, signer: { privateKey: Uint8Array; curve: GostCurve }): Uint8Array {
  const signature = gostSign(signer.privateKey, toDer(tbs), signer.curve);
  return toDer(
    new asn1js.Sequence({
      value: [tbs, signatureAlgorithm(signer.curve), new asn1js.BitString({ valueHex: signature })],
    }),
  );
}

// RFC 9215 §4.2.2: the algorithm identifier of a GOST signature has no parameters; the signer's key
// size picks Streebog-256 or -512.
function signatureAlgorithm(curve: GostCurve): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: gostSignatureAlgorithmOid(curve) })],
  });
}

function extension(oid: string, critical: boolean, value: asn1js.AsnType): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: oid }),
      ...(critical ? [new asn1js.Boolean({ value: true })] : []),
      new asn1js.OctetString({ valueHex: toDer(value) }),
    ],
  });
}

function keyUsageBits(request: CertificateRequest): asn1js.BitString {
  const usage =
    request.keyUsage ??
    (request.isCa ? { keyCertSign: true, cRLSign: true } : { digitalSignature: true, nonRepudiation: true });
  const byte =
    (usage.digitalSignature ? 0x80 : 0) |
    (usage.nonRepudiation ? 0x40 : 0) |
    (usage.keyCertSign ? 0x04 : 0) |
    (usage.cRLSign ? 0x02 : 0);
  // DER keeps no trailing zero bits: count the unused ones after the last set bit.
  let unusedBits = 0;
  while (unusedBits < 7 && ((byte >> unusedBits) & 1) === 0) unusedBits++;
  return new asn1js.BitString({ valueHex: new Uint8Array([byte]), unusedBits });
}

function distributionPoints(url: string): asn1js.Sequence {
  const uri = new asn1js.Primitive({
    idBlock: { tagClass: 3, tagNumber: 6 },
    valueHex: Buffer.from(url, "latin1"),
  });
  const fullName = new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [uri] });
  const pointName = new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [fullName] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [pointName] })] });
}

// RFC 5280 §4.2.1.2 method 1 (SHA-1 of the key bits): it names the key, it protects nothing.
function keyId(publicKey: Uint8Array): Uint8Array {
  const keyOctets = toDer(new asn1js.OctetString({ valueHex: publicKey }));
  return new Uint8Array(createHash("sha1").update(keyOctets).digest());
}

function newSerial(): Uint8Array {
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x40; // positive, and no leading zero byte to strip
  return new Uint8Array(serial);
}

function asn1Time(date: Date): asn1js.UTCTime | asn1js.GeneralizedTime {
  const whole = new Date(Math.floor(date.getTime() / 1000) * 1000);
  return whole.getUTCFullYear() < 2050
    ? new asn1js.UTCTime({ valueDate: whole })
    : new asn1js.GeneralizedTime({ valueDate: whole });
}
