// GOST R 34.10-2012 (256-bit) signatures and GOST R 34.11-2012 (Streebog-256) digests in pure JS
// (domain/esia.md §16.2): the digest from node-gost-crypto's engine, the curve arithmetic from
// gost-fast.ts (a table for the base point and Jacobian coordinates, ~20× faster than the library).
//
// Byte conventions (the ones OpenSSL's gost engine and ESIA use, §6.1.2, §17):
// * private key: 32 bytes little-endian, as stored in the PKCS#8 OCTET STRING;
// * public key: 64 bytes little-endian X || Y, as stored in the SPKI OCTET STRING;
// * signature: 64 bytes big-endian s || r (the library's procreator 'CP' order).
//
// Limit: only the CryptoPro 256-bit curves (A/B/C and their XchA/XchB aliases) are available.
// TC26 256 paramSetA (twisted Edwards, OpenSSL paramset TCA) is not supported.
import { randomBytes } from "node:crypto";
import gost from "node-gost-crypto";
import {
  fromLittleEndian as littleEndianToBigInt,
  publicKeyFromScalar,
  signDigest,
  verifyDigest,
} from "./gost-fast.ts";

export interface GostKeyPair {
  privateKey: Uint8Array;
  publicKey: Uint8Array;
}

/** node-gost-crypto names of the supported curves; X-256-A is the same curve as S-256-A, X-256-B as S-256-C. */
export type GostCurve = "S-256-A" | "S-256-B" | "S-256-C" | "X-256-A" | "X-256-B";

const STREEBOG_256 = { name: "GOST R 34.11", version: 2012, length: 256 } as const;

// Group orders, needed to draw nonces and keys uniformly in [1, q) ourselves (see randomScalar).
const ORDER_A = 0xffffffffffffffffffffffffffffffff6c611070995ad10045841b09b761b893n;
const ORDER_B = 0x800000000000000000000000000000015f700cfff1a624e5e497161bcc8a198fn;
const ORDER_C = 0x9b9f605f5a858107ab1ec85e6b41c8aa582ca3511eddfb74f02f3a6598980bb9n;
const CURVE_ORDER: Record<GostCurve, bigint> = {
  "S-256-A": ORDER_A,
  "S-256-B": ORDER_B,
  "S-256-C": ORDER_C,
  "X-256-A": ORDER_A,
  "X-256-B": ORDER_C,
};

const digester = gost.gostEngine.getGostDigest(STREEBOG_256);

export function streebog256(data: Uint8Array): Uint8Array {
  return new Uint8Array(digester.digest(toArrayBuffer(data)));
}

export function generateGostKeyPair(): GostKeyPair {
  const privateKey = randomScalar(CURVE_ORDER["S-256-A"]);
  return { privateKey, publicKey: gostPublicKeyFromPrivate(privateKey, "S-256-A") };
}

/** The public key of a private key, e.g. to check that a key file matches its certificate. */
export function gostPublicKeyFromPrivate(privateKey: Uint8Array, curve: GostCurve = "S-256-A"): Uint8Array {
  checkPrivateKey(privateKey, curve);
  return publicKeyFromScalar(littleEndianToBigInt(privateKey), curve);
}

/** Signs Streebog-256(message); throws on a malformed key. */
export function gostSign(
  privateKey: Uint8Array,
  message: Uint8Array,
  curve: GostCurve = "S-256-A",
): Uint8Array {
  checkPrivateKey(privateKey, curve);
  const d = littleEndianToBigInt(privateKey);
  const digest = streebog256(message);
  for (;;) {
    const nonce = littleEndianToBigInt(randomScalar(CURVE_ORDER[curve]));
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
    if (publicKey.length !== 64 || signature.length !== 64) return false;
    if (CURVE_ORDER[curve] === undefined) return false;
    return verifyDigest(publicKey, streebog256(message), signature, curve);
  } catch {
    return false;
  }
}

function checkPrivateKey(privateKey: Uint8Array, curve: GostCurve): void {
  const d = littleEndianToBigInt(privateKey);
  if (privateKey.length !== 32 || d === 0n || d >= CURVE_ORDER[curve]) {
    throw new RangeError("GOST private key must be 32 bytes encoding a scalar in [1, q)");
  }
}

// Randomness from node:crypto; rejection sampling keeps the scalar uniform and never zero.
function randomScalar(order: bigint): Uint8Array {
  for (;;) {
    const candidate = randomBytes(32);
    const value = littleEndianToBigInt(candidate);
    if (value > 0n && value < order) return new Uint8Array(candidate);
  }
}

// The library reads whole ArrayBuffers, so views (Node Buffers share one pooled ArrayBuffer) are
// copied into their own; Buffer#slice would not copy, hence the constructor.
function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return new Uint8Array(bytes).buffer;
}
