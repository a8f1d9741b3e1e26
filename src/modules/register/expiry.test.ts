import assert from "node:assert/strict";
import { test } from "node:test";
import {
  addDays,
  addYears,
  daysBetween,
  EXPIRY_WARNING_DAYS,
  expiryOf,
  expiryWording,
  moscowDate,
} from "./expiry.ts";

test("today is the calendar date in Moscow, not in UTC", () => {
  assert.equal(moscowDate(new Date("2026-11-21T20:59:59Z")), "2026-11-21");
  assert.equal(moscowDate(new Date("2026-11-21T21:00:00Z")), "2026-11-22");
});

test("date arithmetic on calendar days", () => {
  assert.equal(daysBetween("2026-11-21", "2027-01-20"), 60);
  assert.equal(daysBetween("2026-11-21", "2026-11-20"), -1);
  assert.equal(addDays("2026-12-31", 1), "2027-01-01");
  assert.equal(addYears("2024-02-29", 1), "2025-03-01");
  assert.equal(addYears("2031-06-15", -5), "2026-06-15");
});

test("valid through the end date, expired the day after", () => {
  assert.equal(expiryOf("2026-11-21", "2026-11-21").state, "expiring");
  assert.equal(expiryOf("2026-11-20", "2026-11-21").state, "expired");
  assert.equal(expiryOf(null, "2026-11-21").state, "open");
});

test("the warning starts 90 days before the end", () => {
  const today = "2026-11-21";
  assert.equal(expiryOf(addDays(today, EXPIRY_WARNING_DAYS), today).state, "expiring");
  assert.equal(expiryOf(addDays(today, EXPIRY_WARNING_DAYS + 1), today).state, "valid");
});

test("the wording: «истекает через N дней» with the right plural, «истекает сегодня», «истёк»", () => {
  const today = "2026-11-21";
  const wording = (days: number) => expiryWording(expiryOf(addDays(today, days), today));
  assert.equal(wording(60), "истекает через 60 дней");
  assert.equal(wording(1), "истекает через 1 день");
  assert.equal(wording(3), "истекает через 3 дня");
  assert.equal(wording(21), "истекает через 21 день");
  assert.equal(wording(11), "истекает через 11 дней");
  assert.equal(wording(0), "истекает сегодня");
  assert.equal(wording(-1), "истёк");
  assert.equal(wording(400), "", "nothing to say about a distant date");
});
