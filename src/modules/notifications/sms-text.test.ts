import assert from "node:assert/strict";
import { test } from "node:test";
import { fitSms, smsLength } from "./sms-text.ts";

test("Cyrillic: 70 characters make one segment, 71 make two of 67, 134 still two", () => {
  assert.deepEqual(smsLength("ж".repeat(70)), { encoding: "ucs2", units: 70, segments: 1 });
  assert.equal(smsLength("ж".repeat(71)).segments, 2);
  assert.equal(smsLength("ж".repeat(134)).segments, 2);
  assert.equal(smsLength("ж".repeat(135)).segments, 3);
  // One Cyrillic letter turns the whole message into UCS-2.
  assert.equal(smsLength(`${"a".repeat(69)}я`).segments, 1);
  assert.equal(smsLength(`${"a".repeat(70)}я`).segments, 2);
});

test("Latin: 160 in one segment, then 153 per part; extension characters count twice", () => {
  assert.equal(smsLength("a".repeat(160)).segments, 1);
  assert.equal(smsLength("a".repeat(161)).segments, 2);
  assert.equal(smsLength("a".repeat(306)).segments, 2);
  assert.deepEqual(smsLength("[]"), { encoding: "gsm7", units: 4, segments: 1 });
  assert.equal(smsLength(`${"a".repeat(159)}€`).segments, 2);
});

test("a long Russian text is shortened to two segments with an ellipsis", () => {
  const long = "ФРМР: заявление на периодическую аккредитацию принято к рассмотрению. ".repeat(4);
  const fitted = fitSms(long);
  assert.equal(smsLength(fitted).segments, 2);
  assert.equal(fitted.length, 134);
  assert.ok(fitted.endsWith("…"));
  assert.ok(long.startsWith(fitted.slice(0, -1)));
  assert.equal(fitSms("ФРМР: заявление принято"), "ФРМР: заявление принято", "a short text is kept");
  assert.equal(smsLength(fitSms(long, 1)).segments, 1);
});
