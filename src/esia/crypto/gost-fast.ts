// GOST R 34.10-2012 (256- and 512-bit) signatures over the curve arithmetic of gost-points.ts (a
// table for the base point, Jacobian coordinates, Shamir's trick: see there).
//
// BigInt arithmetic is not constant-time; neither was the library this replaces. Certified signing
// goes through the command signer (CryptoPro), not through this module.
//
// Byte conventions are those of gost.ts: private keys and public-key coordinates little-endian,
// signatures big-endian s || r, and the digest read as a little-endian integer (as OpenSSL does). A
// coordinate, a scalar and each half of a signature take 32 bytes on a 256-bit curve, 64 on a 512-bit one.

import { ALIAS, type FastCurveName, PARAMS } from "./gost-curves.ts";
import { type Affine, Curve, invert } from "./gost-points.ts";

export type { FastCurveName };

const curves = new Map<string, Curve>();

function curveOf(name: FastCurveName): Curve {
  const canonical = ALIAS[name];
  if (canonical === undefined) throw new RangeError(`gost-fast: unsupported curve ${String(name)}`);
  let curve = curves.get(canonical);
  if (!curve) {
    curve = new Curve(PARAMS[canonical]);
    curves.set(canonical, curve);
  }
  return curve;
}

/** The group order q of a curve (for drawing keys and nonces). */
export function curveOrder(name: FastCurveName): bigint {
  return curveOf(name).q;
}

/** Bytes of a scalar or a coordinate on the curve: 32 (256-bit curves) or 64 (512-bit ones). */
export function curveSize(name: FastCurveName): 32 | 64 {
  return curveOf(name).size;
}

/** Builds the curve's base-point table now rather than on the first signature (e.g. at startup). */
export function warmUp(name: FastCurveName): void {
  curveOf(name).fixedTable();
}

/** d·P as little-endian X || Y (64 or 128 bytes); d must be in [1, q). */
export function publicKeyFromScalar(d: bigint, name: FastCurveName): Uint8Array {
  const curve = curveOf(name);
  if (d <= 0n || d >= curve.q) throw new RangeError("GOST private key must be a scalar in [1, q)");
  const point = curve.toAffine(curve.multiplyBase(d)) as Affine;
  const out = new Uint8Array(2 * curve.size);
  out.set(toLittleEndian(point.x, curve.size), 0);
  out.set(toLittleEndian(point.y, curve.size), curve.size);
  return out;
}

/**
 * GOST R 34.10-2012 §6.1 with the given nonce k in [1, q): returns big-endian s || r (64 or 128 bytes),
 * or undefined in the (negligible) case r = 0 or s = 0, where the caller draws another nonce.
 */
export function signDigest(
  d: bigint,
  digest: Uint8Array,
  k: bigint,
  name: FastCurveName,
): Uint8Array | undefined {
  const curve = curveOf(name);
  const q = curve.q;
  let e = fromLittleEndian(digest) % q;
  if (e === 0n) e = 1n;
  const point = curve.toAffine(curve.multiplyBase(k));
  if (!point) return undefined;
  const r = point.x % q;
  if (r === 0n) return undefined;
  const s = (r * d + k * e) % q;
  if (s === 0n) return undefined;
  const out = new Uint8Array(2 * curve.size);
  out.set(toBigEndian(s, curve.size), 0);
  out.set(toBigEndian(r, curve.size), curve.size);
  return out;
}

/** GOST R 34.10-2012 §6.2; false for anything malformed (off-curve key, r or s out of (0, q)). */
export function verifyDigest(
  publicKey: Uint8Array,
  digest: Uint8Array,
  signature: Uint8Array,
  name: FastCurveName,
): boolean {
  const curve = curveOf(name);
  const size = curve.size;
  if (publicKey.length !== 2 * size || signature.length !== 2 * size) return false;
  const q = curve.q;
  const s = fromBigEndian(signature.subarray(0, size));
  const r = fromBigEndian(signature.subarray(size));
  if (s <= 0n || r <= 0n || s >= q || r >= q) return false;
  const key = {
    x: fromLittleEndian(publicKey.subarray(0, size)),
    y: fromLittleEndian(publicKey.subarray(size)),
  };
  if (!curve.isOnCurve(key)) return false;
  let e = fromLittleEndian(digest) % q;
  if (e === 0n) e = 1n;
  const v = invert(e, q);
  const z1 = (s * v) % q;
  const z2 = q - ((r * v) % q);
  const point = curve.multiplyTwo(z1, z2, key);
  return point !== undefined && point.x % q === r;
}

export function fromLittleEndian(bytes: Uint8Array): bigint {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i] ?? 0);
  return value;
}

function fromBigEndian(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

function toLittleEndian(value: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let rest = value;
  for (let i = 0; i < length; i++) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return out;
}

function toBigEndian(value: bigint, length: number): Uint8Array {
  return toLittleEndian(value, length).reverse();
}
