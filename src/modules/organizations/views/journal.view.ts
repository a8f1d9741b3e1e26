// The journal's filter from the query string (who, what, when) and the rows as a reader sees them.
import { formatTimeCursor, parseTimeCursor } from "../../../db/keyset.ts";
import { formatDateTime, fullName } from "../../../shared/format.ts";
import type { FieldError } from "../../../ui/form.tsx";
import { addDays } from "../../register/expiry.ts";
import { parseDate } from "../../register/personal-data.validation.ts";
import { describeDetails, eventLabel, journalEvents, outcomeLabels } from "../journal.labels.ts";
import type { JournalCursor, JournalFilter, JournalRow } from "../journal.repository.ts";

export const JOURNAL_PAGE_SIZE = 50;

export interface JournalQuery {
  who?: string | undefined;
  what?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: string | undefined;
  /** Keyset cursor: `<id>_<time>` of the previous page's last record. */
  after?: string | undefined;
  count?: string | undefined;
}

/** `<id>_<time as the database prints it>` (src/db/keyset.ts); undefined for anything else (the journal then starts at the newest). */
export function parseJournalCursor(value: string | undefined): JournalCursor | undefined {
  const cursor = parseTimeCursor(value);
  // The journal's ids are serial numbers.
  return cursor && /^\d+$/.test(cursor.id) ? { id: Number(cursor.id), at: cursor.at } : undefined;
}

export const formatJournalCursor = formatTimeCursor;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Moscow has no daylight saving time: a calendar day starts at 00:00 UTC+3. */
const moscowMidnight = (date: string) => new Date(`${date}T00:00:00+03:00`);

export function parseJournalQuery(
  organizationId: string,
  query: JournalQuery,
): { filter: JournalFilter; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const from = query.from ? parseDate(query.from) : undefined;
  const to = query.to ? parseDate(query.to) : undefined;
  if (query.from && !from) errors.push({ field: "from", message: "Дата «с» — в формате ДД.ММ.ГГГГ." });
  if (query.to && !to) errors.push({ field: "to", message: "Дата «по» — в формате ДД.ММ.ГГГГ." });
  if (from && to && to < from)
    errors.push({ field: "to", message: "Дата «по» не может быть раньше даты «с»." });
  return {
    filter: {
      organizationId,
      userId: query.who && uuid.test(query.who) ? query.who : undefined,
      event: query.what && (journalEvents as string[]).includes(query.what) ? query.what : undefined,
      from: from ? moscowMidnight(from) : undefined,
      until: to ? moscowMidnight(addDays(to, 1)) : undefined,
    },
    errors,
  };
}

export interface JournalLine {
  id: number;
  when: string;
  who: string;
  what: string;
  outcome: string;
  details: string;
}

export function journalLine(row: JournalRow): JournalLine {
  return {
    id: row.id,
    when: formatDateTime(row.occurredAt),
    who: row.lastName
      ? fullName({ lastName: row.lastName, firstName: row.firstName ?? "", middleName: row.middleName })
      : "Система",
    what: eventLabel(row.event),
    outcome: outcomeLabels[row.outcome] ?? row.outcome,
    details: describeDetails(row.event, row.details),
  };
}

/** The query string of the current filter, for page links and the export. */
export function filterQuery(
  query: JournalQuery,
  next?: { after?: string | undefined; page: number; count?: boolean },
): string {
  const params = new URLSearchParams();
  for (const key of ["who", "what", "from", "to"] as const) if (query[key]) params.set(key, query[key] ?? "");
  if (next?.after) params.set("after", next.after);
  if (next && next.page > 1) params.set("page", String(next.page));
  if (next?.count) params.set("count", "1");
  const text = params.toString();
  return text ? `?${text}` : "";
}
