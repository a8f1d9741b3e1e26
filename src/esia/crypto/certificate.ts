// GOST R 34.10-2012 (256-bit) X.509 certificates and PKCS#8 keys, built and read with asn1js in the
// exact shapes OpenSSL's gost engine writes and reads (RFC 9215; domain/esia.md §7, §16.2).
import * as asn1js from "asn1js";
import {
  Asn1Error,
  bitStringBytes,
  decodeDer,
  integerBytes,
  isContextTag,
  type Node,
  octetStringBytes,
  oidOf,
  sequenceItems,
  toDer,
} from "./asn1.ts";
import { type GostCurve, type GostKeyPair, gostSign, streebog256 } from "./gost.ts";
import { buildSelfSignedCertificate } from "./self-signed.ts";

/** Named by the loader so that a certificate on this curve is refused with a clear reason. */
const TC26_256_PARAMSET_A = "1.2.643.7.1.2.1.1.1";

const OID = {
  gost2012_256: "1.2.643.7.1.1.1.1",
  signWithStreebog256: "1.2.643.7.1.1.3.2",
  streebog256: "1.2.643.7.1.1.2.2",
  cryptoProA: "1.2.643.2.2.35.1",
} as const;

// Parameter sets the pure-JS engine can handle. The TC26 256 B/C/D sets are the CryptoPro A/B/C
// curves under new names (RFC 9215 §5); TC26 256 paramSetA (1.2.643.7.1.2.1.1.1) is absent on purpose.
const CURVE_BY_PARAMSET: Record<string, GostCurve> = {
  "1.2.643.2.2.35.1": "S-256-A",
  "1.2.643.2.2.35.2": "S-256-B",
  "1.2.643.2.2.35.3": "S-256-C",
  "1.2.643.2.2.36.0": "X-256-A",
  "1.2.643.2.2.36.1": "X-256-B",
  "1.2.643.7.1.2.1.1.2": "S-256-A",
  "1.2.643.7.1.2.1.1.3": "S-256-B",
  "1.2.643.7.1.2.1.1.4": "S-256-C",
};

/** Self-signed DER certificate for a CryptoPro-A key pair (as made by generateGostKeyPair). */
export function createGostCertificate(o: {
  commonName: string;
  organization?: string;
  keyPair: GostKeyPair;
  validDays: number;
  now?: Date;
}): Uint8Array {
  return buildSelfSignedCertificate({
    ...o,
    subjectPublicKeyInfo: toDer(gostSubjectPublicKeyInfo(o.keyPair.publicKey)),
    // RFC 9215 §4.2.2: parameters absent.
    signatureAlgorithm: toDer(
      new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.signWithStreebog256 })] }),
    ),
    // The certificate signature is the raw 64-byte s || r (RFC 9215 §4.2.2), i.e. gostSign's output as is.
    sign: (tbs) => gostSign(o.keyPair.privateKey, tbs),
  });
}

/** The 64 public-key bytes (little-endian X || Y); throws unless the key is GOST R 34.10-2012 256-bit. */
export function gostPublicKeyFromCertificate(der: Uint8Array): Uint8Array {
  return gostPublicKeyInfoFromCertificate(der).publicKey;
}

/** The public key and the engine curve its parameter set names (certificates may use XchA, §17). */
export function gostPublicKeyInfoFromCertificate(der: Uint8Array): {
  publicKey: Uint8Array;
  curve: GostCurve;
} {
  const [tbs] = sequenceItems(decodeDer(der, "certificate"), "certificate");
  const fields = sequenceItems(tbs, "tbsCertificate");
  const spkiIndex = isContextTag(fields[0], 0) ? 6 : 5;
  const [algorithm, key] = sequenceItems(fields[spkiIndex], "subjectPublicKeyInfo");
  const curve = gostCurveOf(algorithm, "subjectPublicKeyInfo.algorithm");
  const publicKey = octetStringBytes(
    decodeDer(bitStringBytes(key, "subjectPublicKey"), "GOST key"),
    "GOST key",
  );
  if (publicKey.length !== 64) throw new Asn1Error("GOST key: expected 64 bytes");
  return { publicKey, curve };
}

/** Upper-case hex Streebog-256 over the DER: ESIA's client_certificate_hash (§7). */
export function certificateHash(der: Uint8Array): string {
  return Buffer.from(streebog256(der)).toString("hex").toUpperCase();
}

export function derToPem(der: Uint8Array, label: string): string {
  const base64 = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString("base64");
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/** DER of the first PEM block, whatever its label. */
export function pemToDer(pem: string): Uint8Array {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
  const body = match?.[2]?.replace(/\s+/g, "");
  if (body === undefined || !/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 !== 0) {
    throw new Asn1Error("PEM: no well-formed block found");
  }
  return new Uint8Array(Buffer.from(body, "base64"));
}

/** PKCS#8 in the form of `openssl genpkey -algorithm gost2012_256 -pkeyopt paramset:A` (raw key bytes). */
export function gostPrivateKeyToPem(privateKey: Uint8Array): string {
  if (privateKey.length !== 32) throw new RangeError("GOST private key must be 32 bytes");
  const pkcs8 = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      gostKeyAlgorithm(),
      new asn1js.OctetString({ valueHex: privateKey }),
    ],
  });
  return derToPem(toDer(pkcs8), "PRIVATE KEY");
}

export function gostPrivateKeyFromPem(pem: string): Uint8Array {
  return gostPrivateKeyInfoFromPem(pem).privateKey;
}

/**
 * Reads an unencrypted GOST 2012-256 PKCS#8 key. The inner key has three encodings in the wild: the
 * raw 32 little-endian bytes (OpenSSL 3 engine), a nested OCTET STRING of them, or a big-endian
 * INTEGER (older engine builds).
 */
export function gostPrivateKeyInfoFromPem(pem: string): { privateKey: Uint8Array; curve: GostCurve } {
  if (pem.includes("ENCRYPTED PRIVATE KEY")) {
    throw new Asn1Error("GOST private key: encrypted keys are not supported; export it without a password");
  }
  const [, algorithm, keyField] = sequenceItems(decodeDer(pemToDer(pem), "PKCS#8"), "PKCS#8");
  const curve = gostCurveOf(algorithm, "PKCS#8 privateKeyAlgorithm");
  const inner = octetStringBytes(keyField, "PKCS#8 privateKey");
  if (inner.length === 32) return { privateKey: inner, curve };
  const privateKey = nestedPrivateKey(inner);
  if (privateKey === undefined) {
    throw new Asn1Error("GOST private key: unsupported encoding (masked CryptoPro export?)");
  }
  return { privateKey, curve };
}

function nestedPrivateKey(inner: Uint8Array): Uint8Array | undefined {
  let nested: Node;
  try {
    nested = decodeDer(inner, "GOST private key");
  } catch {
    return undefined;
  }
  if (nested instanceof asn1js.OctetString) {
    const privateKey = octetStringBytes(nested, "GOST private key");
    return privateKey.length === 32 ? privateKey : undefined;
  }
  if (nested instanceof asn1js.Integer) {
    const bigEndian = integerBytes(nested, "GOST private key");
    if (bigEndian.length > 32) return undefined;
    const privateKey = new Uint8Array(32);
    privateKey.set(Uint8Array.from(bigEndian).reverse());
    return privateKey;
  }
  return undefined;
}

function gostCurveOf(algorithm: Node | undefined, what: string): GostCurve {
  const [oid, parameters] = sequenceItems(algorithm, what);
  if (oidOf(oid, what) !== OID.gost2012_256)
    throw new Asn1Error(`${what}: not a GOST R 34.10-2012 256-bit key`);
  const [paramSet] = sequenceItems(parameters, `${what}.parameters`);
  const paramSetOid = oidOf(paramSet, `${what}.parameters`);
  const curve = CURVE_BY_PARAMSET[paramSetOid];
  if (paramSetOid === TC26_256_PARAMSET_A)
    throw new Asn1Error(
      `${what}: the key is on the TC26 256-bit paramSetA curve (${TC26_256_PARAMSET_A}, twisted Edwards), which the pure-JS GOST code does not support; use a key on a CryptoPro A/B/C or XchA/XchB curve, or the external signer (ESIA_SIGNER_COMMAND)`,
    );
  if (!curve) throw new Asn1Error(`${what}: unsupported GOST parameter set ${paramSetOid}`);
  return curve;
}

function gostKeyAlgorithm(): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: OID.gost2012_256 }),
      new asn1js.Sequence({
        value: [
          new asn1js.ObjectIdentifier({ value: OID.cryptoProA }),
          new asn1js.ObjectIdentifier({ value: OID.streebog256 }),
        ],
      }),
    ],
  });
}

export function gostSubjectPublicKeyInfo(publicKey: Uint8Array): asn1js.Sequence {
  if (publicKey.length !== 64) throw new RangeError("GOST public key must be 64 bytes");
  const keyOctets = toDer(new asn1js.OctetString({ valueHex: publicKey }));
  return new asn1js.Sequence({ value: [gostKeyAlgorithm(), new asn1js.BitString({ valueHex: keyOctets })] });
}
