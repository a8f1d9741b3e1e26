// GOST R 34.10-2012 signatures (256- and 512-bit keys) and GOST R 34.11-2012 (Streebog-256/512)
// digests in pure JS (domain/esia.md §16.2): the digests from node-gost-crypto's engine, the curve
// arithmetic from gost-fast.ts (a table for the base point and Jacobian coordinates, ~20× faster than
// the library).
//
// Byte conventions (the ones OpenSSL's gost engine and ESIA use, §6.1.2, §17), with n = 32 bytes for
// a 256-bit key and n = 64 for a 512-bit one:
// * private key: n bytes little-endian, as stored in the PKCS#8 OCTET STRING;
// * public key: 2n bytes little-endian X || Y, as stored in the SPKI OCTET STRING;
// * signature: 2n bytes big-endian s || r (the library's procreator 'CP' order).
//
// A message is signed over the digest of the key's size (RFC 9215 §3): Streebog-256 for a 256-bit
// key, Streebog-512 for a 512-bit one; gostSignDigest/gostVerifyDigest take a digest made elsewhere.
import { randomBytes } from "node:crypto";
import gost from "node-gost-crypto";
import {
  curveOrder,
  curveSize,
  type FastCurveName,
  fromLittleEndian as littleEndianToBigInt,
  publicKeyFromScalar,
  signDigest,
  verifyDigest,
} from "./gost-fast.ts";

export interface GostKeyPair {
  privateKey: Uint8Array;
  publicKey: Uint8Array;
}

/**
 * The supported curves: node-gost-crypto's names for the CryptoPro ones (X-256-A is the same curve as
 * S-256-A, X-256-B as S-256-C; the TC26 256 B/C/D sets are S-256-A/B/C), TC26-* for the TC26 sets of
 * RFC 7836 that have no CryptoPro name (256 paramSetA, 512 paramSetA/B/C).
 */
export type GostCurve = FastCurveName;

const STREEBOG_256 = { name: "GOST R 34.11", version: 2012, length: 256 } as const;
const STREEBOG_512 = { name: "GOST R 34.11", version: 2012, length: 512 } as const;

const digester256 = gost.gostEngine.getGostDigest(STREEBOG_256);
const digester512 = gost.gostEngine.getGostDigest(STREEBOG_512);

export function streebog256(data: Uint8Array): Uint8Array {
  return new Uint8Array(digester256.digest(toArrayBuffer(data)));
}

export function streebog512(data: Uint8Array): Uint8Array {
  return new Uint8Array(digester512.digest(toArrayBuffer(data)));
}

/** 256 or 512: the key size of the curve, which is also the size of the digest it signs. */
export function gostKeyBits(curve: GostCurve): 256 | 512 {
  return curveSize(curve) === 64 ? 512 : 256;
}

/** The Streebog digest of the key's size (RFC 9215 §3). */
export function streebogFor(curve: GostCurve, data: Uint8Array): Uint8Array {
  return gostKeyBits(curve) === 512 ? streebog512(data) : streebog256(data);
}

export function generateGostKeyPair(curve: GostCurve = "S-256-A"): GostKeyPair {
  const privateKey = randomScalar(curve);
  return { privateKey, publicKey: gostPublicKeyFromPrivate(privateKey, curve) };
}

/** The public key of a private key, e.g. to check that a key file matches its certificate. */
export function gostPublicKeyFromPrivate(privateKey: Uint8Array, curve: GostCurve = "S-256-A"): Uint8Array {
  checkPrivateKey(privateKey, curve);
  return publicKeyFromScalar(littleEndianToBigInt(privateKey), curve);
}

/** Signs the key-sized Streebog digest of message; throws on a malformed key. */
export function gostSign(
  privateKey: Uint8Array,
  message: Uint8Array,
  curve: GostCurve = "S-256-A",
): Uint8Array {
  return gostSignDigest(privateKey, streebogFor(curve, message), curve);
}

/** Signs a digest computed by the caller; throws on a malformed key. */
export function gostSignDigest(privateKey: Uint8Array, digest: Uint8Array, curve: GostCurve): Uint8Array {
  checkPrivateKey(privateKey, curve);
  const d = littleEndianToBigInt(privateKey);
  for (;;) {
    const nonce = littleEndianToBigInt(randomScalar(curve));
    const signature = signDigest(d, digest, nonce, curve);
    if (signature) return signature;
  }
}

/** True only for a valid signature; false (never an exception) for anything malformed. */
export function gostVerify(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
  curve: GostCurve = "S-256-A",
): boolean {
  try {
    return verifyDigest(publicKey, streebogFor(curve, message), signature, curve);
  } catch {
    return false; // also an unknown curve name
  }
}

/** gostVerify over a digest computed by the caller. */
export function gostVerifyDigest(
  publicKey: Uint8Array,
  digest: Uint8Array,
  signature: Uint8Array,
  curve: GostCurve,
): boolean {
  try {
    return verifyDigest(publicKey, digest, signature, curve);
  } catch {
    return false;
  }
}

function checkPrivateKey(privateKey: Uint8Array, curve: GostCurve): void {
  const size = curveSize(curve);
  const d = littleEndianToBigInt(privateKey);
  if (privateKey.length !== size || d === 0n || d >= curveOrder(curve)) {
    throw new RangeError(`GOST private key must be ${size} bytes encoding a scalar in [1, q)`);
  }
}

// Randomness from node:crypto; rejection sampling keeps the scalar uniform and never zero. The orders
// of TC26 256 paramSetA and 512 paramSetC are near 2^254 / 2^510: the top bits are cleared first so
// that a candidate is accepted about every other draw rather than one in four.
function randomScalar(curve: GostCurve): Uint8Array {
  const order = curveOrder(curve);
  const size = curveSize(curve);
  const topMask = 0xff >> (size * 8 - order.toString(2).length);
  for (;;) {
    const candidate = new Uint8Array(randomBytes(size));
    candidate[size - 1] = (candidate[size - 1] ?? 0) & topMask;
    const value = littleEndianToBigInt(candidate);
    if (value > 0n && value < order) return candidate;
  }
}

// The library reads whole ArrayBuffers, so views (Node Buffers share one pooled ArrayBuffer) are
// copied into their own; Buffer#slice would not copy, hence the constructor.
function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return new Uint8Array(bytes).buffer;
}
