// Russian wording of the journal's entries (W15), from the one table of audit wording.
import { auditLabel, auditSpecifics, type WordingContext } from "../audit/audit.wording.ts";
import type { AuditRow } from "./history.repository.ts";

export const outcomeLabels: Record<AuditRow["outcome"], string> = {
  success: "Выполнено",
  failure: "Ошибка",
  denied: "Отказано",
};

export function eventLabel(event: string): string {
  return auditLabel(event);
}

/** A short explanation from the entry's details: which application and status, which fields, why refused. */
export function eventDetails(
  row: Pick<AuditRow, "event" | "details">,
  context: WordingContext = {},
): string | undefined {
  return auditSpecifics(row.event, row.details, context);
}
