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

/** Russian plural: plural(5, ["день", "дня", "дней"]) → "дней". */
export function plural(count: number, forms: readonly [string, string, string]): string {
  const mod10 = count % 10;
  const mod100 = count % 100;
  if (mod10 === 1 && mod100 !== 11) return forms[0];
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return forms[1];
  return forms[2];
}
