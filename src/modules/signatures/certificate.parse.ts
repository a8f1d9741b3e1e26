// Reads the parts of an X.509 certificate the signature checks need (RFC 5280), with asn1js.
// Anything that is not a well-formed certificate raises CertificateFormatError, which the callers
// turn into the «повреждённый файл» message instead of a server error.
import * as asn1js from "asn1js";
import { decodeDer, isContextTag, type Node, oidOf, sequenceItems } from "../../esia/crypto/asn1.ts";
import {
  gostPublicKeyInfoFromCertificate,
  gostSignatureAlgorithmOid,
  pemToDer,
} from "../../esia/crypto/certificate.ts";
import { type GostCurve, gostVerify } from "../../esia/crypto/gost.ts";
import { OID } from "./signature.oids.ts";

export class CertificateFormatError extends Error {
  override name = "CertificateFormatError";
}

export interface NameAttribute {
  oid: string;
  value: string;
}

export interface KeyUsage {
  digitalSignature: boolean;
  nonRepudiation: boolean;
  keyCertSign: boolean;
  cRLSign: boolean;
}

export interface ParsedCertificate {
  der: Uint8Array;
  /** The TBSCertificate exactly as encoded: what the issuer signed. */
  tbs: Uint8Array;
  signatureAlgorithm: string;
  signature: Uint8Array;
  /** Lower-case hex of the serial number's magnitude. */
  serialHex: string;
  serialDer: Uint8Array;
  issuer: NameAttribute[];
  issuerDer: Uint8Array;
  subject: NameAttribute[];
  subjectDer: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  publicKeyAlgorithm: string;
  /** Present only for the GOST 2012 keys (256- or 512-bit) the engine can verify with. */
  gostKey?: { publicKey: Uint8Array; curve: GostCurve };
  keyUsage?: KeyUsage;
  isCa: boolean;
  crlUrls: string[];
}

/** Parses a DER certificate, or a PEM one (detected by its armour). */
export function parseCertificate(bytes: Uint8Array): ParsedCertificate {
  const der = looksLikePem(bytes) ? pemOrThrow(bytes) : bytes;
  try {
    return parseDer(der);
  } catch (error) {
    if (error instanceof CertificateFormatError) throw error;
    throw new CertificateFormatError(`certificate: ${(error as Error).message}`);
  }
}

export function nameValue(name: NameAttribute[], oid: string): string | undefined {
  return name.find((attribute) => attribute.oid === oid)?.value;
}

/** The owner's full name: surname + given names when present, else the common name. */
export function ownerName(certificate: ParsedCertificate): string {
  const surname = nameValue(certificate.subject, OID.surname);
  const given = nameValue(certificate.subject, OID.givenName);
  if (surname && given) return `${surname} ${given}`;
  return nameValue(certificate.subject, OID.commonName) ?? "";
}

export function rawBytes(node: Node): Uint8Array {
  return new Uint8Array(node.valueBeforeDecodeView);
}

function parseDer(der: Uint8Array): ParsedCertificate {
  const [tbsNode, algorithmNode, signatureNode] = sequenceItems(decodeDer(der, "certificate"), "certificate");
  const fields = sequenceItems(tbsNode, "tbsCertificate");
  const offset = isContextTag(fields[0], 0) ? 1 : 0;
  const [serialNode, , issuerNode, validityNode, subjectNode, spkiNode, ...rest] = fields.slice(offset);
  if (!(serialNode instanceof asn1js.Integer)) throw new CertificateFormatError("serialNumber");
  if (!(signatureNode instanceof asn1js.BitString)) throw new CertificateFormatError("signatureValue");
  if (!tbsNode || !issuerNode || !subjectNode) throw new CertificateFormatError("tbsCertificate");
  const [notBefore, notAfter] = sequenceItems(validityNode, "validity").map(timeOf);
  if (!notBefore || !notAfter) throw new CertificateFormatError("validity");
  const [spkiAlgorithm] = sequenceItems(spkiNode, "subjectPublicKeyInfo");
  const publicKeyAlgorithm = oidOf(sequenceItems(spkiAlgorithm, "spki.algorithm")[0], "spki.algorithm");
  const extensions = readExtensions(rest.find((node) => isContextTag(node, 3)));
  const serialDer = new Uint8Array(serialNode.valueBlock.valueHexView);
  return {
    der,
    tbs: rawBytes(tbsNode),
    signatureAlgorithm: oidOf(sequenceItems(algorithmNode, "signatureAlgorithm")[0], "signatureAlgorithm"),
    signature: new Uint8Array(signatureNode.valueBlock.valueHexView),
    serialHex: serialHex(serialDer),
    serialDer,
    issuer: readName(issuerNode),
    issuerDer: rawBytes(issuerNode),
    subject: readName(subjectNode),
    subjectDer: rawBytes(subjectNode),
    notBefore,
    notAfter,
    publicKeyAlgorithm,
    gostKey: isGostKeyAlgorithm(publicKeyAlgorithm) ? gostKeyOrUndefined(der) : undefined,
    keyUsage: extensions.keyUsage,
    isCa: extensions.isCa,
    crlUrls: extensions.crlUrls,
  };
}

export function isGostKeyAlgorithm(oid: string): boolean {
  return oid === OID.gost2012_256 || oid === OID.gost2012_512;
}

/**
 * Whether issuer's key made signature over tbs (a certificate's or a CRL's), named by algorithm: the
 * signature algorithm must be the one of the issuer's key size (RFC 9215 §3).
 */
export function signedByIssuerKey(
  issuer: ParsedCertificate,
  signed: { tbs: Uint8Array; signatureAlgorithm: string; signature: Uint8Array },
): boolean {
  if (!issuer.gostKey || signed.signatureAlgorithm !== gostSignatureAlgorithmOid(issuer.gostKey.curve)) {
    return false;
  }
  return gostVerify(issuer.gostKey.publicKey, signed.tbs, signed.signature, issuer.gostKey.curve);
}

export function serialHex(magnitude: Uint8Array): string {
  const hex = Buffer.from(magnitude)
    .toString("hex")
    .replace(/^(00)+(?=.)/, "");
  return hex === "" ? "0" : hex;
}

function gostKeyOrUndefined(der: Uint8Array) {
  try {
    return gostPublicKeyInfoFromCertificate(der);
  } catch {
    return undefined; // an unsupported parameter set: reported as «не ГОСТ» by the checks
  }
}

function readName(node: Node): NameAttribute[] {
  const attributes: NameAttribute[] = [];
  for (const rdn of sequenceItems(node, "Name")) {
    if (!(rdn instanceof asn1js.Set)) throw new CertificateFormatError("Name: expected SET");
    for (const pair of rdn.valueBlock.value) {
      const [type, value] = sequenceItems(pair, "AttributeTypeAndValue");
      attributes.push({ oid: oidOf(type, "attribute type"), value: stringOf(value) });
    }
  }
  return attributes;
}

function stringOf(node: Node | undefined): string {
  if (node instanceof asn1js.BaseStringBlock) return node.getValue();
  throw new CertificateFormatError("Name: attribute value is not a string");
}

function timeOf(node: Node): Date {
  if (node instanceof asn1js.UTCTime || node instanceof asn1js.GeneralizedTime) return node.toDate();
  throw new CertificateFormatError("validity: expected a time");
}

interface Extensions {
  keyUsage?: KeyUsage;
  isCa: boolean;
  crlUrls: string[];
}

function readExtensions(wrapper: Node | undefined): Extensions {
  const result: Extensions = { isCa: false, crlUrls: [] };
  if (!(wrapper instanceof asn1js.Constructed)) return result;
  for (const extension of sequenceItems(wrapper.valueBlock.value[0], "extensions")) {
    const items = sequenceItems(extension, "extension");
    const oid = oidOf(items[0], "extnID");
    const value = items[items.length - 1];
    if (!(value instanceof asn1js.OctetString)) throw new CertificateFormatError("extnValue");
    const inner = decodeDer(new Uint8Array(value.valueBlock.valueHexView), oid);
    if (oid === OID.keyUsage) result.keyUsage = keyUsageOf(inner);
    if (oid === OID.basicConstraints) {
      const first = sequenceItems(inner, "basicConstraints")[0];
      result.isCa = first instanceof asn1js.Boolean && first.getValue();
    }
    if (oid === OID.crlDistributionPoints) result.crlUrls = distributionPointUrls(inner);
  }
  return result;
}

function keyUsageOf(node: Node): KeyUsage {
  if (!(node instanceof asn1js.BitString)) throw new CertificateFormatError("keyUsage");
  const bytes = node.valueBlock.valueHexView;
  const bit = (n: number) => (((bytes[n >> 3] ?? 0) >> (7 - (n & 7))) & 1) === 1;
  return { digitalSignature: bit(0), nonRepudiation: bit(1), keyCertSign: bit(5), cRLSign: bit(6) };
}

// DistributionPoint ::= SEQUENCE { distributionPoint [0] { fullName [0] GeneralNames } ... };
// only uniformResourceIdentifier [6] names are fetchable.
function distributionPointUrls(node: Node): string[] {
  const urls: string[] = [];
  for (const point of sequenceItems(node, "cRLDistributionPoints")) {
    const dpName = sequenceItems(point, "DistributionPoint").find((n) => isContextTag(n, 0));
    const fullName = constructedItems(dpName).find((n) => isContextTag(n, 0));
    for (const name of constructedItems(fullName)) {
      if (isContextTag(name, 6) && name instanceof asn1js.Primitive) {
        urls.push(Buffer.from(name.valueBlock.valueHexView).toString("latin1"));
      }
    }
  }
  return urls.filter((url) => /^https?:\/\//.test(url));
}

function constructedItems(node: Node | undefined): Node[] {
  return node instanceof asn1js.Constructed ? node.valueBlock.value : [];
}

function looksLikePem(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 64)).toString("latin1").includes("-----BEGIN");
}

function pemOrThrow(bytes: Uint8Array): Uint8Array {
  try {
    return pemToDer(Buffer.from(bytes).toString("latin1"));
  } catch {
    throw new CertificateFormatError("certificate: malformed PEM");
  }
}
