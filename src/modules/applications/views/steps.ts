// The application draft as five short pages (or three for a kind without a portfolio): which step a
// field belongs to, so that errors and «Чтобы отправить заявку, осталось» lead to the right page, and
// where to come back to after an action.
import type { Step } from "../../../ui/steps.tsx";
import { REPORT_SLOT_ID } from "../applications.kinds.ts";
import type { Problem } from "../applications.policy.ts";

export const stepKeys = ["kind", "documents", "portfolio", "report", "check"] as const;
export type StepKey = (typeof stepKeys)[number];

export const stepLabels: Record<StepKey, string> = {
  kind: "Вид и специальность",
  documents: "Документы",
  portfolio: "Портфолио",
  report: "Отчёт",
  check: "Проверка и отправка",
};

/** The steps of an application: the portfolio and the report exist for periodic accreditation only. */
export function stepsOf(periodic: boolean): readonly StepKey[] {
  return periodic ? stepKeys : ["kind", "documents", "check"];
}

export function stepHref(id: string, step: StepKey): string {
  const base = `/lk/applications/${id}`;
  return step === "kind" ? base : `${base}/${step}`;
}

const reportFields = new Set([
  "report",
  "workplace",
  "position",
  "periodFrom",
  "periodTo",
  "summary",
  "agreement",
  "agreementMode",
  "organizationId",
  `slot-${REPORT_SLOT_ID}`,
  `file-${REPORT_SLOT_ID}`,
]);
const portfolioFields = new Set(["portfolio", "title", "institution", "hours", "completedOn"]);

/** The step whose page holds the field a problem names. */
export function stepOfField(field: string): StepKey {
  if (reportFields.has(field)) return "report";
  if (portfolioFields.has(field)) return "portfolio";
  if (field.startsWith("slot-") || field.startsWith("file-")) return "documents";
  if (field === "basis" || field === "desiredDate" || field.startsWith("request-")) return "kind";
  return "check";
}

/** The step indicator's entries, each marked when a problem of the draft lies on it. */
export function stepList(id: string, periodic: boolean, pending: readonly Problem[]): Step[] {
  const open = new Set(pending.map((problem) => stepOfField(problem.field)));
  return stepsOf(periodic).map((key) => ({
    label: stepLabels[key],
    href: stepHref(id, key),
    incomplete: key !== "check" && open.has(key),
  }));
}

/** A problem's link: the field on its step's page. */
export function problemHref(id: string, field: string): string {
  return `${stepHref(id, stepOfField(field))}#field-${field}`;
}
