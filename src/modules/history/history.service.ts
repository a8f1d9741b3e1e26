// «История» (W15): the person's own activity journal with a date filter and paging.
import type { Database } from "../../db/client.ts";
import { keysetPage } from "../../db/keyset.ts";
import { type Actor, authorizeWorker } from "../register/register.policy.ts";
import { HISTORY_PAGE_SIZE, type HistoryFilter } from "./history.filter.ts";
import { applicationNumbersOf, type HistoryRow, listUserEvents } from "./history.repository.ts";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface HistoryPage {
  rows: HistoryRow[];
  total: number;
  page: number;
  pages: number;
  /** The cursor of the next page, when there is one. */
  next: string | undefined;
  /** Application id → its number, for the entries that concern the person's applications. */
  applicationNumbers: Record<string, number>;
}

export interface HistoryService {
  history(actor: Actor, filter: HistoryFilter): Promise<HistoryPage>;
}

export function createHistoryService({ db }: { db: Database }): HistoryService {
  return {
    async history(actor, filter) {
      await authorizeWorker(db, actor, "history.read");
      if (filter.errors.length > 0)
        return { rows: [], total: 0, page: 1, pages: 1, next: undefined, applicationNumbers: {} };
      const read = await listUserEvents(db, {
        userId: actor.id,
        from: filter.since,
        until: filter.until,
        limit: HISTORY_PAGE_SIZE + 1,
        after: filter.after,
      });
      const { total } = read;
      const { rows, next } = keysetPage(read.rows, HISTORY_PAGE_SIZE, (row) => row.id);
      const ids = [...new Set(rows.map((row) => row.details.applicationId))].filter(
        (id): id is string => typeof id === "string" && uuid.test(id),
      );
      return {
        rows,
        total,
        page: filter.page,
        pages: Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE)),
        next,
        applicationNumbers: await applicationNumbersOf(db, actor.id, ids),
      };
    },
  };
}
