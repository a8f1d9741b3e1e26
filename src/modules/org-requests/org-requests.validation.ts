// The organization's request form, one set of fields per kind: normalised values for storage and a
// one-line summary, or Russian messages per field. Identifiers go through the shared validator.
import { checkIdentifier, type IdentifierKind } from "../../shared/identifier-checks.ts";
import type { FieldError } from "../../ui/form.tsx";
import { type CorrectableField, correctableFields } from "../organizations/corrections.service.ts";
import type { OrgRequestKind, OrgRequestStatus } from "./org-requests.schema.ts";
import { orgRequestKinds } from "./org-requests.schema.ts";

export const kindLabels: Record<OrgRequestKind, string> = {
  organization_data: "Изменение сведений об организации",
  unit_open: "Открытие филиала или структурного подразделения",
  unit_close: "Закрытие филиала или структурного подразделения",
  employee_correction: "Исправление сведений о сотруднике в регистре",
};

export const kindHints: Record<OrgRequestKind, string> = {
  organization_data: "Наименование, адрес, руководитель, реквизиты — с подтверждающим документом.",
  unit_open: "Новый филиал или отделение: наименование, адрес, решение об открытии.",
  unit_close: "Филиал или отделение, которое прекращает работу, и дата закрытия.",
  employee_correction: "Ошибка в записи сотрудника: должность, образование, сертификат и другое.",
};

export const statusLabels: Record<OrgRequestStatus, string> = {
  submitted: "на рассмотрении",
  approved: "исполнено",
  refused: "отказано",
};

export const unitKindLabels = {
  branch: "Филиал (обособленное подразделение)",
  department: "Структурное подразделение (отделение, кабинет)",
} as const;
type UnitKind = keyof typeof unitKindLabels;

/** Every employee-record field a correction may name; «other» leaves the description to the text. */
export const employeeFields = {
  name: "Фамилия, имя, отчество",
  position: "Должность",
  education: "Сведения об образовании",
  certificate: "Сертификат или свидетельство об аккредитации",
  category: "Квалификационная категория",
  employment: "Сведения о трудоустройстве (даты, ставка, подразделение)",
  other: "Другое",
} as const;
type EmployeeField = keyof typeof employeeFields;

/** A proposed identifier is checked by the same rules as everywhere else (O5). */
const identifierFields: Partial<Record<CorrectableField, IdentifierKind>> = {
  inn: "inn",
  kpp: "kpp",
  ogrn: "ogrnAny",
};

export const MAX_ATTACHMENTS = 5;

export function isKind(value: unknown): value is OrgRequestKind {
  return typeof value === "string" && (orgRequestKinds as readonly string[]).includes(value);
}

export interface CheckedRequest {
  kind: OrgRequestKind;
  details: Record<string, string>;
  summary: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

type Form = Record<string, string | undefined>;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const text = (form: Form, name: string): string => (form[name] ?? "").trim().replace(/[ \t]+/g, " ");

function required(form: Form, name: string, errors: FieldError[], message: string, max: number): string {
  const value = text(form, name);
  if (!value) errors.push({ field: name, message });
  else if (value.length > max) errors.push({ field: name, message: `Не больше ${max} символов.` });
  return value;
}

export function checkRequest(form: Form, today: string): Checked<CheckedRequest> {
  const kind = form.kind;
  if (!isKind(kind)) return { ok: false, errors: [{ field: "kind", message: "Выберите, о чём заявление." }] };
  const errors: FieldError[] = [];
  const details: Record<string, string> = {};
  let summary = "";
  if (kind === "organization_data") {
    const field = text(form, "field") as CorrectableField;
    if (!Object.hasOwn(correctableFields, field))
      errors.push({ field: "field", message: "Выберите, какие сведения изменить." });
    let value = required(form, "proposedValue", errors, "Укажите новое значение.", 500);
    const identifier = identifierFields[field];
    if (value && identifier) {
      const checked = checkIdentifier(identifier, value);
      if (checked.ok) value = checked.value;
      else errors.push({ field: "proposedValue", message: checked.message });
    }
    Object.assign(details, { field, proposedValue: value });
    summary = `${correctableFields[field] ?? ""}: ${value}`;
  } else if (kind === "unit_open" || kind === "unit_close") {
    const unitKind = text(form, "unitKind") as UnitKind;
    if (!Object.hasOwn(unitKindLabels, unitKind))
      errors.push({ field: "unitKind", message: "Выберите: филиал или структурное подразделение." });
    const unitName = required(form, "unitName", errors, "Укажите наименование подразделения.", 300);
    details.unitKind = unitKind;
    details.unitName = unitName;
    if (kind === "unit_open") {
      details.address = required(form, "address", errors, "Укажите адрес подразделения.", 500);
    }
    const on = text(form, "effectiveOn");
    const dateWord = kind === "unit_open" ? "открытия" : "закрытия";
    if (!ISO_DAY.test(on) || Number.isNaN(Date.parse(on)) || on < "1991-01-01")
      errors.push({ field: "effectiveOn", message: `Укажите дату ${dateWord} в виде ДД.ММ.ГГГГ.` });
    else if (kind === "unit_close" && on > addYears(today, 1))
      errors.push({ field: "effectiveOn", message: "Дата закрытия — не позже чем через год." });
    details.effectiveOn = on;
    summary = `${kind === "unit_open" ? "Открытие" : "Закрытие"}: ${unitName}`;
  } else {
    const snils = checkIdentifier("snils", form.snils);
    if (!snils.ok) errors.push({ field: "snils", message: snils.message });
    const field = text(form, "employeeField") as EmployeeField;
    if (!Object.hasOwn(employeeFields, field))
      errors.push({ field: "employeeField", message: "Выберите, какие сведения неверны." });
    const proposedValue = required(
      form,
      "proposedValue",
      errors,
      "Укажите, как должно быть правильно.",
      1000,
    );
    Object.assign(details, { snils: snils.ok ? snils.value : "", employeeField: field, proposedValue });
    summary = `Сотрудник: ${employeeFields[field] ?? ""}`;
  }
  const comment = text(form, "comment");
  if (comment.length > 2000)
    errors.push({ field: "comment", message: "Пояснение — не больше 2000 символов." });
  if (comment) details.comment = comment;
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { kind, details, summary: summary.slice(0, 300) } };
}

function addYears(day: string, years: number): string {
  return `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
}

/** The operator's decision: an approval may carry a note, a refusal must say why. */
export function checkDecision(
  form: Form,
): Checked<{ decision: "approved" | "refused"; comment: string | null }> {
  const decision = form.decision;
  const comment = text(form, "comment");
  if (decision !== "approved" && decision !== "refused")
    return { ok: false, errors: [{ field: "decision", message: "Выберите решение." }] };
  if (comment.length > 2000)
    return { ok: false, errors: [{ field: "comment", message: "Не больше 2000 символов." }] };
  if (decision === "refused" && comment.length < 5)
    return {
      ok: false,
      errors: [{ field: "comment", message: "Напишите причину отказа: организация увидит её." }],
    };
  return { ok: true, value: { decision, comment: comment || null } };
}
