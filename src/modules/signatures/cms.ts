// Detached CMS SignedData in the CAdES-BES profile (RFC 5652, RFC 5035, RFC 4490 for GOST): signed
// attributes contentType, messageDigest (Streebog of the document), signingTime and
// signingCertificateV2, signed with GOST R 34.10-2012. The same verification serves signatures made
// in the browser and files made by КЭП tools or `openssl cms -sign -engine gost`.
//
// Key size and digests (RFC 7836, Р 1323565.1.024): a 256-bit key signs Streebog-256 of the signed
// attributes, a 512-bit key Streebog-512. The digest algorithm of the SignerInfo names the digest of
// the document in messageDigest: OpenSSL writes the key's one, but КЭП tools are not uniform, so a
// Streebog-256 digest with a 512-bit key is accepted too (and tried for the attributes' signature, as
// RFC 5652 §5.4 reads it).
import { createHash } from "node:crypto";
import * as asn1js from "asn1js";
import { decodeDer, type Node, oidOf, sequenceItems, toDer } from "../../esia/crypto/asn1.ts";
import { gostKeyAlgorithmOid } from "../../esia/crypto/certificate.ts";
import {
  type GostCurve,
  gostKeyBits,
  gostSign,
  gostVerifyDigest,
  streebog256,
  streebog512,
} from "../../esia/crypto/gost.ts";
import type { ParsedCertificate } from "./certificate.parse.ts";
import { readSignedData, type SignerInfoParts, unarmour } from "./cms.parse.ts";
import { OID } from "./signature.oids.ts";
import type { SignatureProblem } from "./signature.problems.ts";

/** A detached signature of content by certificate's key, as DER ContentInfo. */
export function signDetached(o: {
  content: Uint8Array;
  certificate: ParsedCertificate;
  privateKey: Uint8Array;
  curve: GostCurve;
  signingTime: Date;
  /** The document's digest algorithm; the key's size by default, as the gost engine writes it. */
  digestAlgorithm?: typeof OID.streebog256 | typeof OID.streebog512;
}): Uint8Array {
  const digestOid = o.digestAlgorithm ?? keyDigestOid(o.curve);
  const attributes = sortedSet([
    attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
    attribute(OID.signingTime, new asn1js.UTCTime({ valueDate: wholeSeconds(o.signingTime) })),
    attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: gostDigest(digestOid, o.content) })),
    attribute(OID.signingCertificateV2, signingCertificateV2(o.certificate)),
  ]);
  // The signature covers the attributes' DER with the SET tag (RFC 5652 §5.4), stored as [0] IMPLICIT.
  const signature = gostSign(o.privateKey, toDer(attributes), o.curve);
  const signedAttrs = new asn1js.Constructed({
    idBlock: { tagClass: 3, tagNumber: 0 },
    value: attributes.valueBlock.value,
  });
  const signerInfo = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 1 }),
      issuerAndSerial(o.certificate),
      algorithm(digestOid),
      signedAttrs,
      // Named by the key's algorithm OID, as the gost engine writes it.
      algorithm(gostKeyAlgorithmOid(o.curve)),
      new asn1js.OctetString({ valueHex: signature }),
    ],
  });
  const signedData = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 1 }),
      new asn1js.Set({ value: [algorithm(digestOid)] }),
      new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 0 },
        value: [decodeDer(o.certificate.der, "certificate")],
      }),
      new asn1js.Set({ value: [signerInfo] }),
    ],
  });
  return toDer(
    new asn1js.Sequence({
      value: [
        new asn1js.ObjectIdentifier({ value: OID.signedData }),
        new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [signedData] }),
      ],
    }),
  );
}

export type CmsVerdict =
  | { ok: true; signer: ParsedCertificate; certificates: ParsedCertificate[]; signingTime?: Date }
  | { ok: false; problem: SignatureProblem };

/**
 * Checks the CMS structure, the digest of content and the signature over the signed attributes.
 * The certificate itself (dates, chain, CRL, owner) is checked separately by checkCertificate.
 * known: certificates to find the signer among when the file carries none (some tools omit it).
 */
export function verifyDetached(
  signatureFile: Uint8Array,
  content: Uint8Array,
  known: ParsedCertificate[] = [],
  /** ESIA's v1 client_secret is often made with `openssl smime -noattr`: the signature is then over the content. */
  options: { attributesOptional?: boolean } = {},
): CmsVerdict {
  let parsed: ReturnType<typeof readSignedData>;
  try {
    parsed = readSignedData(unarmour(signatureFile));
  } catch {
    return { ok: false, problem: "DAMAGED" };
  }
  const { certificates, signerInfo, eContent } = parsed;
  if (eContent && !Buffer.from(eContent).equals(Buffer.from(content)))
    return { ok: false, problem: "MISMATCH" };
  const signer = [...certificates, ...known].find((c) => matchesSid(c, signerInfo.sid));
  if (!signer) return { ok: false, problem: "DAMAGED" };
  const { digestAlgorithm } = signerInfo;
  if (!GOST_DIGESTS.has(digestAlgorithm) || !signer.gostKey) return { ok: false, problem: "NOT_GOST" };
  if (!GOST_SIGNATURES.has(signerInfo.signatureAlgorithm)) return { ok: false, problem: "NOT_GOST" };
  const key = signer.gostKey;
  const attrs = signerInfo.attributes;
  if (!attrs && options.attributesOptional) {
    return signatureMatches(key, content, signerInfo.signature, digestAlgorithm)
      ? { ok: true, signer, certificates }
      : { ok: false, problem: "MISMATCH" };
  }
  if (!attrs) return { ok: false, problem: "DAMAGED" }; // CAdES-BES requires signed attributes
  const digest = attrs.get(OID.messageDigest);
  const contentType = attrs.get(OID.contentType);
  if (!(digest instanceof asn1js.OctetString) || !(contentType instanceof asn1js.ObjectIdentifier)) {
    return { ok: false, problem: "DAMAGED" };
  }
  if (
    !Buffer.from(digest.valueBlock.valueHexView).equals(Buffer.from(gostDigest(digestAlgorithm, content)))
  ) {
    return { ok: false, problem: "MISMATCH" };
  }
  if (!signatureMatches(key, signerInfo.signedBytes, signerInfo.signature, digestAlgorithm))
    return { ok: false, problem: "MISMATCH" };
  const essCertificate = attrs.get(OID.signingCertificateV2);
  if (essCertificate && !signingCertificateMatches(essCertificate, signer))
    return { ok: false, problem: "MISMATCH" };
  const time = attrs.get(OID.signingTime);
  const signingTime =
    time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime ? time.toDate() : undefined;
  return { ok: true, signer, certificates, signingTime };
}

const GOST_DIGESTS = new Set<string>([OID.streebog256, OID.streebog512]);
// The key's algorithm OID (OpenSSL, КриптоПро) or the signature's (RFC 9215 §3), either size: the
// signer's certificate, not the label, says which key verifies.
const GOST_SIGNATURES = new Set<string>([
  OID.gost2012_256,
  OID.gost2012_512,
  OID.signWithStreebog256,
  OID.signWithStreebog512,
]);

function keyDigestOid(curve: GostCurve): string {
  return gostKeyBits(curve) === 512 ? OID.streebog512 : OID.streebog256;
}

function gostDigest(oid: string, data: Uint8Array): Uint8Array {
  return oid === OID.streebog512 ? streebog512(data) : streebog256(data);
}

// The digest of the key's size first (RFC 7836), then the SignerInfo's if it differs (RFC 5652 §5.4).
function signatureMatches(
  key: { publicKey: Uint8Array; curve: GostCurve },
  signed: Uint8Array,
  signature: Uint8Array,
  digestAlgorithm: string,
): boolean {
  return [...new Set([keyDigestOid(key.curve), digestAlgorithm])].some((oid) =>
    gostVerifyDigest(key.publicKey, gostDigest(oid, signed), signature, key.curve),
  );
}

function matchesSid(certificate: ParsedCertificate, sid: SignerInfoParts["sid"]): boolean {
  if ("keyId" in sid) return false; // КЭП tools name the signer by issuer and serial; key-id sids are not supported
  return (
    certificate.serialHex === sid.serialHex &&
    Buffer.from(certificate.issuerDer).equals(Buffer.from(sid.issuerDer))
  );
}

// ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256, certHash OCTET STRING, issuerSerial OPTIONAL }
function signingCertificateMatches(node: Node, signer: ParsedCertificate): boolean {
  try {
    const [certs] = sequenceItems(node, "SigningCertificateV2");
    const [first] = sequenceItems(certs, "certs");
    const items = sequenceItems(first, "ESSCertIDv2");
    const hasAlgorithm = items[0] instanceof asn1js.Sequence;
    const hashOid = hasAlgorithm
      ? oidOf(sequenceItems(items[0], "hashAlgorithm")[0], "hashAlgorithm")
      : OID.sha256;
    const certHash = items[hasAlgorithm ? 1 : 0];
    if (!(certHash instanceof asn1js.OctetString)) return false;
    const expected = GOST_DIGESTS.has(hashOid)
      ? gostDigest(hashOid, signer.der)
      : hashOid === OID.sha256
        ? createHash("sha256").update(signer.der).digest()
        : undefined;
    return (
      expected !== undefined && Buffer.from(certHash.valueBlock.valueHexView).equals(Buffer.from(expected))
    );
  } catch {
    return false;
  }
}

function signingCertificateV2(certificate: ParsedCertificate): asn1js.Sequence {
  const directoryName = new asn1js.Constructed({
    idBlock: { tagClass: 3, tagNumber: 4 },
    value: [decodeDer(certificate.issuerDer, "issuer")],
  });
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [directoryName] }),
      new asn1js.Integer({ valueHex: certificate.serialDer }),
    ],
  });
  const essCertId = new asn1js.Sequence({
    value: [
      algorithm(OID.streebog256),
      new asn1js.OctetString({ valueHex: streebog256(certificate.der) }),
      issuerSerial,
    ],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] });
}

function issuerAndSerial(certificate: ParsedCertificate): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [
      decodeDer(certificate.issuerDer, "issuer"),
      new asn1js.Integer({ valueHex: certificate.serialDer }),
    ],
  });
}

function attribute(oid: string, value: asn1js.AsnType): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: oid }), new asn1js.Set({ value: [value] })],
  });
}

// DER orders the members of a SET OF by their encodings (X.690 §11.6).
function sortedSet(items: asn1js.Sequence[]): asn1js.Set {
  const encoded = items.map((item) => ({ item, der: Buffer.from(toDer(item)) }));
  encoded.sort((a, b) => Buffer.compare(a.der, b.der));
  return new asn1js.Set({ value: encoded.map((e) => e.item) });
}

function algorithm(oid: string): asn1js.Sequence {
  return new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: oid })] });
}

function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
