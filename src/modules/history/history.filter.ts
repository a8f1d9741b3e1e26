// The journal's date filter and paging (W15), read from the query string; pure. Dates are
// calendar days in Moscow, which has kept UTC+3 all year since 2014.
import { parseTimeCursor, type TimeCursor } from "../../db/keyset.ts";
import type { FieldError } from "../../ui/form.tsx";
import { parseDate } from "../register/personal-data.validation.ts";

export const HISTORY_PAGE_SIZE = 20;

export interface HistoryFilterInput {
  from?: string | undefined;
  to?: string | undefined;
  page?: string | undefined;
  /** Keyset cursor of the page: the last entry of the previous one. */
  after?: string | undefined;
}

export interface HistoryFilter {
  /** `YYYY-MM-DD`, as the person entered them (for the form and the paging links). */
  from: string | undefined;
  to: string | undefined;
  /** The page's number, for the reader only: the cursor says where it starts. */
  page: number;
  after: TimeCursor | undefined;
  /** The instants the filter selects: [since, until). */
  since: Date | undefined;
  until: Date | undefined;
  errors: FieldError[];
}

export const moscowMidnight = (date: string): Date => new Date(`${date}T00:00:00+03:00`);

export function parseHistoryFilter(input: HistoryFilterInput): HistoryFilter {
  const errors: FieldError[] = [];
  const from = readDate(input.from, "from", "Дата «с»", errors);
  const to = readDate(input.to, "to", "Дата «по»", errors);
  if (from && to && from > to)
    errors.push({ field: "to", message: "Дата «по» не может быть раньше даты «с»" });
  const after = parseTimeCursor(input.after);
  const pageNumber = Number(input.page ?? "1");
  const page = after && Number.isSafeInteger(pageNumber) && pageNumber >= 1 ? pageNumber : 1;
  const valid = errors.length === 0;
  return {
    from,
    to,
    page,
    after: page > 1 ? after : undefined,
    since: valid && from ? moscowMidnight(from) : undefined,
    until: valid && to ? new Date(moscowMidnight(to).getTime() + 86_400_000) : undefined,
    errors,
  };
}

function readDate(raw: string | undefined, field: string, label: string, errors: FieldError[]) {
  if (raw === undefined || raw.trim() === "") return undefined;
  const date = parseDate(raw);
  if (!date) errors.push({ field, message: `${label}: введите дату в формате ДД.ММ.ГГГГ` });
  return date;
}

/** Query string for the same filter: its first page, or the page that starts after a cursor. */
export function pageQuery(
  filter: Pick<HistoryFilter, "from" | "to">,
  next?: { after: string; page: number },
): string {
  const params = new URLSearchParams();
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (next) {
    params.set("after", next.after);
    params.set("page", String(next.page));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}
