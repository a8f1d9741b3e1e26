// Dates and names as Russian users read them, always in Moscow time.
const moscow = "Europe/Moscow";

const dateTimeFormat = new Intl.DateTimeFormat("ru-RU", {
  timeZone: moscow,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const dateFormat = new Intl.DateTimeFormat("ru-RU", {
  timeZone: moscow,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

/** `21.11.2026 14:05` */
export function formatDateTime(value: Date): string {
  return dateTimeFormat.format(value).replace(",", "");
}

/** `21.11.2026`; accepts a Date or an ISO date `YYYY-MM-DD`. */
export function formatDate(value: Date | string): string {
  if (typeof value === "string") {
    const [year, month, day] = value.slice(0, 10).split("-");
    return `${day}.${month}.${year}`;
  }
  return dateFormat.format(value);
}

export function fullName(person: {
  lastName: string;
  firstName: string;
  middleName?: string | null;
}): string {
  return [person.lastName, person.firstName, person.middleName].filter(Boolean).join(" ");
}
