// Who may see and change an application, and what must be in place before a move.
import { formatDate } from "../../shared/format.ts";
import { type ApplicationKind, kindDefinitions, missingSlots, REPORT_SLOT_ID } from "./applications.kinds.ts";
import { hoursProblem } from "./applications.rules.ts";
import type { ActivityReport, AgreementMode, PortfolioSnapshot } from "./applications.schema.ts";
import type { ApplicationStatus } from "./applications.status.ts";

/** A problem to show on the page, tied to the field or section it concerns. */
export interface Problem {
  field: string;
  message: string;
}

export const agreementModeLabels: Record<AgreementMode, string> = {
  head: "Направить отчёт руководителю на согласование",
  not_working: "Не согласуется: заявитель не работает",
  motivated_refusal: "Не согласуется: мотивированный отказ руководителя",
  applicant_is_head: "Не согласуется: заявитель — руководитель организации",
  individual_entrepreneur: "Не согласуется: заявитель — индивидуальный предприниматель",
};

export function isAgreementMode(value: unknown): value is AgreementMode {
  return typeof value === "string" && value in agreementModeLabels;
}

/** A worker sees only their own applications; another person's id reads as «not found». */
export function isOwnApplication(userId: string, application: { userId: string }): boolean {
  return application.userId === userId;
}

/**
 * The head of an organization sees an application only once its report was sent to that very
 * organization for agreement (the worker chose it among their employment cards); `organizationId`
 * is cleared whenever the worker decides the report needs no agreement.
 */
export function isForOrganization(
  organizationId: string,
  application: { organizationId: string | null; status: ApplicationStatus },
): boolean {
  return application.organizationId === organizationId && application.status !== "draft";
}

/** The worker edits the application only while it is a draft. */
export const isEditable = (application: { status: ApplicationStatus }): boolean =>
  application.status === "draft";

export interface FilingState {
  kind: ApplicationKind;
  status: ApplicationStatus;
  report: ActivityReport | null;
  agreementMode: AgreementMode | null;
  organizationId: string | null;
  desiredDate: string | null;
  attached: readonly { slotId: string; typeCode: string }[];
  portfolio: PortfolioSnapshot | undefined;
  /** Set when the filing window no longer allows the application (periodic). */
  windowProblem: string | undefined;
}

export function reportProblems(report: ActivityReport | null, attached: FilingState["attached"]): Problem[] {
  const problems: Problem[] = [];
  const complete = report ? Object.values(report).every((value) => value !== "") : false;
  if (!complete)
    problems.push({ field: "report", message: "Заполните отчёт о профессиональной деятельности" });
  if (!attached.some((item) => item.slotId === REPORT_SLOT_ID)) {
    problems.push({
      field: `slot-${REPORT_SLOT_ID}`,
      message: "Прикрепите отчёт о профессиональной деятельности в PDF",
    });
  }
  return problems;
}

/** What keeps the report from going to the head. */
export function sendToHeadProblems(state: FilingState): Problem[] {
  const problems = reportProblems(state.report, state.attached);
  if (state.agreementMode !== "head" || !state.organizationId) {
    problems.push({
      field: "agreement",
      message: "Выберите организацию, руководитель которой согласует отчёт",
    });
  }
  return problems;
}

/** Everything that must be in place before «Отправить заявку»; empty when it may be submitted. */
export function submissionProblems(state: FilingState): Problem[] {
  const definition = kindDefinitions[state.kind];
  const problems: Problem[] = missingSlots(state.kind, state.attached)
    .filter((slot) => !(definition.portfolio && slot.id === REPORT_SLOT_ID))
    .map((slot) => ({ field: `slot-${slot.id}`, message: `Прикрепите документ: ${slot.label}` }));
  if (state.windowProblem) problems.unshift({ field: "basis", message: state.windowProblem });
  if (!definition.portfolio) {
    if (!state.desiredDate)
      problems.push({ field: "desiredDate", message: "Укажите желаемую дату прохождения аккредитации" });
    return problems;
  }
  problems.push(...reportProblems(state.report, state.attached));
  const hours = hoursProblem(state.portfolio?.totalHours ?? 0);
  if (hours) problems.push({ field: "portfolio", message: hours });
  if (!state.agreementMode) {
    problems.push({ field: "agreement", message: "Укажите, согласуется ли отчёт с руководителем" });
  } else if (state.agreementMode === "head" && state.status === "draft") {
    problems.push({
      field: "agreement",
      message: "Направьте отчёт руководителю на согласование или укажите, почему согласование не требуется",
    });
  }
  return problems;
}

export function desiredDateProblem(value: string, today: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    return "Укажите дату в формате ДД.ММ.ГГГГ";
  if (value < today) return `Дата не может быть раньше сегодняшней (${formatDate(today)})`;
  return undefined;
}
