// View model of the staff list: rows, the search echoed back, and page links that keep the filter.
import { formatSnils } from "../../../shared/identifiers.ts";
import type { StaffListRow } from "../staff.repository.ts";

export const STAFF_PAGE_SIZE = 25;

export interface StaffListView {
  search: string;
  includeDismissed: boolean;
  total: number;
  page: number;
  pages: number;
  rows: { href: string; fullName: string; snils: string; posts: string; departments: string }[];
  previousHref: string | undefined;
  nextHref: string | undefined;
  canEdit: boolean;
}

export function pageNumber(value: string | undefined): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1;
}

function hrefFor(search: string, includeDismissed: boolean, page: number): string {
  const query = new URLSearchParams();
  if (search) query.set("q", search);
  if (includeDismissed) query.set("dismissed", "1");
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/org/staff?${text}` : "/org/staff";
}

export function buildStaffListView(
  result: { rows: StaffListRow[]; total: number },
  query: { search: string; includeDismissed: boolean; page: number; canEdit: boolean },
): StaffListView {
  const pages = Math.max(1, Math.ceil(result.total / STAFF_PAGE_SIZE));
  return {
    search: query.search,
    includeDismissed: query.includeDismissed,
    total: result.total,
    page: query.page,
    pages,
    rows: result.rows.map((row) => ({
      href: `/org/staff/${row.personId}`,
      fullName: [row.lastName, row.firstName, row.patronymic].filter(Boolean).join(" "),
      snils: row.snils ? formatSnils(row.snils) : "—",
      posts: row.posts ?? "—",
      departments: row.departments ?? "—",
    })),
    previousHref: query.page > 1 ? hrefFor(query.search, query.includeDismissed, query.page - 1) : undefined,
    nextHref: query.page < pages ? hrefFor(query.search, query.includeDismissed, query.page + 1) : undefined,
    canEdit: query.canEdit,
  };
}
