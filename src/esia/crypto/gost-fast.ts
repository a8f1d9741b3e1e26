// GOST R 34.10-2012 (256- and 512-bit) elliptic-curve arithmetic with native BigInt, fast enough to
// sign on the event loop: node-gost-crypto multiplies in affine coordinates (one field inversion per step) with
// no table for the base point, which costs 7–10 ms of CPU per signature.
//
// * Signing and key derivation multiply the fixed base point P: a precomputed table holds
//   j·16^i·P for every 4-bit window i and digit j, so k·P is at most 64 (128 on a 512-bit curve)
//   mixed additions and no doubling at all (built once per curve, on first use, in milliseconds).
// * Verification computes z1·P + z2·Q with Shamir's trick: one shared chain of doublings over the
//   width-w NAFs of both scalars (odd multiples of P precomputed, of Q computed per call).
// * Points are in Jacobian coordinates (X/Z², Y/Z³), so the only inversion is the final one.
//
// The CryptoPro curves and TC26 512 paramSetA/B have a = p − 3, which makes doubling cheaper;
// TC26 256 paramSetA and 512 paramSetC are twisted Edwards curves that the standard gives in
// Weierstrass form with another a (RFC 7836 Appendix A), where doubling takes two more products.
// BigInt arithmetic is not constant-time; neither was the library this replaces. Certified signing
// goes through the command signer (CryptoPro), not through this module.
//
// Byte conventions are those of gost.ts: private keys and public-key coordinates little-endian,
// signatures big-endian s || r, and the digest read as a little-endian integer (as OpenSSL does). A
// coordinate, a scalar and each half of a signature take 32 bytes on a 256-bit curve, 64 on a 512-bit one.

export type FastCurveName =
  | "S-256-A"
  | "S-256-B"
  | "S-256-C"
  | "X-256-A"
  | "X-256-B"
  | "TC26-256-A"
  | "TC26-512-A"
  | "TC26-512-B"
  | "TC26-512-C";

interface CurveParams {
  /** Bytes of a coordinate or a scalar: 32 or 64. */
  size: 32 | 64;
  p: bigint;
  a: bigint;
  b: bigint;
  q: bigint;
  x: bigint;
  y: bigint;
}

type CanonicalCurve = Exclude<FastCurveName, "X-256-A" | "X-256-B">;

// Parameters as in RFC 4357 §11.4 (CryptoPro) and RFC 7836 Appendix A (TC26).
const PARAMS: Record<CanonicalCurve, CurveParams> = {
  "S-256-A": {
    size: 32,
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffd97n,
    a: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffd94n,
    b: 166n,
    q: 0xffffffffffffffffffffffffffffffff6c611070995ad10045841b09b761b893n,
    x: 1n,
    y: 0x8d91e471e0989cda27df505a453f2b7635294f2ddf23e3b122acc99c9e9f1e14n,
  },
  "S-256-B": {
    size: 32,
    p: 0x8000000000000000000000000000000000000000000000000000000000000c99n,
    a: 0x8000000000000000000000000000000000000000000000000000000000000c96n,
    b: 0x3e1af419a269a5f866a7d3c25c3df80ae979259373ff2b182f49d4ce7e1bbc8bn,
    q: 0x800000000000000000000000000000015f700cfff1a624e5e497161bcc8a198fn,
    x: 1n,
    y: 0x3fa8124359f96680b83d1c3eb2c070e5c545c9858d03ecfb744bf8d717717efcn,
  },
  "S-256-C": {
    size: 32,
    p: 0x9b9f605f5a858107ab1ec85e6b41c8aacf846e86789051d37998f7b9022d759bn,
    a: 0x9b9f605f5a858107ab1ec85e6b41c8aacf846e86789051d37998f7b9022d7598n,
    b: 32858n,
    q: 0x9b9f605f5a858107ab1ec85e6b41c8aa582ca3511eddfb74f02f3a6598980bb9n,
    x: 0n,
    y: 0x41ece55743711a8c3cbf3783cd08c0ee4d4dc440d4641a8f366e550dfdb3bb67n,
  },
  // Twisted Edwards, cofactor 4.
  "TC26-256-A": {
    size: 32,
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffd97n,
    a: 0xc2173f1513981673af4892c23035a27ce25e2013bf95aa33b22c656f277e7335n,
    b: 0x295f9bae7428ed9ccc20e7c359a9d41a22fccd9108e17bf7ba9337a6f8ae9513n,
    q: 0x400000000000000000000000000000000fd8cddfc87b6635c115af556c360c67n,
    x: 0x91e38443a5e82c0d880923425712b2bb658b9196932e02c78b2582fe742daa28n,
    y: 0x32879423ab1a0375895786c4bb46e9565fde0b5344766740af268adb32322e5cn,
  },
  "TC26-512-A": {
    size: 64,
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffdc7n,
    a: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffdc4n,
    b: 0xe8c2505dedfc86ddc1bd0b2b6667f1da34b82574761cb0e879bd081cfd0b6265ee3cb090f30d27614cb4574010da90dd862ef9d4ebee4761503190785a71c760n,
    q: 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff27e69532f48d89116ff22b8d4e0560609b4b38abfad2b85dcacdb1411f10b275n,
    x: 3n,
    y: 0x7503cfe87a836ae3a61b8816e25450e6ce5e1c93acf1abc1778064fdcbefa921df1626be4fd036e93d75e6a50e3a41e98028fe5fc235f5b889a589cb5215f2a4n,
  },
  "TC26-512-B": {
    size: 64,
    p: 0x8000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000006fn,
    a: 0x8000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000006cn,
    b: 0x687d1b459dc841457e3e06cf6f5e2517b97c7d614af138bcbf85dc806c4b289f3e965d2db1416d217f8b276fad1ab69c50f78bee1fa3106efb8ccbc7c5140116n,
    q: 0x800000000000000000000000000000000000000000000000000000000000000149a1ec142565a545acfdb77bd9d40cfa8b996712101bea0ec6346c54374f25bdn,
    x: 2n,
    y: 0x1a8f7eda389b094c2c071e3647a8940f3c123b697578c213be6dd9e6c8ec7335dcb228fd1edf4a39152cbcaaf8c0398828041055f94ceeec7e21340780fe41bdn,
  },
  // Twisted Edwards, cofactor 4.
  "TC26-512-C": {
    size: 64,
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffdc7n,
    a: 0xdc9203e514a721875485a529d2c722fb187bc8980eb866644de41c68e143064546e861c0e2c9edd92ade71f46fcf50ff2ad97f951fda9f2a2eb6546f39689bd3n,
    b: 0xb4c4ee28cebc6c2c8ac12952cf37f16ac7efb6a9f69f4b57ffda2e4f0de5ade038cbc2fff719d2c18de0284b8bfef3b52b8cc7a5f5bf0a3c8d2319a5312557e1n,
    q: 0x3fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc98cdba46506ab004c33a9ff5147502cc8eda9e7a769a12694623cef47f023edn,
    x: 0xe2e31edfc23de7bdebe241ce593ef5de2295b7a9cbaef021d385f7074cea043aa27272a7ae602bf2a7b9033db9ed3610c6fb85487eae97aac5bc7928c1950148n,
    y: 0xf5ce40d95b5eb899abbccff5911cb8577939804d6527378b8c108c3d2090ff9be18e2d33e3021ed2ef32d85822423b6304f726aa854bae07d0396e9a9addc40fn,
  },
};

// XchA is the same curve as CryptoPro-A, XchB the same as CryptoPro-C (RFC 4357 §11.4).
const ALIAS: Record<FastCurveName, CanonicalCurve> = {
  "S-256-A": "S-256-A",
  "S-256-B": "S-256-B",
  "S-256-C": "S-256-C",
  "X-256-A": "S-256-A",
  "X-256-B": "S-256-C",
  "TC26-256-A": "TC26-256-A",
  "TC26-512-A": "TC26-512-A",
  "TC26-512-B": "TC26-512-B",
  "TC26-512-C": "TC26-512-C",
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

const FIXED_WINDOW = 4; // bits per window of the fixed-base table: 64 (or 128) windows × 15 points
const P_NAF_WIDTH = 7; // wNAF width for P in verification: 32 precomputed odd multiples
const Q_NAF_WIDTH = 5; // wNAF width for the public key: 8 odd multiples computed per call

class Curve {
  readonly size: 32 | 64;
  readonly p: bigint;
  readonly a: bigint;
  readonly b: bigint;
  readonly q: bigint;
  readonly base: Affine;
  readonly #aIsMinus3: boolean;
  #fixed: Affine[][] | undefined;
  #baseOdd: Affine[] | undefined;

  constructor(params: CurveParams) {
    this.size = params.size;
    this.p = params.p;
    this.a = params.a;
    this.b = params.b;
    this.q = params.q;
    this.base = { x: params.x, y: params.y };
    this.#aIsMinus3 = params.a === params.p - 3n;
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

  // dbl-2001-b: 3M + 5S where a = −3, as alpha = 3(X − Z²)(X + Z²) = 3X² + aZ⁴ then; the rest of
  // the formula holds for any a, so the other curves only compute alpha in full (two more products).
  double(point: Jacobian): Jacobian {
    const { x, y, z } = point;
    if (z === 0n || y === 0n) return INFINITY;
    const p = this.p;
    const delta = (z * z) % p;
    const gamma = (y * y) % p;
    const beta = (x * gamma) % p;
    const alpha = this.#aIsMinus3
      ? (3n * (((x - delta) * (x + delta)) % p)) % p
      : (3n * ((x * x) % p) + this.a * ((delta * delta) % p)) % p;
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
    const windows = Math.ceil((this.size * 8) / FIXED_WINDOW);
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
