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
] as const;

export type AuditEventName = (typeof auditEventNames)[number];
