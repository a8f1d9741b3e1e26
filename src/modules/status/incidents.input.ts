// The operator's form for a message about the service: kind, title, details, start and optional end,
// each a date and a time in Moscow time. Every problem comes back as a Russian field error.
import type { FieldError } from "../../ui/form.tsx";
import { parseDate } from "../register/personal-data.validation.ts";
import { type IncidentInput, type IncidentKind, incidentKinds } from "./incidents.ts";

export interface IncidentFormValues {
  kind?: string | undefined;
  title?: string | undefined;
  details?: string | undefined;
  startsDate?: string | undefined;
  startsTime?: string | undefined;
  endsDate?: string | undefined;
  endsTime?: string | undefined;
}

export const TITLE_MAX = 200;
export const DETAILS_MAX = 1000;

export function incidentFormValues(body: unknown): IncidentFormValues {
  const raw = (body ?? {}) as Record<string, unknown>;
  const text = (name: string) => (typeof raw[name] === "string" ? (raw[name] as string) : undefined);
  return {
    kind: text("kind"),
    title: text("title"),
    details: text("details"),
    startsDate: text("startsDate"),
    startsTime: text("startsTime"),
    endsDate: text("endsDate"),
    endsTime: text("endsTime"),
  };
}

// Moscow has kept UTC+3 all year since 2014, so the offset is a constant.
const MOSCOW_OFFSET_HOURS = 3;

/** `2026-12-03` (or `03.12.2026`) and `02:00` in Moscow time → the instant; undefined if either is wrong. */
export function moscowInstant(date: string | undefined, time: string | undefined): Date | undefined {
  const day = parseDate(date);
  const match = /^(\d{1,2})[:.](\d{2})$/.exec((time ?? "").trim());
  if (!day || !match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return undefined;
  const [year, month, dayOfMonth] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, dayOfMonth, hours - MOSCOW_OFFSET_HOURS, minutes));
}

export function parseIncidentForm(
  values: IncidentFormValues,
  now: Date,
): { ok: true; input: IncidentInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const kind = values.kind as IncidentKind;
  if (!incidentKinds.includes(kind))
    errors.push({ field: "kind", message: "Выберите, о чём сообщение: плановые работы или сбой" });
  const title = (values.title ?? "").trim().replace(/\s+/g, " ");
  if (title === "")
    errors.push({
      field: "title",
      message: "Напишите заголовок, например «Плановые работы 03.12 с 02:00 до 04:00»",
    });
  else if (title.length > TITLE_MAX)
    errors.push({ field: "title", message: `Сократите заголовок до ${TITLE_MAX} знаков` });
  const details = (values.details ?? "").trim();
  if (details.length > DETAILS_MAX)
    errors.push({ field: "details", message: `Сократите подробности до ${DETAILS_MAX} знаков` });

  const moment = (prefix: "starts" | "ends") => {
    const date = (values[`${prefix}Date`] ?? "").trim();
    const time = (values[`${prefix}Time`] ?? "").trim();
    if (date === "" && time === "") return { given: false as const };
    if (!parseDate(date)) {
      errors.push({ field: `${prefix}Date`, message: "Укажите дату в виде ДД.ММ.ГГГГ" });
      return { given: true as const };
    }
    const at = moscowInstant(date, time);
    if (!at) errors.push({ field: `${prefix}Time`, message: "Укажите время в виде ЧЧ:ММ, например 02:00" });
    return { given: true as const, at };
  };
  const starts = moment("starts");
  const ends = moment("ends");
  // Without a start the message is shown from now on.
  const startsAt = starts.given ? starts.at : now;
  const endsAt = ends.given ? ends.at : undefined;
  if (startsAt && endsAt) {
    if (endsAt <= now)
      errors.push({ field: "endsDate", message: "Это время уже прошло: сообщение никто не увидит" });
    else if (endsAt <= startsAt)
      errors.push({ field: "endsDate", message: "Окончание должно быть позже начала" });
  }
  if (errors.length > 0 || !startsAt) return { ok: false, errors };
  return { ok: true, input: { kind, title, details: details || undefined, startsAt, endsAt } };
}
