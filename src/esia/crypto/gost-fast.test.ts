// The fast curve arithmetic against the implementation it replaces (node-gost-crypto): byte-identical
// public keys and signatures for the same key and nonce, on random keys of every curve, and each
// verifying the other's signatures.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, test } from "node:test";
import gost from "node-gost-crypto";
import { gostSign, gostVerify, streebog256 } from "./gost.ts";
import {
  curveOrder,
  type FastCurveName,
  fromLittleEndian,
  publicKeyFromScalar,
  signDigest,
  verifyDigest,
} from "./gost-fast.ts";

const STREEBOG_256 = { name: "GOST R 34.11", version: 2012, length: 256 } as const;
const CURVES: FastCurveName[] = ["S-256-A", "S-256-B", "S-256-C", "X-256-A", "X-256-B"];
const hex = (bytes: Uint8Array | ArrayBuffer) => Buffer.from(new Uint8Array(bytes)).toString("hex");
const buffer = (bytes: Uint8Array) => new Uint8Array(bytes).buffer;

function library(curve: FastCurveName, ukm?: Uint8Array) {
  return gost.gostEngine.getGostSign({
    name: "GOST R 34.10",
    version: 2012,
    length: 256,
    namedCurve: curve,
    procreator: "CP",
    hash: STREEBOG_256,
    ...(ukm ? { ukm: buffer(ukm) } : {}),
  });
}

function randomScalar(curve: FastCurveName): Uint8Array {
  for (;;) {
    const bytes = new Uint8Array(randomBytes(32));
    const value = fromLittleEndian(bytes);
    if (value > 0n && value < curveOrder(curve)) return bytes;
  }
}

describe("gost-fast against node-gost-crypto", () => {
  for (const curve of CURVES) {
    test(`${curve}: same public keys and same signatures for the same nonce, on random keys`, () => {
      for (let round = 0; round < 8; round++) {
        const privateKey = randomScalar(curve);
        const nonce = randomScalar(curve);
        const message = randomBytes(1 + round * 37);
        const expectedPublic = library(curve, privateKey).generateKey().publicKey;
        const ours = publicKeyFromScalar(fromLittleEndian(privateKey), curve);
        assert.equal(hex(ours), hex(expectedPublic), `public key, round ${round}`);

        const expectedSignature = library(curve, nonce).sign(buffer(privateKey), buffer(message));
        const signature = signDigest(
          fromLittleEndian(privateKey),
          streebog256(message),
          fromLittleEndian(nonce),
          curve,
        );
        assert.ok(signature);
        assert.equal(hex(signature), hex(expectedSignature), `signature, round ${round}`);

        assert.equal(
          verifyDigest(ours, streebog256(message), new Uint8Array(expectedSignature), curve),
          true,
        );
        const fresh = gostSign(privateKey, message, curve);
        assert.equal(library(curve).verify(buffer(ours), buffer(fresh), buffer(message)), true);
        assert.equal(gostVerify(ours, message, fresh, curve), true);
      }
    });
  }

  test("small and edge scalars: 1, 2, 15, 16, 17, q − 1 give the library's public keys", () => {
    for (const curve of ["S-256-A", "S-256-B", "S-256-C"] as const) {
      const q = curveOrder(curve);
      for (const d of [1n, 2n, 15n, 16n, 17n, 255n, 256n, q - 1n, q - 16n]) {
        const bytes = new Uint8Array(32);
        let rest = d;
        for (let i = 0; i < 32; i++) {
          bytes[i] = Number(rest & 0xffn);
          rest >>= 8n;
        }
        assert.equal(
          hex(publicKeyFromScalar(d, curve)),
          hex(library(curve, bytes).generateKey().publicKey),
          `${curve} d=${d}`,
        );
      }
    }
  });

  test("verification rejects a public key that is not on the curve", () => {
    const privateKey = randomScalar("S-256-A");
    const message = randomBytes(40);
    const publicKey = publicKeyFromScalar(fromLittleEndian(privateKey), "S-256-A");
    const signature = gostSign(privateKey, message);
    const offCurve = Uint8Array.from(publicKey);
    offCurve[40] = (offCurve[40] ?? 0) ^ 1;
    assert.equal(verifyDigest(offCurve, streebog256(message), signature, "S-256-A"), false);
    assert.equal(verifyDigest(publicKey, streebog256(message), signature, "S-256-A"), true);
  });

  test("one signature costs at most 3 ms of CPU (median of 25, after the table is built)", () => {
    const privateKey = randomScalar("S-256-A");
    const message = randomBytes(120);
    gostSign(privateKey, message);
    const costs: number[] = [];
    for (let i = 0; i < 25; i++) {
      const before = process.cpuUsage();
      gostSign(privateKey, message);
      const used = process.cpuUsage(before);
      costs.push((used.user + used.system) / 1000);
    }
    costs.sort((a, b) => a - b);
    const median = costs[12] ?? Number.POSITIVE_INFINITY;
    assert.ok(median <= 3, `median ${median.toFixed(2)} ms`);
  });
});
