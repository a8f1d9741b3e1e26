// GOST R 34.10-2012 (256-bit) elliptic-curve arithmetic with native BigInt, fast enough to sign on the
// event loop: node-gost-crypto multiplies in affine coordinates (one field inversion per step) with
// no table for the base point, which costs 7–10 ms of CPU per signature.
//
// * Signing and key derivation multiply the fixed base point P: a precomputed table holds
//   j·16^i·P for every 4-bit window i and digit j, so k·P is at most 64 mixed additions and no
//   doubling at all (built once per curve, on first use, in a few milliseconds).
// * Verification computes z1·P + z2·Q with Shamir's trick: one shared chain of doublings over the
//   width-w NAFs of both scalars (odd multiples of P precomputed, of Q computed per call).
// * Points are in Jacobian coordinates (X/Z², Y/Z³), so the only inversion is the final one.
//
// All three CryptoPro curves have a = p − 3, which the doubling formula relies on (checked at load).
// BigInt arithmetic is not constant-time; neither was the library this replaces. Certified signing
// goes through the command signer (CryptoPro), not through this module.
//
// Byte conventions are those of gost.ts: private keys and public-key coordinates little-endian,
// signatures big-endian s || r, and the digest read as a little-endian integer (as OpenSSL does).

export type FastCurveName = "S-256-A" | "S-256-B" | "S-256-C" | "X-256-A" | "X-256-B";

interface CurveParams {
  p: bigint;
  a: bigint;
  b: bigint;
  q: bigint;
  x: bigint;
  y: bigint;
}

const PARAMS: Record<"S-256-A" | "S-256-B" | "S-256-C", CurveParams> = {
  "S-256-A": {
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffd97n,
    a: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffd94n,
    b: 166n,
    q: 0xffffffffffffffffffffffffffffffff6c611070995ad10045841b09b761b893n,
    x: 1n,
    y: 0x8d91e471e0989cda27df505a453f2b7635294f2ddf23e3b122acc99c9e9f1e14n,
  },
  "S-256-B": {
    p: 0x8000000000000000000000000000000000000000000000000000000000000c99n,
    a: 0x8000000000000000000000000000000000000000000000000000000000000c96n,
    b: 0x3e1af419a269a5f866a7d3c25c3df80ae979259373ff2b182f49d4ce7e1bbc8bn,
    q: 0x800000000000000000000000000000015f700cfff1a624e5e497161bcc8a198fn,
    x: 1n,
    y: 0x3fa8124359f96680b83d1c3eb2c070e5c545c9858d03ecfb744bf8d717717efcn,
  },
  "S-256-C": {
    p: 0x9b9f605f5a858107ab1ec85e6b41c8aacf846e86789051d37998f7b9022d759bn,
    a: 0x9b9f605f5a858107ab1ec85e6b41c8aacf846e86789051d37998f7b9022d7598n,
    b: 32858n,
    q: 0x9b9f605f5a858107ab1ec85e6b41c8aa582ca3511eddfb74f02f3a6598980bb9n,
    x: 0n,
    y: 0x41ece55743711a8c3cbf3783cd08c0ee4d4dc440d4641a8f366e550dfdb3bb67n,
  },
};

// XchA is the same curve as CryptoPro-A, XchB the same as CryptoPro-C (RFC 4357 §11.4).
const ALIAS: Record<FastCurveName, keyof typeof PARAMS> = {
  "S-256-A": "S-256-A",
  "S-256-B": "S-256-B",
  "S-256-C": "S-256-C",
  "X-256-A": "S-256-A",
  "X-256-B": "S-256-C",
};

/** Jacobian point; z = 0n is the point at infinity. */
interface Jacobian {
  x: bigint;
  y: bigint;
  z: bigint;
}

/** Affine point (never the point at infinity). */
interface Affine {
  x: bigint;
  y: bigint;
}

const FIXED_WINDOW = 4; // bits per window of the fixed-base table: 64 windows × 15 points
const P_NAF_WIDTH = 7; // wNAF width for P in verification: 32 precomputed odd multiples
const Q_NAF_WIDTH = 5; // wNAF width for the public key: 8 odd multiples computed per call

class Curve {
  readonly p: bigint;
  readonly a: bigint;
  readonly b: bigint;
  readonly q: bigint;
  readonly base: Affine;
  #fixed: Affine[][] | undefined;
  #baseOdd: Affine[] | undefined;

  constructor(params: CurveParams) {
    this.p = params.p;
    this.a = params.a;
    this.b = params.b;
    this.q = params.q;
    this.base = { x: params.x, y: params.y };
    if (params.a !== params.p - 3n) throw new Error("gost-fast: the doubling formula needs a = p − 3");
    if (!this.isOnCurve(this.base)) throw new Error("gost-fast: base point is not on the curve");
  }

  mod(value: bigint): bigint {
    const r = value % this.p;
    return r < 0n ? r + this.p : r;
  }

  isOnCurve(point: Affine): boolean {
    const { x, y } = point;
    if (x < 0n || x >= this.p || y < 0n || y >= this.p) return false;
    return this.mod(y * y - (x * x * x + this.a * x + this.b)) === 0n;
  }

  // dbl-2001-b (a = −3): 3M + 5S.
  double(point: Jacobian): Jacobian {
    const { x, y, z } = point;
    if (z === 0n || y === 0n) return INFINITY;
    const p = this.p;
    const delta = (z * z) % p;
    const gamma = (y * y) % p;
    const beta = (x * gamma) % p;
    const alpha = (3n * (((x - delta) * (x + delta)) % p)) % p;
    const x3 = this.mod(alpha * alpha - 8n * beta);
    const z3 = this.mod((y + z) * (y + z) - gamma - delta);
    const y3 = this.mod(alpha * (4n * beta - x3) - 8n * ((gamma * gamma) % p));
    return { x: x3, y: y3, z: z3 };
  }

  // madd-2007-bl: Jacobian + affine, 7M + 4S.
  addMixed(point: Jacobian, other: Affine): Jacobian {
    if (point.z === 0n) return { x: other.x, y: other.y, z: 1n };
    const p = this.p;
    const { x: x1, y: y1, z: z1 } = point;
    const z1z1 = (z1 * z1) % p;
    const u2 = (other.x * z1z1) % p;
    const s2 = (((other.y * z1) % p) * z1z1) % p;
    const h = this.mod(u2 - x1);
    const r = this.mod(2n * (s2 - y1));
    if (h === 0n) return r === 0n ? this.double(point) : INFINITY;
    const hh = (h * h) % p;
    const i = (4n * hh) % p;
    const j = (h * i) % p;
    const v = (x1 * i) % p;
    const x3 = this.mod(r * r - j - 2n * v);
    const y3 = this.mod(r * (v - x3) - 2n * ((y1 * j) % p));
    const z3 = this.mod((z1 + h) * (z1 + h) - z1z1 - hh);
    return { x: x3, y: y3, z: z3 };
  }

  // add-2007-bl: Jacobian + Jacobian, 11M + 5S.
  add(a: Jacobian, b: Jacobian): Jacobian {
    if (a.z === 0n) return b;
    if (b.z === 0n) return a;
    const p = this.p;
    const z1z1 = (a.z * a.z) % p;
    const z2z2 = (b.z * b.z) % p;
    const u1 = (a.x * z2z2) % p;
    const u2 = (b.x * z1z1) % p;
    const s1 = (((a.y * b.z) % p) * z2z2) % p;
    const s2 = (((b.y * a.z) % p) * z1z1) % p;
    const h = this.mod(u2 - u1);
    const r = this.mod(2n * (s2 - s1));
    if (h === 0n) return r === 0n ? this.double(a) : INFINITY;
    const i = (4n * h * h) % p;
    const j = (h * i) % p;
    const v = (u1 * i) % p;
    const x3 = this.mod(r * r - j - 2n * v);
    const y3 = this.mod(r * (v - x3) - 2n * ((s1 * j) % p));
    const z3 = (this.mod((a.z + b.z) * (a.z + b.z) - z1z1 - z2z2) * h) % p;
    return { x: x3, y: y3, z: z3 };
  }

  negate(point: Affine): Affine {
    return { x: point.x, y: point.y === 0n ? 0n : this.p - point.y };
  }

  toAffine(point: Jacobian): Affine | undefined {
    if (point.z === 0n) return undefined;
    const zInv = invert(point.z, this.p);
    const zInv2 = (zInv * zInv) % this.p;
    return { x: (point.x * zInv2) % this.p, y: (((point.y * zInv2) % this.p) * zInv) % this.p };
  }

  // Montgomery's trick: one inversion for the whole batch. No point may be at infinity.
  toAffineBatch(points: Jacobian[]): Affine[] {
    const p = this.p;
    const prefix: bigint[] = new Array(points.length);
    let acc = 1n;
    for (let i = 0; i < points.length; i++) {
      prefix[i] = acc;
      acc = (acc * (points[i] as Jacobian).z) % p;
    }
    let inv = invert(acc, p);
    const out: Affine[] = new Array(points.length);
    for (let i = points.length - 1; i >= 0; i--) {
      const point = points[i] as Jacobian;
      const zInv = (inv * (prefix[i] as bigint)) % p;
      inv = (inv * point.z) % p;
      const zInv2 = (zInv * zInv) % p;
      out[i] = { x: (point.x * zInv2) % p, y: (((point.y * zInv2) % p) * zInv) % p };
    }
    return out;
  }

  /** table[i][j − 1] = j·16^i·P, affine. */
  fixedTable(): Affine[][] {
    if (this.#fixed) return this.#fixed;
    const digits = (1 << FIXED_WINDOW) - 1;
    const windows = Math.ceil(256 / FIXED_WINDOW);
    const all: Jacobian[] = [];
    let windowBase: Jacobian = { ...this.base, z: 1n };
    for (let i = 0; i < windows; i++) {
      let multiple = windowBase;
      for (let j = 1; j <= digits; j++) {
        all.push(multiple);
        multiple = this.add(multiple, windowBase);
      }
      windowBase = multiple; // (digits + 1)·windowBase = 16^(i+1)·P
    }
    const affine = this.toAffineBatch(all);
    const table: Affine[][] = [];
    for (let i = 0; i < windows; i++) table.push(affine.slice(i * digits, (i + 1) * digits));
    this.#fixed = table;
    return table;
  }

  /** k·P for the base point P, 0 < k. */
  multiplyBase(k: bigint): Jacobian {
    const table = this.fixedTable();
    const mask = BigInt((1 << FIXED_WINDOW) - 1);
    const shift = BigInt(FIXED_WINDOW);
    let result: Jacobian = INFINITY;
    let rest = k;
    for (let i = 0; rest > 0n; i++) {
      const digit = Number(rest & mask);
      rest >>= shift;
      if (digit !== 0) result = this.addMixed(result, (table[i] as Affine[])[digit - 1] as Affine);
    }
    return result;
  }

  /** Odd multiples 1·X, 3·X, …, (2^(w−1) − 1)·X, affine. */
  oddMultiples(point: Affine, width: number): Affine[] {
    const count = 1 << (width - 2);
    const twice = this.double({ ...point, z: 1n });
    const jacobian: Jacobian[] = [{ ...point, z: 1n }];
    for (let i = 1; i < count; i++) jacobian.push(this.add(jacobian[i - 1] as Jacobian, twice));
    return this.toAffineBatch(jacobian);
  }

  baseOddMultiples(): Affine[] {
    this.#baseOdd ??= this.oddMultiples(this.base, P_NAF_WIDTH);
    return this.#baseOdd;
  }

  /** u1·P + u2·Q (Shamir's trick over both scalars' wNAFs); undefined for the point at infinity. */
  multiplyTwo(u1: bigint, u2: bigint, q: Affine): Affine | undefined {
    const nafP = wnaf(u1, P_NAF_WIDTH);
    const nafQ = wnaf(u2, Q_NAF_WIDTH);
    const tableP = this.baseOddMultiples();
    const tableQ = this.oddMultiples(q, Q_NAF_WIDTH);
    let result: Jacobian = INFINITY;
    for (let i = Math.max(nafP.length, nafQ.length) - 1; i >= 0; i--) {
      result = this.double(result);
      const dp = nafP[i] ?? 0;
      if (dp > 0) result = this.addMixed(result, tableP[(dp - 1) >> 1] as Affine);
      else if (dp < 0) result = this.addMixed(result, this.negate(tableP[(-dp - 1) >> 1] as Affine));
      const dq = nafQ[i] ?? 0;
      if (dq > 0) result = this.addMixed(result, tableQ[(dq - 1) >> 1] as Affine);
      else if (dq < 0) result = this.addMixed(result, this.negate(tableQ[(-dq - 1) >> 1] as Affine));
    }
    return this.toAffine(result);
  }
}

const INFINITY: Jacobian = { x: 1n, y: 1n, z: 0n };

// Width-w non-adjacent form, least significant digit first; digits are odd in (−2^(w−1), 2^(w−1)) or 0.
function wnaf(k: bigint, width: number): number[] {
  const digits: number[] = [];
  const modulus = 1n << BigInt(width);
  const half = 1n << BigInt(width - 1);
  let rest = k;
  while (rest > 0n) {
    if (rest & 1n) {
      let digit = rest & (modulus - 1n);
      if (digit >= half) digit -= modulus;
      rest -= digit;
      digits.push(Number(digit));
    } else digits.push(0);
    rest >>= 1n;
  }
  return digits;
}

// Extended Euclid; value must be non-zero modulo the (prime) modulus.
function invert(value: bigint, modulus: bigint): bigint {
  let a = value % modulus;
  if (a < 0n) a += modulus;
  if (a === 0n) throw new RangeError("gost-fast: zero has no inverse");
  let b = modulus;
  let x0 = 1n;
  let x1 = 0n;
  while (b !== 0n) {
    const t = a / b;
    [a, b] = [b, a - t * b];
    [x0, x1] = [x1, x0 - t * x1];
  }
  return x0 < 0n ? x0 + modulus : x0;
}

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

/** Builds the curve's base-point table now rather than on the first signature (e.g. at startup). */
export function warmUp(name: FastCurveName): void {
  curveOf(name).fixedTable();
}

/** d·P as 64 bytes little-endian X || Y; d must be in [1, q). */
export function publicKeyFromScalar(d: bigint, name: FastCurveName): Uint8Array {
  const curve = curveOf(name);
  if (d <= 0n || d >= curve.q) throw new RangeError("GOST private key must be a scalar in [1, q)");
  const point = curve.toAffine(curve.multiplyBase(d)) as Affine;
  const out = new Uint8Array(64);
  out.set(toLittleEndian(point.x), 0);
  out.set(toLittleEndian(point.y), 32);
  return out;
}

/**
 * GOST R 34.10-2012 §6.1 with the given nonce k in [1, q): returns 64 bytes big-endian s || r, or
 * undefined in the (probability ~2^−256) case r = 0 or s = 0, where the caller draws another nonce.
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
  const out = new Uint8Array(64);
  out.set(toBigEndian(s), 0);
  out.set(toBigEndian(r), 32);
  return out;
}

/** GOST R 34.10-2012 §6.2; false for anything malformed (off-curve key, r or s out of (0, q)). */
export function verifyDigest(
  publicKey: Uint8Array,
  digest: Uint8Array,
  signature: Uint8Array,
  name: FastCurveName,
): boolean {
  if (publicKey.length !== 64 || signature.length !== 64) return false;
  const curve = curveOf(name);
  const q = curve.q;
  const s = fromBigEndian(signature.subarray(0, 32));
  const r = fromBigEndian(signature.subarray(32, 64));
  if (s <= 0n || r <= 0n || s >= q || r >= q) return false;
  const key = { x: fromLittleEndian(publicKey.subarray(0, 32)), y: fromLittleEndian(publicKey.subarray(32)) };
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

function toLittleEndian(value: bigint): Uint8Array {
  const out = new Uint8Array(32);
  let rest = value;
  for (let i = 0; i < 32; i++) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return out;
}

function toBigEndian(value: bigint): Uint8Array {
  return toLittleEndian(value).reverse();
}
