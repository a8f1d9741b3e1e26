// Points of a GOST R 34.10-2012 curve (256- or 512-bit) with native BigInt, fast enough to sign on the
// event loop: node-gost-crypto multiplies in affine coordinates (one field inversion per step) with
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

import type { CurveParams } from "./gost-curves.ts";

/** Jacobian point; z = 0n is the point at infinity. */
interface Jacobian {
  x: bigint;
  y: bigint;
  z: bigint;
}

/** Affine point (never the point at infinity). */
export interface Affine {
  x: bigint;
  y: bigint;
}

const FIXED_WINDOW = 4; // bits per window of the fixed-base table: 64 (or 128) windows × 15 points
const P_NAF_WIDTH = 7; // wNAF width for P in verification: 32 precomputed odd multiples
const Q_NAF_WIDTH = 5; // wNAF width for the public key: 8 odd multiples computed per call

export class Curve {
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
export function invert(value: bigint, modulus: bigint): bigint {
  let a = value % modulus;
  if (a < 0n) a += modulus;
  if (a === 0n) throw new RangeError("GOST curve: zero has no inverse");
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
