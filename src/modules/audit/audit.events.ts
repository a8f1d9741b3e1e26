// The closed list of audit event names, `<entity>.<action>`.
export const auditEventNames = [
  "auth.login",
  "auth.login_failed",
  "auth.logout",
  "auth.session_expired",
  "access.denied",
] as const;

export type AuditEventName = (typeof auditEventNames)[number];
