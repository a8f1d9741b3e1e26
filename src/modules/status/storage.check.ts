// The status page's row of the orphan check (C8): what the last periodic run found and when it ran.
import type { DbExecutor } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { lastStorageCheck } from "../documents/storage-checks.ts";
import { STORAGE_CHECK_EVERY_MS } from "./maintenance.jobs.ts";
import type { DependencyCheck } from "./status.checks.ts";

/** Three missed hourly runs mean no worker runs the job. */
const STALE_MS = 3 * STORAGE_CHECK_EVERY_MS;

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function storageCheckRow(db: DbExecutor, clock: Clock): DependencyCheck {
  return {
    name: "Сверка файлов с записями",
    ttlSeconds: 60,
    run: async () => {
      const last = await lastStorageCheck(db);
      if (!last) return { state: "unknown", detail: "Сверка ещё не проводилась" };
      const found = last.filesWithoutRow + last.rowsWithoutFile;
      const counts: [string, number][] = [
        ["файлов без записи", last.filesWithoutRow],
        ["записей без файла", last.rowsWithoutFile],
        ["удалено незавершённых загрузок", last.stagingRemoved],
      ];
      const nonzero = counts.filter(([, count]) => count > 0).map(([what, count]) => `${what}: ${count}`);
      const detail = nonzero.length > 0 ? capitalize(nonzero.join("; ")) : "Расхождений нет";
      if (clock.now().getTime() - last.checkedAt.getTime() > STALE_MS)
        return {
          state: "degraded",
          detail: `Сверка давно не выполнялась. ${detail}`,
          checkedAt: last.checkedAt,
        };
      return { state: found > 0 ? "attention" : "ok", detail, checkedAt: last.checkedAt };
    },
  };
}
