import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  addWorkingDays,
  calendarStatus,
  isWorkingDay,
  moscowDay,
  workingDaysBetween,
} from "./working-days.ts";

const workingDaysIn = (year: number): number => workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`);

describe("production calendar", () => {
  test("2025 and 2026 have 247 working days each, as the published calendars say", () => {
    assert.equal(workingDaysIn(2025), 247);
    assert.equal(workingDaysIn(2026), 247);
  });

  test("2025: the decree's transfers (№ 1335) and the working Saturday of 1 November", () => {
    for (const dayOff of [
      "2025-01-08",
      "2025-05-02",
      "2025-05-08",
      "2025-06-13",
      "2025-11-03",
      "2025-12-31",
    ]) {
      assert.equal(isWorkingDay(dayOff), false, dayOff);
    }
    assert.equal(isWorkingDay("2025-11-01"), true, "Saturday 1 November 2025 is worked");
    // Moved by the decree to 8 May, so Monday 24 February stays a working day.
    assert.equal(isWorkingDay("2025-02-24"), true);
  });

  test("2026: 9 January and 31 December off; weekend holidays move to Monday by the Labour Code", () => {
    for (const dayOff of ["2026-01-09", "2026-02-23", "2026-03-09", "2026-05-11", "2026-12-31"]) {
      assert.equal(isWorkingDay(dayOff), false, dayOff);
    }
    assert.equal(isWorkingDay("2026-01-12"), true);
  });

  test("2027 is provisional: the Labour Code's moves apply until the decree is published", () => {
    assert.equal(calendarStatus(2027), "provisional");
    assert.equal(calendarStatus(2026), "decree");
    assert.equal(calendarStatus(2030), "labour-code-only");
    for (const dayOff of ["2027-05-03", "2027-05-10", "2027-06-14"])
      assert.equal(isWorkingDay(dayOff), false, dayOff);
  });
});

describe("counting", () => {
  test("a deadline skips the New Year holidays", () => {
    assert.equal(addWorkingDays("2025-12-30", 1), "2026-01-12");
    assert.equal(addWorkingDays("2026-01-12", 0), "2026-01-12");
  });

  test("20 working days: four plain weeks, or one day more across 4 November", () => {
    assert.equal(addWorkingDays("2026-11-13", 20), "2026-12-11");
    assert.equal(addWorkingDays("2026-10-30", 20), "2026-11-30");
  });

  test("between two dates, in both directions", () => {
    assert.equal(workingDaysBetween("2026-11-13", "2026-12-11"), 20);
    assert.equal(workingDaysBetween("2026-12-11", "2026-11-13"), -20);
    assert.equal(workingDaysBetween("2026-11-13", "2026-11-13"), 0);
  });

  test("the Moscow date of an instant", () => {
    assert.equal(moscowDay(new Date("2026-03-31T21:30:00Z")), "2026-04-01");
  });
});
