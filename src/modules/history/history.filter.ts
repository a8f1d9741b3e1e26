// The journal's date filter and paging (W15), read from the query string; pure. Dates are
// calendar days in Moscow, which has kept UTC+3 all year since 2014.
import type { FieldError } from "../../ui/form.tsx";
import { parseDate } from "../register/personal-data.validation.ts";

export const HISTORY_PAGE_SIZE = 20;

export interface HistoryFilterInput {
  from?: string | undefined;
  to?: string | undefined;
  page?: string | undefined;
}

export interface HistoryFilter {
  /** `YYYY-MM-DD`, as the person entered them (for the form and the paging links). */
  from: string | undefined;
  to: string | undefined;
  page: number;
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
  const pageNumber = Number(input.page ?? "1");
  const page = Number.isSafeInteger(pageNumber) && pageNumber >= 1 ? pageNumber : 1;
  const valid = errors.length === 0;
  return {
    from,
    to,
    page,
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

/** Query string for another page with the same filter. */
export function pageQuery(filter: Pick<HistoryFilter, "from" | "to">, page: number): string {
  const params = new URLSearchParams();
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `?${query}` : "";
}
