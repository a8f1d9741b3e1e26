// GOST R 34.10-2012 (256- and 512-bit) X.509 certificates and PKCS#8 keys, built and read with asn1js
// in the exact shapes OpenSSL's gost engine writes and reads (RFC 9215; domain/esia.md §7, §16.2).
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
import { GOST_OID as OID } from "./gost.oids.ts";
import { type GostCurve, type GostKeyPair, gostKeyBits, gostSign, streebog256 } from "./gost.ts";
import { buildSelfSignedCertificate } from "./self-signed.ts";

// Parameter sets by key size (RFC 4357, RFC 7836, RFC 9215 §5). The TC26 256 B/C/D sets are
// the CryptoPro A/B/C curves under new names; the other TC26 sets have curves of their own.
const CURVE_BY_PARAMSET: Record<256 | 512, Record<string, GostCurve>> = {
  256: {
    "1.2.643.2.2.35.1": "S-256-A",
    "1.2.643.2.2.35.2": "S-256-B",
    "1.2.643.2.2.35.3": "S-256-C",
    "1.2.643.2.2.36.0": "X-256-A",
    "1.2.643.2.2.36.1": "X-256-B",
    "1.2.643.7.1.2.1.1.1": "TC26-256-A",
    "1.2.643.7.1.2.1.1.2": "S-256-A",
    "1.2.643.7.1.2.1.1.3": "S-256-B",
    "1.2.643.7.1.2.1.1.4": "S-256-C",
  },
  512: {
    "1.2.643.7.1.2.1.2.1": "TC26-512-A",
    "1.2.643.7.1.2.1.2.2": "TC26-512-B",
    "1.2.643.7.1.2.1.2.3": "TC26-512-C",
  },
};

// What we write for a curve: the parameter set, and the digest OID exactly where the gost engine
// writes one (the CryptoPro sets and TC26 512 A/B; the twisted Edwards sets go without).
const PARAMSET_BY_CURVE: Record<GostCurve, { paramSet: string; digest?: string }> = {
  "S-256-A": { paramSet: "1.2.643.2.2.35.1", digest: OID.streebog256 },
  "S-256-B": { paramSet: "1.2.643.2.2.35.2", digest: OID.streebog256 },
  "S-256-C": { paramSet: "1.2.643.2.2.35.3", digest: OID.streebog256 },
  "X-256-A": { paramSet: "1.2.643.2.2.36.0", digest: OID.streebog256 },
  "X-256-B": { paramSet: "1.2.643.2.2.36.1", digest: OID.streebog256 },
  "TC26-256-A": { paramSet: "1.2.643.7.1.2.1.1.1" },
  "TC26-512-A": { paramSet: "1.2.643.7.1.2.1.2.1", digest: OID.streebog512 },
  "TC26-512-B": { paramSet: "1.2.643.7.1.2.1.2.2", digest: OID.streebog512 },
  "TC26-512-C": { paramSet: "1.2.643.7.1.2.1.2.3" },
};

/** The key algorithm OID of a curve: id-tc26-gost3410-12-256 or -512. */
export function gostKeyAlgorithmOid(curve: GostCurve): string {
  return gostKeyBits(curve) === 512 ? OID.gost2012_512 : OID.gost2012_256;
}

/** The signature algorithm OID of a key on curve (RFC 9215 §3): with Streebog-256 or -512. */
export function gostSignatureAlgorithmOid(curve: GostCurve): string {
  return gostKeyBits(curve) === 512 ? OID.signWithStreebog512 : OID.signWithStreebog256;
}

/** Self-signed DER certificate for a key pair on curve (CryptoPro-A unless told otherwise). */
export function createGostCertificate(o: {
  commonName: string;
  organization?: string;
  keyPair: GostKeyPair;
  curve?: GostCurve;
  validDays: number;
  now?: Date;
}): Uint8Array {
  const curve = o.curve ?? "S-256-A";
  return buildSelfSignedCertificate({
    ...o,
    subjectPublicKeyInfo: toDer(gostSubjectPublicKeyInfo(o.keyPair.publicKey, curve)),
    // RFC 9215 §4.2.2: parameters absent.
    signatureAlgorithm: toDer(
      new asn1js.Sequence({
        value: [new asn1js.ObjectIdentifier({ value: gostSignatureAlgorithmOid(curve) })],
      }),
    ),
    // The certificate signature is the raw s || r (RFC 9215 §4.2.2), i.e. gostSign's output as is.
    sign: (tbs) => gostSign(o.keyPair.privateKey, tbs, curve),
  });
}

/** The public-key bytes (little-endian X || Y); throws unless the key is GOST R 34.10-2012. */
export function gostPublicKeyFromCertificate(der: Uint8Array): Uint8Array {
  return gostPublicKeyInfoFromCertificate(der).publicKey;
}

/** The public key and the curve its parameter set names (certificates may use XchA, §17). */
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
  const expected = gostKeyBits(curve) / 4;
  if (publicKey.length !== expected) throw new Asn1Error(`GOST key: expected ${expected} bytes`);
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
export function gostPrivateKeyToPem(privateKey: Uint8Array, curve: GostCurve = "S-256-A"): string {
  const size = gostKeyBits(curve) / 8;
  if (privateKey.length !== size) throw new RangeError(`GOST private key must be ${size} bytes`);
  const pkcs8 = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      gostKeyAlgorithm(curve),
      new asn1js.OctetString({ valueHex: privateKey }),
    ],
  });
  return derToPem(toDer(pkcs8), "PRIVATE KEY");
}

export function gostPrivateKeyFromPem(pem: string): Uint8Array {
  return gostPrivateKeyInfoFromPem(pem).privateKey;
}

/**
 * Reads an unencrypted GOST 2012 PKCS#8 key (256- or 512-bit). The inner key has three encodings in
 * the wild: the raw 32 (64) little-endian bytes (OpenSSL 3 engine), a nested OCTET STRING of them, or
 * a big-endian INTEGER (older engine builds).
 */
export function gostPrivateKeyInfoFromPem(pem: string): { privateKey: Uint8Array; curve: GostCurve } {
  if (pem.includes("ENCRYPTED PRIVATE KEY")) {
    throw new Asn1Error("GOST private key: encrypted keys are not supported; export it without a password");
  }
  const [, algorithm, keyField] = sequenceItems(decodeDer(pemToDer(pem), "PKCS#8"), "PKCS#8");
  const curve = gostCurveOf(algorithm, "PKCS#8 privateKeyAlgorithm");
  const inner = octetStringBytes(keyField, "PKCS#8 privateKey");
  const size = gostKeyBits(curve) / 8;
  if (inner.length === size) return { privateKey: inner, curve };
  const privateKey = nestedPrivateKey(inner, size);
  if (privateKey === undefined) {
    throw new Asn1Error("GOST private key: unsupported encoding (masked CryptoPro export?)");
  }
  return { privateKey, curve };
}

function nestedPrivateKey(inner: Uint8Array, size: number): Uint8Array | undefined {
  let nested: Node;
  try {
    nested = decodeDer(inner, "GOST private key");
  } catch {
    return undefined;
  }
  if (nested instanceof asn1js.OctetString) {
    const privateKey = octetStringBytes(nested, "GOST private key");
    return privateKey.length === size ? privateKey : undefined;
  }
  if (nested instanceof asn1js.Integer) {
    const bigEndian = integerBytes(nested, "GOST private key");
    if (bigEndian.length > size) return undefined;
    const privateKey = new Uint8Array(size);
    privateKey.set(Uint8Array.from(bigEndian).reverse());
    return privateKey;
  }
  return undefined;
}

function gostCurveOf(algorithm: Node | undefined, what: string): GostCurve {
  const [oid, parameters] = sequenceItems(algorithm, what);
  const keyOid = oidOf(oid, what);
  const bits = keyOid === OID.gost2012_256 ? 256 : keyOid === OID.gost2012_512 ? 512 : undefined;
  if (bits === undefined) throw new Asn1Error(`${what}: not a GOST R 34.10-2012 key (${keyOid})`);
  const [paramSet] = sequenceItems(parameters, `${what}.parameters`);
  const paramSetOid = oidOf(paramSet, `${what}.parameters`);
  const curve = CURVE_BY_PARAMSET[bits][paramSetOid];
  if (!curve) throw new Asn1Error(`${what}: unsupported ${bits}-bit GOST parameter set ${paramSetOid}`);
  return curve;
}

function gostKeyAlgorithm(curve: GostCurve): asn1js.Sequence {
  const { paramSet, digest } = PARAMSET_BY_CURVE[curve];
  return new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: gostKeyAlgorithmOid(curve) }),
      new asn1js.Sequence({
        value: [
          new asn1js.ObjectIdentifier({ value: paramSet }),
          ...(digest ? [new asn1js.ObjectIdentifier({ value: digest })] : []),
        ],
      }),
    ],
  });
}

export function gostSubjectPublicKeyInfo(
  publicKey: Uint8Array,
  curve: GostCurve = "S-256-A",
): asn1js.Sequence {
  const size = gostKeyBits(curve) / 4;
  if (publicKey.length !== size) throw new RangeError(`GOST public key must be ${size} bytes`);
  const keyOctets = toDer(new asn1js.OctetString({ valueHex: publicKey }));
  return new asn1js.Sequence({
    value: [gostKeyAlgorithm(curve), new asn1js.BitString({ valueHex: keyOctets })],
  });
}
