// The journal's words (O10): what each audit event means to a reader in the organization.
import type { AuditEventName } from "../audit/audit.events.ts";
import { auditLabel, auditSpecifics } from "../audit/audit.wording.ts";

/** The events of an organization's journal, in the order its filter offers them. */
export const journalEvents: AuditEventName[] = [
  "auth.context_chosen",
  "access.denied",
  "organization.synced",
  "organization.data_submitted",
  "organization.activated",
  "organization.corrections_requested",
  "organization.correction_requested",
  "organization.correction_answered",
  "organization.file_downloaded",
  "organization.network_added",
  "organization.network_removed",
  "organization.new_client",
  "organization.entry_blocking_changed",
  "organization.entry_held",
  "organization.entry_code_failed",
  "organization.entry_released",
  "organization.entry_rejected",
  "representative.submitted",
  "representative.activated",
  "representative.refused",
  "representative.revoked",
  "access.granted",
  "access.revoked",
  "licence.added",
  "licence.status_changed",
  "licence.verified",
  "org_request.submitted",
  "org_request.decided",
  "staff.added",
  "staff.card_added",
  "staff.card_changed",
  "staff.dismissed",
  "staff.education_added",
  "staff.certificate_added",
  "staff.category_added",
  "staff.import_started",
  "staff.imported",
  "staff.import_cancelled",
  "report.downloaded",
  "journal.exported",
];

export function eventLabel(event: string): string {
  return auditLabel(event);
}

export const outcomeLabels: Record<string, string> = {
  success: "выполнено",
  failure: "с ошибками",
  denied: "отказано",
};

/** A few words about the record beyond its label, from details that are safe to show. */
export function describeDetails(event: string, details: Record<string, unknown>): string {
  return auditSpecifics(event, details) ?? "";
}
