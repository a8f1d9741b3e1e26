// The closed list of audit event names, `<entity>.<action>`.
export const auditEventNames = [
  "auth.login",
  "auth.login_failed",
  "auth.logout",
  "auth.context_chosen",
  "access.denied",
  "document.uploaded",
  "document.rejected",
  "document.downloaded",
  "document.deleted",
  "consent.code_sent",
  "consent.code_rejected",
  "consent.granted",
  "consent.revoked",
  "register.person_linked",
  "register.personal_data_changed",
  "settings.notifications_changed",
] as const;

export type AuditEventName = (typeof auditEventNames)[number];
