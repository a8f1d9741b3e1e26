// Working days by the Russian production calendar (production-calendar.json): deadlines of the
// accreditation back office are counted in them (domain/frmr.md §6.6). Dates are calendar days in
// Moscow, as ISO `YYYY-MM-DD` strings. Each year is turned once into a flag per day, so that the
// queue can count days for every row of a page cheaply.
import calendar from "./production-calendar.json" with { type: "json" };

interface YearData {
  source: string;
  provisional?: boolean;
  transfers: { from: string; to: string }[];
}

/** Days since 1970-01-01 of the year's first day, and 1 for each working day of the year. */
interface YearFlags {
  start: number;
  working: Uint8Array;
}

const DAY_MS = 86_400_000;
const years = calendar.years as Record<string, YearData>;
const flagsByYear = new Map<number, YearFlags>();
// en-CA formats dates as YYYY-MM-DD.
const moscowFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" });

/** The calendar date in Moscow at `instant`. */
export function moscowDay(instant: Date): string {
  return moscowFormat.format(instant);
}

const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const isoDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
// 1970-01-01 was a Thursday (weekday 4).
const isWeekend = (day: number): boolean => {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
};

export function shiftDays(date: string, days: number): string {
  return isoDate(dayNumber(date) + days);
}

function flagsOf(year: number): YearFlags {
  const cached = flagsByYear.get(year);
  if (cached) return cached;
  const start = dayNumber(`${year}-01-01`);
  const length = dayNumber(`${year + 1}-01-01`) - start;
  const holidays = new Set(calendar.holidays.map((monthDay) => dayNumber(`${year}-${monthDay}`)));
  const transfers = (years[String(year)]?.transfers ?? []).map((t) => ({
    from: dayNumber(t.from),
    to: dayNumber(t.to),
  }));
  const daysOff = new Set(holidays);
  const workingWeekends = new Set<number>();
  for (const transfer of transfers) {
    daysOff.add(transfer.to);
    if (!holidays.has(transfer.from)) workingWeekends.add(transfer.from);
  }
  // ТК РФ ст. 112: a holiday on a weekend gives the next working day off, January aside, unless
  // the Government's decree has already moved that day off elsewhere.
  const moved = new Set(transfers.map((transfer) => transfer.from));
  for (const holiday of holidays) {
    if (holiday - start < 31 || !isWeekend(holiday) || moved.has(holiday)) continue;
    let day = holiday + 1;
    while (daysOff.has(day) || (isWeekend(day) && !workingWeekends.has(day))) day++;
    daysOff.add(day);
  }
  const working = new Uint8Array(length);
  for (let offset = 0; offset < length; offset++) {
    const day = start + offset;
    working[offset] = workingWeekends.has(day) || (!isWeekend(day) && !daysOff.has(day)) ? 1 : 0;
  }
  const flags = { start, working };
  flagsByYear.set(year, flags);
  return flags;
}

/** A reader of working-day flags that keeps the year it last used: loops walk day by day. */
function flagReader(): (day: number) => boolean {
  let current: YearFlags | undefined;
  return (day) => {
    if (!current || day < current.start || day >= current.start + current.working.length) {
      current = flagsOf(new Date(day * DAY_MS).getUTCFullYear());
    }
    return current.working[day - current.start] === 1;
  };
}

export function isWorkingDay(date: string): boolean {
  return flagReader()(dayNumber(date));
}

/** The `count`-th working day after `start` (`start` itself is not counted): the deadline date. */
export function addWorkingDays(start: string, count: number): string {
  const working = flagReader();
  let day = dayNumber(start);
  for (let left = count; left > 0; ) {
    day++;
    if (working(day)) left--;
  }
  return isoDate(day);
}

/** Working days after `from` up to and including `to`; negative when `to` is earlier. */
export function workingDaysBetween(from: string, to: string): number {
  if (to < from) return -workingDaysBetween(to, from);
  const working = flagReader();
  const last = dayNumber(to);
  let count = 0;
  for (let day = dayNumber(from) + 1; day <= last; day++) if (working(day)) count++;
  return count;
}

/** Whether the calendar of `year` includes the Government's decree, or only the Labour Code. */
export function calendarStatus(year: number): "decree" | "provisional" | "labour-code-only" {
  const data = years[String(year)];
  if (!data) return "labour-code-only";
  return data.provisional ? "provisional" : "decree";
}
