// Keyset paging of lists shown newest first by (time, id) (issue 9): a page starts after the last
// row of the previous one, read from the index at that position, so page 100 costs what page 1
// does, unlike OFFSET, which reads and drops every row before it. The cursor is `<id>_<time>`,
// the time as the database prints it (microseconds kept: a Date would round them away).
import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

export interface TimeCursor {
  at: string;
  /** A serial number or a UUID, as the list's id column holds it. */
  id: string;
}

const CURSOR =
  /^(\d{1,15}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?[+-]\d{2}(?::\d{2})?)$/i;

/** Undefined for anything that is not a cursor: the list then starts at the newest. */
export function parseTimeCursor(value: string | undefined): TimeCursor | undefined {
  const match = CURSOR.exec(value ?? "");
  return match ? { id: match[1] as string, at: match[2] as string } : undefined;
}

export function formatTimeCursor(row: { id: string | number; cursorAt: string }): string {
  return `${row.id}_${row.cursorAt}`;
}

/** The column as text, selected as `cursorAt` next to the row for its cursor. */
export const cursorText = (time: PgColumn): SQL<string> => sql<string>`${time}::text`;

/** Rows after the cursor in the newest-first order of (time, id); no condition without a cursor. */
export function olderThan(
  time: PgColumn,
  id: PgColumn,
  cursor: { at: string; id: string | number } | undefined,
): SQL | undefined {
  return cursor ? sql`(${time}, ${id}) < (${cursor.at}::timestamptz, ${cursor.id})` : undefined;
}

/**
 * `limit + 1` rows were read: the page shows `limit`, and the cursor of the next page if there is
 * one. `idOf`: the row's column that breaks ties of time in the list's order.
 */
export function keysetPage<Row extends { cursorAt: string }>(
  rows: Row[],
  limit: number,
  idOf: (row: Row) => string | number,
): { rows: Row[]; next: string | undefined } {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  const next =
    rows.length > limit && last ? formatTimeCursor({ id: idOf(last), cursorAt: last.cursorAt }) : undefined;
  return { rows: shown, next };
}
