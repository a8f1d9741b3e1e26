// The status page's row of the audit chain verification (C5): the last result of the daily job or
// of `npm run cli -- audit verify`, and when it ran. The broken record's number stays out of this
// public page: the operator gets it from the command.
import type { DbExecutor } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { lastVerification } from "../audit/audit.chain.ts";
import { AUDIT_VERIFY_EVERY_MS } from "./maintenance.jobs.ts";
import { periodicResultRow } from "./periodic.check.ts";
import type { DependencyCheck } from "./status.checks.ts";

export const auditCheckRow = (db: DbExecutor, clock: Clock): DependencyCheck =>
  periodicResultRow({
    name: "Журнал аудита",
    everyMs: AUDIT_VERIFY_EVERY_MS,
    now: () => clock.now(),
    last: () => lastVerification(db),
    neverRun: "Проверка целостности ещё не проводилась",
    stale: "Проверка давно не выполнялась",
    // A broken chain is news however old the run that found it.
    judge: (last) =>
      last.ok
        ? {
            state: "ok",
            detail: `Цепочка цела, проверено записей: ${last.rowsChecked.toLocaleString("ru-RU")}`,
          }
        : {
            state: "attention",
            detail: "Нарушена целостность журнала: запись изменена или удалена",
            staleMatters: false,
          },
  });
