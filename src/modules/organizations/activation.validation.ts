// The form of missing data (O6), checked before ЕГРЮЛ/ЕГРИП is asked: identifiers by their check
// digits, the phone as a Russian number, the e-mail by its shape. Pure.
import { checkIdentifier } from "../../shared/identifier-checks.ts";
import { normalizePhone } from "../../shared/phone.ts";
import type { FieldError } from "../../ui/form.tsx";
import { dropSeparators } from "../register/personal-data.validation.ts";
import type { OrganizationDataFields } from "./activation.schema.ts";
import { isOrganizationKind } from "./organization-kinds.ts";

export const dataFormFields = [
  "inn",
  "kpp",
  "headName",
  "headPosition",
  "contactPhone",
  "contactEmail",
  "kind",
] as const;
export type DataFormInput = Partial<Record<(typeof dataFormFields)[number], string>>;

export type DataFormResult =
  | { ok: true; value: OrganizationDataFields }
  | { ok: false; errors: FieldError[] };

const personName = /^[А-ЯЁа-яёA-Za-z][А-ЯЁа-яёA-Za-z' -]*[А-ЯЁа-яёA-Za-z]$/;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function validateDataForm(input: DataFormInput, subject: { entrepreneur: boolean }): DataFormResult {
  const errors: FieldError[] = [];
  const inn = dropSeparators(input.inn);
  const innCheck = checkIdentifier(subject.entrepreneur ? "innPerson" : "innOrganization", inn);
  if (!inn) errors.push({ field: "inn", message: "Укажите ИНН." });
  else if (!innCheck.ok) errors.push({ field: "inn", message: innCheck.message });
  const kpp = dropSeparators(input.kpp).toUpperCase();
  const kppCheck = checkIdentifier("kpp", kpp);
  if (!subject.entrepreneur && !kpp) errors.push({ field: "kpp", message: "Укажите КПП." });
  else if (kpp && !kppCheck.ok) errors.push({ field: "kpp", message: kppCheck.message });
  const headName = (input.headName ?? "").trim().replace(/\s+/g, " ");
  if (headName.split(" ").length < 2 || !personName.test(headName)) {
    errors.push({
      field: "headName",
      message: "Укажите фамилию, имя и отчество (при наличии) руководителя полностью.",
    });
  }
  const headPosition = (input.headPosition ?? "").trim();
  if (!subject.entrepreneur && !headPosition) {
    errors.push({
      field: "headPosition",
      message: "Укажите должность руководителя, например «Главный врач».",
    });
  }
  const phone = normalizePhone(input.contactPhone ?? "");
  if (!phone)
    errors.push({ field: "contactPhone", message: "Укажите контактный телефон в формате +7 900 000-00-00." });
  const contactEmail = (input.contactEmail ?? "").trim();
  if (!email.test(contactEmail) || contactEmail.length > 254) {
    errors.push({
      field: "contactEmail",
      message: "Укажите адрес электронной почты, например info@clinic.ru.",
    });
  }
  if (!isOrganizationKind(input.kind))
    errors.push({ field: "kind", message: "Выберите вид организации из списка." });
  if (errors.length > 0 || !phone || !input.kind) return { ok: false, errors };
  return {
    ok: true,
    value: {
      inn,
      kpp: subject.entrepreneur ? null : kpp,
      headName,
      headPosition: subject.entrepreneur ? null : headPosition,
      contactPhone: phone,
      contactEmail,
      kind: input.kind,
    },
  };
}
