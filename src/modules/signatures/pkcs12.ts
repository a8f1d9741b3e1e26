// PKCS#12 (.pfx) files with a GOST key (RFC 7292): written by the test CA, read in the browser to
// unlock the head's key. This file is the structure (bags, safes, the MAC's place); written with
// the protection OpenSSL 3 uses by default (pkcs12-aes.ts), read with that or with the TC26
// protection КриптоПро exports (pkcs12-gost.ts). All of it runs in Node and in the page.
import * as asn1js from "asn1js";
import {
  decodeDer,
  isContextTag,
  type Node,
  octetStringBytes,
  oidOf,
  sequenceItems,
  toDer,
} from "../../esia/crypto/asn1.ts";
import { decryptAes, encryptAes, sha256, sha256Mac } from "./pkcs12-aes.ts";
import { decryptGost28147, gostBagKey, gostMac, isGost28147ParamSet, streebogBits } from "./pkcs12-gost.ts";
import { OID } from "./signature.oids.ts";

export class Pkcs12PasswordError extends Error {
  override name = "Pkcs12PasswordError";
}
export class Pkcs12FormatError extends Error {
  override name = "Pkcs12FormatError";
}

const ITERATIONS = 10_000;

/** A .pfx holding certificateDer and the PKCS#8 private key pkcs8Der, protected by password. */
export async function buildPkcs12(o: {
  certificateDer: Uint8Array;
  pkcs8Der: Uint8Array;
  password: string;
  friendlyName?: string;
}) {
  const localKeyId = (await sha256(o.certificateDer)).subarray(0, 20);
  const attributes = new asn1js.Set({
    value: [
      bagAttribute(OID.localKeyId, new asn1js.OctetString({ valueHex: localKeyId })),
      ...(o.friendlyName
        ? [bagAttribute(OID.friendlyName, new asn1js.BmpString({ value: o.friendlyName }))]
        : []),
    ],
  });
  const certBag = safeBag(
    OID.certBag,
    new asn1js.Sequence({
      value: [
        new asn1js.ObjectIdentifier({ value: OID.x509Certificate }),
        explicit(0, new asn1js.OctetString({ valueHex: o.certificateDer })),
      ],
    }),
    attributes,
  );
  const keyBag = safeBag(OID.pkcs8ShroudedKeyBag, await encryptPbes2(o.pkcs8Der, o.password), attributes);
  const authenticatedSafe = toDer(
    new asn1js.Sequence({
      value: [
        dataContentInfo(toDer(new asn1js.Sequence({ value: [certBag] }))),
        dataContentInfo(toDer(new asn1js.Sequence({ value: [keyBag] }))),
      ],
    }),
  );
  const macSalt = random(16);
  const mac = await sha256Mac(o.password, macSalt, ITERATIONS, authenticatedSafe);
  return toDer(
    new asn1js.Sequence({
      value: [
        new asn1js.Integer({ value: 3 }),
        dataContentInfo(authenticatedSafe),
        new asn1js.Sequence({
          value: [
            new asn1js.Sequence({
              value: [algorithm(OID.sha256, true), new asn1js.OctetString({ valueHex: mac })],
            }),
            new asn1js.OctetString({ valueHex: macSalt }),
            new asn1js.Integer({ value: ITERATIONS }),
          ],
        }),
      ],
    }),
  );
}

/**
 * The certificates and the PKCS#8 key in a .pfx. A wrong password raises Pkcs12PasswordError (the MAC
 * or the decryption fails); anything unreadable or unsupported raises Pkcs12FormatError.
 */
export async function readPkcs12(
  pfx: Uint8Array,
  password: string,
): Promise<{ certificates: Uint8Array[]; pkcs8Der: Uint8Array }> {
  let parts: { authenticatedSafe: Uint8Array; macData: Node | undefined };
  try {
    const [, authSafe, macData] = sequenceItems(decodeDer(pfx, "PFX"), "PFX");
    parts = { authenticatedSafe: dataOf(authSafe), macData };
  } catch (error) {
    throw new Pkcs12FormatError(`PFX: ${(error as Error).message}`);
  }
  if (parts.macData) await checkMac(parts.macData, parts.authenticatedSafe, password);
  const certificates: Uint8Array[] = [];
  let pkcs8Der: Uint8Array | undefined;
  for (const contentInfo of sequenceItems(
    decodeDer(parts.authenticatedSafe, "AuthenticatedSafe"),
    "AuthenticatedSafe",
  )) {
    const [type] = sequenceItems(contentInfo, "ContentInfo");
    const oid = oidOf(type, "ContentInfo");
    const safeContents =
      oid === OID.data
        ? dataOf(contentInfo)
        : oid === OID.encryptedData
          ? await decryptEncryptedData(contentInfo, password)
          : undefined;
    if (!safeContents) throw new Pkcs12FormatError(`PFX: unsupported content ${oid}`);
    for (const bag of sequenceItems(decodeDer(safeContents, "SafeContents"), "SafeContents")) {
      const [bagId, value] = sequenceItems(bag, "SafeBag");
      const inner = explicitContent(value);
      if (oidOf(bagId, "bagId") === OID.certBag) {
        const [, certValue] = sequenceItems(inner, "CertBag");
        certificates.push(octetStringBytes(explicitContent(certValue), "certValue"));
      } else if (oidOf(bagId, "bagId") === OID.pkcs8ShroudedKeyBag) {
        const [encryption, encrypted] = sequenceItems(inner, "EncryptedPrivateKeyInfo");
        pkcs8Der = await decryptPbes2(encryption, octetStringBytes(encrypted, "encryptedData"), password);
      }
    }
  }
  if (!pkcs8Der) throw new Pkcs12FormatError("PFX: no private key");
  return { certificates, pkcs8Der };
}

async function checkMac(macData: Node, content: Uint8Array, password: string): Promise<void> {
  const [digestInfo, saltNode, iterations] = sequenceItems(macData, "MacData");
  const [digestAlgorithm, digest] = sequenceItems(digestInfo, "DigestInfo");
  const digestOid = oidOf(sequenceItems(digestAlgorithm, "mac algorithm")[0], "mac algorithm");
  const count = iterations instanceof asn1js.Integer ? iterations.valueBlock.valueDec : 1;
  const salt = octetStringBytes(saltNode, "macSalt");
  const bits = streebogBits(digestOid);
  let mac: Uint8Array;
  if (digestOid === OID.sha256) mac = await sha256Mac(password, salt, count, content);
  else if (bits) mac = gostMac({ password, salt, iterations: count, bits }, content);
  else throw new Pkcs12FormatError(`PFX: unsupported MAC ${digestOid}`);
  if (!equalBytes(mac, octetStringBytes(digest, "mac"))) throw new Pkcs12PasswordError("PFX: MAC mismatch");
}

async function decryptEncryptedData(contentInfo: Node, password: string): Promise<Uint8Array> {
  const [, wrapped] = sequenceItems(contentInfo, "ContentInfo");
  const [, encryptedContentInfo] = sequenceItems(explicitContent(wrapped), "EncryptedData");
  const [, encryption, encrypted] = sequenceItems(encryptedContentInfo, "EncryptedContentInfo");
  if (
    !(encrypted instanceof asn1js.Primitive || encrypted instanceof asn1js.Constructed) ||
    !isContextTag(encrypted, 0)
  ) {
    throw new Pkcs12FormatError("PFX: encryptedContent");
  }
  const bytes =
    encrypted instanceof asn1js.Primitive
      ? new Uint8Array(encrypted.valueBlock.valueHexView)
      : concat(encrypted.valueBlock.value.map((part) => octetStringBytes(part, "encryptedContent")));
  return decryptPbes2(encryption, bytes, password);
}

async function encryptPbes2(plain: Uint8Array, password: string): Promise<asn1js.Sequence> {
  const salt = random(16);
  const iv = random(16);
  const encrypted = await encryptAes(password, salt, ITERATIONS, iv, plain);
  const parameters = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          new asn1js.ObjectIdentifier({ value: OID.pbkdf2 }),
          new asn1js.Sequence({
            value: [
              new asn1js.OctetString({ valueHex: salt }),
              new asn1js.Integer({ value: ITERATIONS }),
              algorithm(OID.hmacWithSha256, true),
            ],
          }),
        ],
      }),
      new asn1js.Sequence({
        value: [
          new asn1js.ObjectIdentifier({ value: OID.aes256Cbc }),
          new asn1js.OctetString({ valueHex: iv }),
        ],
      }),
    ],
  });
  return new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.pbes2 }), parameters] }),
      new asn1js.OctetString({ valueHex: encrypted }),
    ],
  });
}

async function decryptPbes2(
  encryption: Node | undefined,
  encrypted: Uint8Array,
  password: string,
): Promise<Uint8Array> {
  const [schemeOid, parameters] = sequenceItems(encryption, "encryptionAlgorithm");
  if (oidOf(schemeOid, "encryptionAlgorithm") !== OID.pbes2) {
    throw new Pkcs12FormatError("PFX: only PBES2 encryption is supported");
  }
  const [kdf, cipher] = sequenceItems(parameters, "PBES2-params");
  const [kdfOid, kdfParameters] = sequenceItems(kdf, "keyDerivationFunc");
  const [cipherOid, cipherParameters] = sequenceItems(cipher, "encryptionScheme");
  if (oidOf(kdfOid, "kdf") !== OID.pbkdf2) throw new Pkcs12FormatError("PFX: only PBKDF2 is supported");
  const [saltNode, iterations, ...rest] = sequenceItems(kdfParameters, "PBKDF2-params");
  const prfNode = rest.find((node) => node instanceof asn1js.Sequence);
  const prf = prfNode ? oidOf(sequenceItems(prfNode, "prf")[0], "prf") : OID.hmacWithSha256;
  const count = iterations instanceof asn1js.Integer ? iterations.valueBlock.valueDec : 0;
  const salt = octetStringBytes(saltNode, "salt");
  const scheme = oidOf(cipherOid, "cipher");
  if (scheme === OID.aes256Cbc && prf === OID.hmacWithSha256) {
    const plain = await decryptAes(
      password,
      salt,
      count,
      octetStringBytes(cipherParameters, "iv"),
      encrypted,
    );
    if (!plain) throw new Pkcs12PasswordError("PFX: decryption failed"); // bad padding: the password is wrong
    return plain;
  }
  const bits = streebogBits(prf);
  if (scheme === OID.gost28147 && bits) {
    const [ivNode, paramSetNode] = sequenceItems(cipherParameters, "Gost28147-89-Parameters");
    const paramSet = oidOf(paramSetNode, "encryptionParamSet");
    if (!isGost28147ParamSet(paramSet))
      throw new Pkcs12FormatError(`PFX: unknown GOST 28147-89 set ${paramSet}`);
    const key = gostBagKey({ password, salt, iterations: count, bits });
    const plain = decryptGost28147(key, octetStringBytes(ivNode, "iv"), paramSet, encrypted);
    // CFB has no padding to fail on: without a MAC only the structure shows a wrong password.
    if (!isWholeDer(plain)) throw new Pkcs12PasswordError("PFX: decryption failed");
    return plain;
  }
  throw new Pkcs12FormatError("PFX: only AES-256-CBC (PBKDF2-HMAC-SHA256) or GOST 28147-89 (Streebog) bags");
}

// A key or the safe contents: one SEQUENCE spanning the whole plaintext.
function isWholeDer(bytes: Uint8Array): boolean {
  try {
    return decodeDer(bytes, "decrypted") instanceof asn1js.Sequence;
  } catch {
    return false;
  }
}

function safeBag(bagId: string, value: asn1js.AsnType, attributes: asn1js.Set): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: bagId }), explicit(0, value), attributes],
  });
}

function bagAttribute(oid: string, value: asn1js.AsnType): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: oid }), new asn1js.Set({ value: [value] })],
  });
}

function dataContentInfo(content: Uint8Array): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: OID.data }),
      explicit(0, new asn1js.OctetString({ valueHex: content })),
    ],
  });
}

function dataOf(contentInfo: Node | undefined): Uint8Array {
  const [type, wrapped] = sequenceItems(contentInfo, "ContentInfo");
  if (oidOf(type, "ContentInfo") !== OID.data) throw new Pkcs12FormatError("PFX: expected data");
  const inner = explicitContent(wrapped);
  if (inner instanceof asn1js.OctetString && inner.idBlock.isConstructed) {
    return concat(inner.valueBlock.value.map((part) => octetStringBytes(part, "data")));
  }
  return octetStringBytes(inner, "data");
}

function explicit(tagNumber: number, value: asn1js.AsnType): asn1js.Constructed {
  return new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber }, value: [value] });
}

function explicitContent(node: Node | undefined): Node | undefined {
  return node instanceof asn1js.Constructed && isContextTag(node, 0) ? node.valueBlock.value[0] : undefined;
}

function algorithm(oid: string, withNull = false): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: oid }), ...(withNull ? [new asn1js.Null()] : [])],
  });
}

function random(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
