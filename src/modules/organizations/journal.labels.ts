// The journal's words (O10): what each audit event means to a reader in the organization.
import { type AuditEventName, auditEventNames } from "../audit/audit.events.ts";
import { auditLabel, auditSpecifics } from "../audit/audit.wording.ts";

// Everything about the organization, its people and its records, plus the entries and refusals of
// its cabinet; derived from the closed list so that a new event of these entities joins by itself.
const organizationEntities = new Set([
  "organization",
  "representative",
  "staff",
  "report",
  "journal",
  "licence",
  "org_request",
  "org_document",
  "signature",
]);
const alsoJournaled = new Set<string>([
  "auth.context_chosen",
  "access.denied",
  "access.granted",
  "access.revoked",
]);

/** The events of an organization's journal, in the order of the closed list (the filter's order). */
export const journalEvents: AuditEventName[] = auditEventNames.filter(
  (event) => organizationEntities.has(event.split(".")[0] ?? "") || alsoJournaled.has(event),
);

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
