// Request types, statuses and the transition table of a support request (W16, O14).

/** The guard of a label record's codes (code → Russian label), for values read from forms and rows. */
export const isCodeOf =
  <Labels extends object>(labels: Labels) =>
  (value: unknown): value is keyof Labels =>
    typeof value === "string" && Object.hasOwn(labels, value);

/** Types as the source articles name them. */
export const requestKinds = {
  login: "Не удаётся войти",
  data_confirmation: "Ошибка при подтверждении данных",
  two_factor: "Проблемы с двухфакторной аутентификацией",
  organization_blocked: "Доступ организации заблокирован",
  signature: "Электронная подпись",
  accreditation: "Заявление на аккредитацию",
  other: "Другое",
} as const;
export type RequestKind = keyof typeof requestKinds;
export const isRequestKind = isCodeOf(requestKinds);

export const requestStatuses = {
  new: "Принято",
  in_progress: "В работе",
  awaiting_sender: "Ожидает вашего ответа",
  resolved: "Решено",
  closed: "Закрыто",
} as const;
export type RequestStatus = keyof typeof requestStatuses;
export const isRequestStatus = isCodeOf(requestStatuses);

/** Statuses in which the request still waits for support. */
export const openStatuses: readonly RequestStatus[] = ["new", "in_progress", "awaiting_sender"];

export type SupportAction =
  | "take"
  | "answer"
  | "resolve_by_operator"
  | "close"
  | "reply"
  | "resolve_by_sender"
  | "reopen"
  | "escalate";

export type SupportRole = "sender" | "operator";

interface Transition {
  from: readonly RequestStatus[];
  /** Undefined: the status stays (escalation, a reply to a request nobody has taken). */
  to: RequestStatus | undefined;
  role: SupportRole;
}

export const transitions: Record<SupportAction, Transition> = {
  take: { from: openStatuses, to: "in_progress", role: "operator" },
  answer: { from: openStatuses, to: "awaiting_sender", role: "operator" },
  resolve_by_operator: { from: openStatuses, to: "resolved", role: "operator" },
  close: { from: [...openStatuses, "resolved"], to: "closed", role: "operator" },
  reply: { from: openStatuses, to: "in_progress", role: "sender" },
  resolve_by_sender: { from: openStatuses, to: "resolved", role: "sender" },
  reopen: { from: ["resolved", "closed"], to: "in_progress", role: "sender" },
  escalate: { from: openStatuses, to: undefined, role: "sender" },
};

/** Escalation is open to the sender («Передать старшему специалисту») and to operators alike. */
export function canMove(action: SupportAction, status: RequestStatus, role: SupportRole): boolean {
  const transition = transitions[action];
  const roleAllowed = transition.role === role || action === "escalate";
  return roleAllowed && transition.from.includes(status);
}

/** A resolved or closed request may be reopened by its sender within this many days of the decision. */
export const REOPEN_DAYS = 7;

export function canReopen(
  request: { status: RequestStatus; resolvedAt: Date | null; closedAt: Date | null },
  now: Date,
): boolean {
  if (!canMove("reopen", request.status, "sender")) return false;
  const decided = request.resolvedAt ?? request.closedAt;
  return decided !== null && now.getTime() - decided.getTime() <= REOPEN_DAYS * 86_400_000;
}
