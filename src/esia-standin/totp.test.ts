// RFC 6238 test vectors (SHA-1, Appendix B) and the replay and drift rules.
import assert from "node:assert/strict";
import { test } from "node:test";
import { base32Decode, base32Encode, hotp, matchTotp, totp } from "./totp.ts";

const RFC_SECRET = base32Encode(new TextEncoder().encode("12345678901234567890"));

test("RFC 6238 Appendix B vectors, last six digits", () => {
  for (const [seconds, expected] of [
    [59, "287082"],
    [1111111109, "081804"],
    [1234567890, "005924"],
    [2000000000, "279037"],
  ] as const) {
    assert.equal(totp(RFC_SECRET, seconds * 1000), expected, String(seconds));
  }
  assert.equal(hotp(new TextEncoder().encode("12345678901234567890"), 0), "755224"); // RFC 4226 Appendix D
});

test("base32 round trip", () => {
  const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255, 7]);
  assert.deepEqual(base32Decode(base32Encode(bytes)), bytes);
});

test("one step of drift either way is accepted, used steps are not", () => {
  const now = 1_750_000_000_000;
  const previous = totp(RFC_SECRET, now - 30_000);
  const step = matchTotp(RFC_SECRET, previous, now);
  assert.equal(step, Math.floor(now / 30_000) - 1);
  assert.equal(matchTotp(RFC_SECRET, previous, now, step), undefined);
  assert.equal(matchTotp(RFC_SECRET, totp(RFC_SECRET, now - 90_000), now), undefined);
});
