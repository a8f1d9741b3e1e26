// Support working hours (seed 001: 08:00–20:00 Moscow time) on the working days of the production
// calendar, and time counted in them. Moscow has kept UTC+3 all year since 2014, so a fixed offset
// is exact and avoids a time-zone lookup per step.
import { isWorkingDay, shiftDays } from "../../shared/working-days.ts";
import { type Priority, targets } from "./support.priority.ts";

const MOSCOW_OFFSET_MS = 3 * 3_600_000;
const MINUTE_MS = 60_000;

export interface WorkingHours {
  /** Minutes after Moscow midnight. */
  from: number;
  to: number;
}

/** `08:00-20:00` → minutes; undefined when malformed or empty. */
export function parseWorkingHours(text: string): WorkingHours | undefined {
  const match = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [from, to] = [Number(match[1]) * 60 + Number(match[2]), Number(match[3]) * 60 + Number(match[4])];
  return from < to && to <= 24 * 60 ? { from, to } : undefined;
}

const moscowParts = (instant: Date) => {
  const shifted = new Date(instant.getTime() + MOSCOW_OFFSET_MS);
  const day = shifted.toISOString().slice(0, 10);
  return { day, minute: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() + shifted.getUTCSeconds() / 60 };
};
const moscowInstant = (day: string, minute: number): Date =>
  new Date(Date.parse(`${day}T00:00:00Z`) - MOSCOW_OFFSET_MS + minute * MINUTE_MS);

/** Support is open at `instant`: a working day, within the hours. */
export function isWithinHours(instant: Date, hours: WorkingHours): boolean {
  const { day, minute } = moscowParts(instant);
  return isWorkingDay(day) && minute >= hours.from && minute < hours.to;
}

/** `start` plus `minutes` of working time: the clock stops outside the hours and on days off. */
export function addWorkingMinutes(start: Date, minutes: number, hours: WorkingHours): Date {
  let { day, minute } = moscowParts(start);
  let left = minutes;
  // A year has at most ~250 working days; the bound only guards against a broken calendar.
  for (let step = 0; step < 800; step++) {
    if (isWorkingDay(day) && minute < hours.to) {
      const begin = Math.max(minute, hours.from);
      const available = hours.to - begin;
      if (left <= available) return moscowInstant(day, begin + left);
      left -= available;
    }
    day = shiftDays(day, 1);
    minute = 0;
  }
  throw new Error("no working time found in the production calendar");
}

export function dueTimes(priority: Priority, createdAt: Date, hours: WorkingHours) {
  const target = targets[priority];
  const add = (minutes: number) =>
    target.counted === "clock"
      ? new Date(createdAt.getTime() + minutes * MINUTE_MS)
      : addWorkingMinutes(createdAt, minutes, hours);
  return { firstAnswerDueAt: add(target.firstAnswerMinutes), resolutionDueAt: add(target.resolutionMinutes) };
}

/** `08:00–20:00` for pages. */
export function formatHours(hours: WorkingHours): string {
  const show = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  return `${show(hours.from)}–${show(hours.to)}`;
}
