// The priority table and the due times of each priority, case by case: within hours, outside them,
// across a weekend and across holidays of the production calendar.
import assert from "node:assert/strict";
import { test } from "node:test";
import { addWorkingMinutes, dueTimes, isWithinHours, parseWorkingHours } from "./support.hours.ts";
import { choosePriority, type PriorityInput } from "./support.priority.ts";

const hours = { from: 8 * 60, to: 20 * 60 };
/** A Moscow wall-clock time as an instant. */
const msk = (local: string) => new Date(`${local}:00+03:00`);

test("priority rules, first match wins", () => {
  const cases: [PriorityInput, string][] = [
    [{ kind: "organization_blocked", channel: "organization", text: "" }, "blocked"],
    [{ kind: "organization_blocked", channel: "worker", text: "" }, "blocked"],
    [{ kind: "other", channel: "organization", text: "Кабинет заблокирован после проверки" }, "blocked"],
    [{ kind: "other", channel: "worker", text: "Кабинет заблокирован" }, "simple"],
    [{ kind: "login", channel: "public", text: "Сессия истекла" }, "critical"],
    [{ kind: "two_factor", channel: "public", text: "код не приходит" }, "critical"],
    [{ kind: "two_factor", channel: "worker", text: "хочу отключить" }, "simple"],
    [{ kind: "login", channel: "worker", text: "" }, "simple"],
    [{ kind: "other", channel: "worker", text: "Раздел «Мои заявки» не открывается" }, "critical"],
    [{ kind: "accreditation", channel: "worker", text: "Сервис недоступен" }, "critical"],
    [{ kind: "accreditation", channel: "worker", text: "Как приложить портфолио" }, "complex"],
    [{ kind: "signature", channel: "organization", text: "" }, "complex"],
    [{ kind: "data_confirmation", channel: "public", text: "СНИЛС не совпадает" }, "complex"],
    [{ kind: "other", channel: "public", text: "Где найти инструкцию" }, "simple"],
  ];
  for (const [input, expected] of cases)
    assert.equal(choosePriority(input).priority, expected, `${input.kind}/${input.channel}: ${input.text}`);
});

test("working hours are read from the setting", () => {
  assert.deepEqual(parseWorkingHours("08:00-20:00"), hours);
  assert.deepEqual(parseWorkingHours("9:30–18:00"), { from: 570, to: 1080 });
  assert.equal(parseWorkingHours("20:00-08:00"), undefined);
  assert.equal(parseWorkingHours("всегда"), undefined);
});

test("support is open on working days within the hours", () => {
  assert.equal(isWithinHours(msk("2026-11-23T08:00"), hours), true); // Monday
  assert.equal(isWithinHours(msk("2026-11-23T19:59"), hours), true);
  assert.equal(isWithinHours(msk("2026-11-23T20:00"), hours), false);
  assert.equal(isWithinHours(msk("2026-11-23T07:59"), hours), false);
  assert.equal(isWithinHours(msk("2026-11-28T12:00"), hours), false); // Saturday
  assert.equal(isWithinHours(msk("2026-11-04T12:00"), hours), false); // Day of National Unity
});

test("due times of every priority", () => {
  const cases: [string, string, string, string][] = [
    // priority, created (Moscow), first answer due, resolution due
    ["simple", "2026-11-23T10:00", "2026-11-23T12:00", "2026-11-23T12:00"],
    ["simple", "2026-11-24T06:30", "2026-11-24T10:00", "2026-11-24T10:00"], // before opening
    ["simple", "2026-11-24T21:00", "2026-11-25T10:00", "2026-11-25T10:00"], // after closing
    ["simple", "2026-11-27T19:00", "2026-11-30T09:00", "2026-11-30T09:00"], // Friday evening → Monday
    ["simple", "2026-11-28T12:00", "2026-11-30T10:00", "2026-11-30T10:00"], // Saturday
    ["simple", "2026-11-03T19:30", "2026-11-05T09:30", "2026-11-05T09:30"], // over the 4 November holiday
    ["critical", "2026-11-27T18:00", "2026-11-30T10:00", "2026-11-30T18:00"],
    ["critical", "2026-11-23T09:00", "2026-11-23T13:00", "2026-11-24T09:00"],
    ["complex", "2026-11-23T10:00", "2026-11-25T10:00", "2026-11-25T10:00"], // 24 h = two working days
    ["complex", "2026-11-26T15:00", "2026-11-30T15:00", "2026-11-30T15:00"], // over a weekend
    ["complex", "2026-12-30T10:00", "2027-01-12T10:00", "2027-01-12T10:00"], // 31 December and the New Year holidays
    ["blocked", "2026-11-28T23:50", "2026-11-29T00:20", "2026-11-29T03:50"], // around the clock
    ["blocked", "2026-11-23T19:45", "2026-11-23T20:15", "2026-11-23T23:45"],
  ];
  for (const [priority, created, firstAnswer, resolution] of cases) {
    const due = dueTimes(priority as "simple", msk(created), hours);
    assert.equal(
      due.firstAnswerDueAt.toISOString(),
      msk(firstAnswer).toISOString(),
      `${priority} ${created}`,
    );
    assert.equal(due.resolutionDueAt.toISOString(), msk(resolution).toISOString(), `${priority} ${created}`);
  }
});

test("other hours move the due time", () => {
  const due = addWorkingMinutes(msk("2026-11-23T17:00"), 120, { from: 9 * 60, to: 18 * 60 });
  assert.equal(due.toISOString(), msk("2026-11-24T10:00").toISOString());
});
