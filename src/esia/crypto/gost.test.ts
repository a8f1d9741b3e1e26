import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  generateGostKeyPair,
  gostPublicKeyFromPrivate,
  gostSign,
  gostSignDigest,
  gostVerify,
  gostVerifyDigest,
  streebog256,
  streebog512,
} from "./gost.ts";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const text = (value: string) => new TextEncoder().encode(value);

describe("streebog256", () => {
  // GOST R 34.11-2012 appendix A, printed as `openssl dgst -md_gost12_256` prints them.
  test("example M1 of the standard", () => {
    const m1 = text("012345678901234567890123456789012345678901234567890123456789012");
    assert.equal(hex(streebog256(m1)), "9d151eefd8590b89daa6ba6cb74af9275dd051026bb149a452fd84e5e57b5500");
  });

  test("example M2 of the standard (72 bytes, crosses a block boundary)", () => {
    const m2 = Buffer.from(
      "d1e520e2e5f2f0e82c20d1f2f0e8e1eee6e820e2edf3f6e82c20e2e5fef2fa20f120eceef0ff20f1f2f0e5ebe0ece820ede020f5f0e0e1f0fbff20efebfaeafb20c8e3eef0e5e2fb",
      "hex",
    );
    assert.equal(hex(streebog256(m2)), "9dd2fe4e90409e5da87f53976d7405b0c0cac628fc669a741d50063c557e8f50");
  });

  test("empty input", () => {
    assert.equal(
      hex(streebog256(new Uint8Array())),
      "3f539a213e97c802cc229d474c6aa32a825a360b2a933a949fd925208d9ce1bb",
    );
  });

  test("hashes only the view, not the whole underlying buffer (Node Buffers share a pool)", () => {
    const backing = text("xx012345678901234567890123456789012345678901234567890123456789012yy");
    const expected = "9d151eefd8590b89daa6ba6cb74af9275dd051026bb149a452fd84e5e57b5500";
    assert.equal(hex(streebog256(backing.subarray(2, backing.length - 2))), expected);
    assert.equal(hex(streebog256(Buffer.from(backing.subarray(2, backing.length - 2)))), expected);
  });
});

describe("streebog512", () => {
  // GOST R 34.11-2012 appendix A, as `openssl dgst -md_gost12_512` prints them.
  test("examples M1 and M2 of the standard", () => {
    const m1 = text("012345678901234567890123456789012345678901234567890123456789012");
    assert.equal(
      hex(streebog512(m1)),
      "1b54d01a4af5b9d5cc3d86d68d285462b19abc2475222f35c085122be4ba1ffa00ad30f8767b3a82384c6574f024c311e2a481332b08ef7f41797891c1646f48",
    );
    const m2 = Buffer.from(
      "d1e520e2e5f2f0e82c20d1f2f0e8e1eee6e820e2edf3f6e82c20e2e5fef2fa20f120eceef0ff20f1f2f0e5ebe0ece820ede020f5f0e0e1f0fbff20efebfaeafb20c8e3eef0e5e2fb",
      "hex",
    );
    assert.equal(
      hex(streebog512(m2)),
      "1e88e62226bfca6f9994f1f2d51569e0daf8475a3b0fe61a5300eee46d961376035fe83549ada2b8620fcd7c496ce5b33f0cb9dddc2b6460143b03dabac9fb28",
    );
  });
});

describe("GOST R 34.10-2012 signatures", () => {
  const keyPair = generateGostKeyPair();
  const message = text("FRMRLKopenid fullname2025.01.25 14:36:11 +03007b0e2c1a-5d4f-4e3b-8a9c-1f2e3d4c5b6a");

  test("key pairs have the stored sizes and differ between calls", () => {
    assert.equal(keyPair.privateKey.length, 32);
    assert.equal(keyPair.publicKey.length, 64);
    assert.notEqual(hex(generateGostKeyPair().privateKey), hex(keyPair.privateKey));
  });

  test("public key is derivable from the private key", () => {
    assert.equal(hex(gostPublicKeyFromPrivate(keyPair.privateKey)), hex(keyPair.publicKey));
  });

  test("sign then verify; each signature uses a fresh nonce", () => {
    const first = gostSign(keyPair.privateKey, message);
    const second = gostSign(keyPair.privateKey, message);
    assert.equal(first.length, 64);
    assert.notEqual(hex(first), hex(second));
    assert.equal(gostVerify(keyPair.publicKey, message, first), true);
    assert.equal(gostVerify(keyPair.publicKey, message, second), true);
  });

  test("accepts Node Buffers (views into a shared pool) for every argument", () => {
    const signature = gostSign(Buffer.from(keyPair.privateKey), Buffer.from(message));
    assert.equal(
      gostVerify(Buffer.from(keyPair.publicKey), Buffer.from(message), Buffer.from(signature)),
      true,
    );
    assert.equal(gostVerify(keyPair.publicKey, message, signature), true);
  });

  test("rejects a tampered message, a tampered or reversed signature and another key", () => {
    const signature = gostSign(keyPair.privateKey, message);
    const tamperedMessage = Uint8Array.from(message);
    tamperedMessage[0] = (tamperedMessage[0] ?? 0) ^ 1;
    const tamperedSignature = Uint8Array.from(signature);
    tamperedSignature[10] = (tamperedSignature[10] ?? 0) ^ 0x80;
    assert.equal(gostVerify(keyPair.publicKey, tamperedMessage, signature), false);
    assert.equal(gostVerify(keyPair.publicKey, message, tamperedSignature), false);
    assert.equal(gostVerify(keyPair.publicKey, message, Uint8Array.from(signature).reverse()), false);
    assert.equal(gostVerify(generateGostKeyPair().publicKey, message, signature), false);
  });

  test("malformed input gives false, never an exception", () => {
    const signature = gostSign(keyPair.privateKey, message);
    assert.equal(gostVerify(keyPair.publicKey, message, signature.subarray(0, 63)), false);
    assert.equal(gostVerify(keyPair.publicKey.subarray(1), message, signature), false);
    assert.equal(gostVerify(keyPair.publicKey, message, new Uint8Array(64)), false);
    assert.equal(gostVerify(keyPair.publicKey, message, new Uint8Array(64).fill(0xff)), false);
    assert.equal(gostVerify(new Uint8Array(64), message, signature), false);
    // r = 0 with a valid s: the library alone would not catch it.
    const zeroR = Uint8Array.from(signature);
    zeroR.fill(0, 32);
    assert.equal(gostVerify(keyPair.publicKey, message, zeroR), false);
    assert.equal(gostVerify(keyPair.publicKey, message, signature, "no-such-curve" as never), false);
  });

  test("signing refuses keys that are not a scalar in [1, q)", () => {
    assert.throws(() => gostSign(new Uint8Array(32), message), RangeError);
    assert.throws(() => gostSign(new Uint8Array(31).fill(1), message), RangeError);
    assert.throws(() => gostSign(new Uint8Array(32).fill(0xff), message), RangeError);
  });

  test("512-bit keys: 64-byte private, 128-byte public keys and signatures, over Streebog-512", () => {
    for (const curve of ["TC26-512-A", "TC26-512-B", "TC26-512-C"] as const) {
      const pair = generateGostKeyPair(curve);
      assert.equal(pair.privateKey.length, 64, curve);
      assert.equal(pair.publicKey.length, 128, curve);
      assert.equal(hex(gostPublicKeyFromPrivate(pair.privateKey, curve)), hex(pair.publicKey));
      const signature = gostSign(pair.privateKey, message, curve);
      assert.equal(signature.length, 128);
      assert.equal(gostVerify(pair.publicKey, message, signature, curve), true);
      assert.equal(gostVerifyDigest(pair.publicKey, streebog512(message), signature, curve), true);
      assert.equal(gostVerifyDigest(pair.publicKey, streebog256(message), signature, curve), false);
      // A digest of the other size is still a number to sign (some tools sign Streebog-256 with such keys).
      const over256 = gostSignDigest(pair.privateKey, streebog256(message), curve);
      assert.equal(gostVerifyDigest(pair.publicKey, streebog256(message), over256, curve), true);
      assert.equal(gostVerify(pair.publicKey, message, signature.subarray(0, 64), curve), false);
      assert.throws(() => gostSign(keyPair.privateKey, message, curve), RangeError);
    }
  });

  test("TC26 256 paramSetA keys sign and verify on their own curve only", () => {
    const pair = generateGostKeyPair("TC26-256-A");
    const signature = gostSign(pair.privateKey, message, "TC26-256-A");
    assert.equal(gostVerify(pair.publicKey, message, signature, "TC26-256-A"), true);
    assert.equal(gostVerify(pair.publicKey, message, signature, "S-256-A"), false);
  });

  test("XchA keys sign and verify on their curve (the same curve as CryptoPro-A)", () => {
    const signature = gostSign(keyPair.privateKey, message, "X-256-A");
    assert.equal(gostVerify(keyPair.publicKey, message, signature, "X-256-A"), true);
    assert.equal(gostVerify(keyPair.publicKey, message, signature, "S-256-A"), true);
  });
});
