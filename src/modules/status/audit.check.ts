// The status page's row of the audit chain verification (C5): the last result of the daily job or
// of `npm run cli -- audit verify`, and when it ran. The broken record's number stays out of this
// public page: the operator gets it from the command.
import type { DbExecutor } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { lastVerification } from "../audit/audit.chain.ts";
import { AUDIT_VERIFY_EVERY_MS } from "./maintenance.jobs.ts";
import type { DependencyCheck } from "./status.checks.ts";

const STALE_MS = 3 * AUDIT_VERIFY_EVERY_MS;

export function auditCheckRow(db: DbExecutor, clock: Clock): DependencyCheck {
  return {
    name: "Журнал аудита",
    ttlSeconds: 60,
    run: async () => {
      const last = await lastVerification(db);
      if (!last) return { state: "unknown", detail: "Проверка целостности ещё не проводилась" };
      const checkedAt = last.checkedAt;
      if (!last.ok)
        return {
          state: "attention",
          detail: "Нарушена целостность журнала: запись изменена или удалена",
          checkedAt,
        };
      const detail = `Цепочка цела, проверено записей: ${last.rowsChecked.toLocaleString("ru-RU")}`;
      if (clock.now().getTime() - checkedAt.getTime() > STALE_MS)
        return { state: "degraded", detail: `Проверка давно не выполнялась. ${detail}`, checkedAt };
      return { state: "ok", detail, checkedAt };
    },
  };
}
