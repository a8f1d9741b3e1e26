// The status page's row of the orphan check (C8): what the last periodic run found and when it ran.
import type { DbExecutor } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { lastStorageCheck } from "../documents/storage-checks.ts";
import { STORAGE_CHECK_EVERY_MS } from "./maintenance.jobs.ts";
import { periodicResultRow } from "./periodic.check.ts";
import type { DependencyCheck } from "./status.checks.ts";

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const storageCheckRow = (db: DbExecutor, clock: Clock): DependencyCheck =>
  periodicResultRow({
    name: "Сверка файлов с записями",
    everyMs: STORAGE_CHECK_EVERY_MS,
    now: () => clock.now(),
    last: () => lastStorageCheck(db),
    neverRun: "Сверка ещё не проводилась",
    stale: "Сверка давно не выполнялась",
    judge: (last) => {
      const counts: [string, number][] = [
        ["файлов без записи", last.filesWithoutRow],
        ["записей без файла", last.rowsWithoutFile],
        ["удалено незавершённых загрузок", last.stagingRemoved],
      ];
      const nonzero = counts.filter(([, count]) => count > 0).map(([what, count]) => `${what}: ${count}`);
      const found = last.filesWithoutRow + last.rowsWithoutFile;
      return {
        state: found > 0 ? "attention" : "ok",
        detail: nonzero.length > 0 ? capitalize(nonzero.join("; ")) : "Расхождений нет",
      };
    },
  });
