// Dates as the register keeps them (ISO `YYYY-MM-DD`, calendar days in Moscow) and how soon a
// certificate, an accreditation or a category runs out.
import { counted, nouns } from "../../shared/plural.ts";

/** From this many days before the end date the cabinet warns (W4). */
export const EXPIRY_WARNING_DAYS = 90;

const DAY_MS = 86_400_000;
// en-CA formats dates as YYYY-MM-DD.
const moscowDateFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" });

/** The calendar date in Moscow at `now`, `YYYY-MM-DD`. */
export function moscowDate(now: Date): string {
  return moscowDateFormat.format(now);
}

const utcDay = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return isoDay(utcDay(date) + days * DAY_MS);
}

/** Same day and month `years` later (29 February becomes 1 March). */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return isoDay(Date.UTC(year + years, month - 1, day));
}

export type Expiry =
  | { state: "open" }
  | { state: "valid"; endDate: string; daysLeft: number }
  | { state: "expiring"; endDate: string; daysLeft: number }
  | { state: "expired"; endDate: string };

/** The document is valid through its end date and expired from the next day. */
export function expiryOf(endDate: string | null | undefined, today: string): Expiry {
  if (!endDate) return { state: "open" };
  const daysLeft = daysBetween(today, endDate);
  if (daysLeft < 0) return { state: "expired", endDate };
  return { state: daysLeft <= EXPIRY_WARNING_DAYS ? "expiring" : "valid", endDate, daysLeft };
}

/** «истекает через 45 дней», «истекает сегодня», «истёк»; empty for an open or distant date. */
export function expiryWording(expiry: Expiry): string {
  if (expiry.state === "expired") return "истёк";
  if (expiry.state !== "expiring") return "";
  if (expiry.daysLeft === 0) return "истекает сегодня";
  return `истекает через ${counted(expiry.daysLeft, nouns.day)}`;
}

export const expiryBadgeClass: Record<Expiry["state"], string> = {
  open: "badge",
  valid: "badge badge--ok",
  expiring: "badge badge--warn",
  expired: "badge badge--bad",
};
