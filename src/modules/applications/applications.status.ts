// The accreditation application as a state machine (DESIGN convention 10): the statuses, who acts,
// and ONE transition table with the role allowed for each move. Mapped onto the sourced steps of
// domain/frmr.md §6.6–6.7; the labels are the ones the worker reads (W10).

/** Codes that are their own names: each key of a label table stands for itself. */
const codesOf = <Table extends Record<string, string>>(table: Table) =>
  Object.fromEntries(Object.keys(table).map((code) => [code, code])) as { [Code in keyof Table]: Code };

type CamelCase<Code extends string> = Code extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : Code;

/** The codes of a label table under camelCase names (`awaiting_head` as `awaitingHead`), so that
 * each code is written once, in its label table. */
const camelCodesOf = <Table extends Record<string, string>>(table: Table) =>
  Object.fromEntries(
    Object.keys(table).map((code) => [
      code.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()),
      code,
    ]),
  ) as { [Code in keyof Table & string as CamelCase<Code>]: Code };

export const statusLabels = {
  draft: "Черновик",
  awaiting_head: "На согласовании у руководителя",
  agreed: "Согласовано",
  agreement_refused: "Отказ в согласовании",
  submitted: "Подано",
  under_review: "На рассмотрении",
  documents_requested: "Требуются дополнительные документы",
  with_commission: "Передано в комиссию",
  approved: "Одобрено (аккредитация пройдена)",
  rejected: "Отклонено",
  withdrawn: "Отозвано",
} satisfies Record<string, string>;

export type ApplicationStatus = keyof typeof statusLabels;
export const applicationStatuses = camelCodesOf(statusLabels);

export const roleLabels = {
  worker: "Заявитель",
  head: "Руководитель организации",
  operator: "Аккредитационная комиссия",
  /** The cabinet itself, e.g. when the last requested document arrives. */
  system: "Автоматически",
} satisfies Record<string, string>;

export type ApplicationRole = keyof typeof roleLabels;
export const applicationRoles = codesOf(roleLabels);

/** How each move reads in «История изменений». */
export const actionLabels = {
  send_to_head: "Отчёт направлен руководителю на согласование",
  recall_from_head: "Отчёт отозван с согласования",
  agree: "Руководитель согласовал отчёт",
  refuse_agreement: "Руководитель отказал в согласовании отчёта",
  return_to_draft: "Заявка возвращена в черновик",
  submit: "Заявка подана",
  start_review: "Заявка принята к рассмотрению",
  request_documents: "Запрошены дополнительные документы",
  documents_provided: "Запрошенные документы представлены, заявка вернулась на рассмотрение",
  transfer_to_commission: "Заявка передана в аккредитационную комиссию",
  approve: "Аккредитация пройдена",
  reject: "Аккредитация не пройдена",
  withdraw: "Заявка отозвана заявителем",
} satisfies Record<string, string>;

export type ApplicationAction = keyof typeof actionLabels;
export const applicationActions = camelCodesOf(actionLabels);

/** Entries of «История изменений» that do not move the status. */
export const noteLabels = {
  create: "Заявка создана",
  assign: "Назначен ответственный сотрудник комиссии",
} satisfies Record<string, string>;

export type NoteAction = keyof typeof noteLabels;
export type HistoryAction = ApplicationAction | NoteAction;
export const noteActions = codesOf(noteLabels);

const s = applicationStatuses;
const r = applicationRoles;
const a = applicationActions;

interface Transition {
  action: ApplicationAction;
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  role: ApplicationRole;
}

/** Before the commission's decision the worker may withdraw the application. */
const withdrawable = [
  s.draft,
  s.awaitingHead,
  s.agreed,
  s.agreementRefused,
  s.submitted,
  s.underReview,
  s.documentsRequested,
  s.withCommission,
] as const;

/** The one transition table. */
export const transitions: readonly Transition[] = [
  { action: a.sendToHead, from: [s.draft], to: s.awaitingHead, role: r.worker },
  { action: a.recallFromHead, from: [s.awaitingHead], to: s.draft, role: r.worker },
  { action: a.agree, from: [s.awaitingHead], to: s.agreed, role: r.head },
  { action: a.refuseAgreement, from: [s.awaitingHead], to: s.agreementRefused, role: r.head },
  { action: a.returnToDraft, from: [s.agreed, s.agreementRefused], to: s.draft, role: r.worker },
  // From a draft only when the report needs no agreement (the service checks the stated reason);
  // after a refusal the report goes as not agreed, with the head's motivated refusal (§5).
  { action: a.submit, from: [s.draft, s.agreed, s.agreementRefused], to: s.submitted, role: r.worker },
  { action: a.startReview, from: [s.submitted], to: s.underReview, role: r.operator },
  { action: a.requestDocuments, from: [s.underReview], to: s.documentsRequested, role: r.operator },
  { action: a.documentsProvided, from: [s.documentsRequested], to: s.underReview, role: r.system },
  { action: a.transferToCommission, from: [s.underReview], to: s.withCommission, role: r.operator },
  { action: a.approve, from: [s.withCommission], to: s.approved, role: r.operator },
  { action: a.reject, from: [s.withCommission], to: s.rejected, role: r.operator },
  { action: a.withdraw, from: withdrawable, to: s.withdrawn, role: r.worker },
];

export type TransitionDecision =
  | { ok: true; to: ApplicationStatus }
  | { ok: false; reason: "not-allowed-now" | "wrong-role" };

/** Whether `role` may take `action` on an application in `status`, and where it leads. */
export function decideTransition(
  status: ApplicationStatus,
  action: ApplicationAction,
  role: ApplicationRole,
): TransitionDecision {
  const transition = transitions.find((candidate) => candidate.action === action);
  if (!transition?.from.includes(status)) return { ok: false, reason: "not-allowed-now" };
  if (transition.role !== role) return { ok: false, reason: "wrong-role" };
  return { ok: true, to: transition.to };
}

/** The moves `role` can make now: the buttons a page offers. */
export function availableActions(status: ApplicationStatus, role: ApplicationRole): ApplicationAction[] {
  return transitions
    .filter((transition) => transition.role === role && transition.from.includes(status))
    .map((transition) => transition.action);
}

/** Statuses in which the worker cannot start another application for the same specialty. */
export const finalStatuses: readonly ApplicationStatus[] = [s.approved, s.rejected, s.withdrawn];

export const isFinal = (status: ApplicationStatus): boolean => finalStatuses.includes(status);

/** Statuses in which the commission's clock runs (the queue's deadlines and «просрочено»). */
export const backOfficeStatuses: readonly ApplicationStatus[] = [
  s.submitted,
  s.underReview,
  s.withCommission,
];

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === "string" && (Object.values(applicationStatuses) as string[]).includes(value);
}
