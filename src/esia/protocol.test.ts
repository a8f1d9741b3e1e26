import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertRefusesAll } from "../test-support/refusals.ts";
import {
  authorizationSignedString,
  base64UrlEncode,
  decodeBase64Lenient,
  esiaTimestamp,
  parseEsiaTimestamp,
  refreshSignedStrings,
  tokenSignedString,
} from "./protocol.ts";

describe("esiaTimestamp", () => {
  test("formats Moscow time with +0300", () => {
    assert.equal(esiaTimestamp(new Date("2025-01-25T11:36:11Z")), "2025.01.25 14:36:11 +0300");
  });

  test("a late UTC evening is already the next day (and year) in Moscow", () => {
    assert.equal(esiaTimestamp(new Date("2024-12-31T22:30:05Z")), "2025.01.01 01:30:05 +0300");
    assert.equal(esiaTimestamp(new Date("2024-02-28T21:00:00Z")), "2024.02.29 00:00:00 +0300");
  });

  test("drops milliseconds instead of rounding", () => {
    assert.equal(esiaTimestamp(new Date("2025-01-25T11:36:11.999Z")), "2025.01.25 14:36:11 +0300");
  });

  test("does not depend on daylight saving in summer", () => {
    assert.equal(esiaTimestamp(new Date("2025-07-01T09:00:00Z")), "2025.07.01 12:00:00 +0300");
  });
});

describe("parseEsiaTimestamp", () => {
  test("round-trips our own format", () => {
    const date = new Date("2024-12-31T22:30:05Z");
    assert.equal(parseEsiaTimestamp(esiaTimestamp(date))?.toISOString(), date.toISOString());
  });

  test("accepts any offset, as clients send UTC or local time", () => {
    assert.equal(parseEsiaTimestamp("2025.01.25 11:36:11 +0000")?.toISOString(), "2025-01-25T11:36:11.000Z");
    assert.equal(parseEsiaTimestamp("2025.01.25 10:06:11 -0130")?.toISOString(), "2025-01-25T11:36:11.000Z");
    assert.equal(parseEsiaTimestamp("2025.01.25 17:06:11 +0530")?.toISOString(), "2025-01-25T11:36:11.000Z");
  });

  test("rejects malformed values", () => {
    assertRefusesAll(parseEsiaTimestamp, [
      "",
      "2025-01-25 14:36:11 +0300",
      "2025.01.25 14:36:11",
      "2025.01.25 14:36:11 +03:00",
      "2025.01.25T14:36:11 +0300",
      "2025.01.25  14:36:11 +0300",
      " 2025.01.25 14:36:11 +0300",
      "2025.02.30 14:36:11 +0300",
      "2025.13.01 14:36:11 +0300",
      "2025.01.25 24:00:00 +0300",
      "2025.01.25 14:60:11 +0300",
      "2025.01.25 14:36:60 +0300",
      "2025.01.25 14:36:11 +0360",
      "2025.1.25 14:36:11 +0300",
    ]);
  });
});

describe("signed strings", () => {
  const fields = {
    clientId: "FRMRLK",
    scope: "openid fullname snils",
    timestamp: "2025.01.25 14:36:11 +0300",
    state: "7b0e2c1a-5d4f-4e3b-8a9c-1f2e3d4c5b6a",
    redirectUri: "https://lk.frmr.example/auth/esia/callback",
  };
  const base =
    "FRMRLKopenid fullname snils2025.01.25 14:36:11 +03007b0e2c1a-5d4f-4e3b-8a9c-1f2e3d4c5b6a" +
    "https://lk.frmr.example/auth/esia/callback";

  test("authorization: no separators; no scope_org contributes nothing", () => {
    assert.equal(authorizationSignedString(fields), base);
    assert.equal(authorizationSignedString({ ...fields, scopeOrg: "" }), base);
  });

  test("authorization: scope_org follows scope directly", () => {
    assert.equal(
      authorizationSignedString({ ...fields, scopeOrg: "org_fullname org_inn" }),
      `FRMRLKopenid fullname snilsorg_fullname org_inn${base.slice("FRMRLKopenid fullname snils".length)}`,
    );
  });

  test("code exchange appends the code", () => {
    assert.equal(tokenSignedString({ ...fields, code: "eyJ2ZXIiOjF9.x.y" }), `${base}eyJ2ZXIiOjF9.x.y`);
  });

  test("refresh: both disputed forms", () => {
    assert.deepEqual(refreshSignedStrings({ ...fields, scopeOrg: "org_inn", refreshToken: "rt-1" }), {
      ilimurzin: authorizationSignedString({ ...fields, scopeOrg: "org_inn" }),
      aisgorod:
        "FRMRLKopenid fullname snils2025.01.25 14:36:11 +03007b0e2c1a-5d4f-4e3b-8a9c-1f2e3d4c5b6art-1",
    });
  });
});

describe("base64", () => {
  const bytes = new Uint8Array([0xfb, 0xff, 0xbf, 0x01]);

  test("base64UrlEncode uses the URL alphabet without padding", () => {
    assert.equal(base64UrlEncode(bytes), "-_-_AQ");
    assert.equal(base64UrlEncode(bytes.subarray(1, 3)), "_78");
  });

  test("decodeBase64Lenient accepts base64url with and without padding and standard base64", () => {
    for (const form of ["-_-_AQ", "-_-_AQ==", "+/+/AQ==", "+/+/AQ"]) {
      assert.deepEqual(decodeBase64Lenient(form), bytes, form);
    }
    assert.deepEqual(decodeBase64Lenient(""), new Uint8Array());
  });

  test("decodeBase64Lenient rejects what is not base64", () => {
    for (const form of [
      "-_-_A",
      "-_-_AQ=",
      "-_-_AQ===",
      "-_=-_AQ",
      "-_-_ AQ",
      "-_-_AQ\n",
      "@@@@",
      "AQ==AQ==",
    ]) {
      assert.equal(decodeBase64Lenient(form), undefined, JSON.stringify(form));
    }
  });
});
