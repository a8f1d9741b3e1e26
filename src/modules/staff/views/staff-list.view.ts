// View model of the staff list: rows, the search echoed back, and keyset page links that keep the
// filter. The total is counted only when the user asks for it (it reads the whole list).
import { formatSnils } from "../../../shared/identifiers.ts";
import type { StaffCursor, StaffListRow } from "../staff.repository.ts";

export const STAFF_PAGE_SIZE = 25;

export interface StaffListView {
  search: string;
  includeDismissed: boolean;
  /** Undefined unless asked for (`count=1`). */
  total: number | undefined;
  page: number;
  rows: { href: string; fullName: string; snils: string; posts: string; departments: string }[];
  firstHref: string | undefined;
  nextHref: string | undefined;
  countHref: string;
  canEdit: boolean;
}

export function pageNumber(value: string | undefined): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 && page < 1_000_000 ? page : 1;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `<person id>:<lower-case name>`; undefined for anything else (the list then starts at the top). */
export function parseStaffCursor(value: string | undefined): StaffCursor | undefined {
  if (!value || value.length > 400 || value[36] !== ":") return undefined;
  const personId = value.slice(0, 36);
  return UUID.test(personId) ? { personId, name: value.slice(37) } : undefined;
}

function hrefFor(
  search: string,
  includeDismissed: boolean,
  extra: { after?: string; page?: number; count?: boolean } = {},
): string {
  const query = new URLSearchParams();
  if (search) query.set("q", search);
  if (includeDismissed) query.set("dismissed", "1");
  if (extra.after) query.set("after", extra.after);
  if (extra.page && extra.page > 1) query.set("page", String(extra.page));
  if (extra.count) query.set("count", "1");
  const text = query.toString();
  return text ? `/org/staff?${text}` : "/org/staff";
}

export function buildStaffListView(
  result: { rows: StaffListRow[]; hasNext: boolean; total?: number | undefined },
  query: {
    search: string;
    includeDismissed: boolean;
    page: number;
    after?: string | undefined;
    canEdit: boolean;
  },
): StaffListView {
  const last = result.rows.at(-1);
  return {
    search: query.search,
    includeDismissed: query.includeDismissed,
    total: result.total,
    page: query.page,
    rows: result.rows.map((row) => ({
      href: `/org/staff/${row.personId}`,
      fullName: [row.lastName, row.firstName, row.patronymic].filter(Boolean).join(" "),
      snils: row.snils ? formatSnils(row.snils) : "—",
      posts: row.posts ?? "—",
      departments: row.departments ?? "—",
    })),
    firstHref: query.page > 1 ? hrefFor(query.search, query.includeDismissed) : undefined,
    nextHref:
      result.hasNext && last
        ? hrefFor(query.search, query.includeDismissed, {
            after: `${last.personId}:${last.sortName}`,
            page: query.page + 1,
          })
        : undefined,
    countHref: hrefFor(query.search, query.includeDismissed, {
      ...(query.after ? { after: query.after } : {}),
      page: query.page,
      count: true,
    }),
    canEdit: query.canEdit,
  };
}
