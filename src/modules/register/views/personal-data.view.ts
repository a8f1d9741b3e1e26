// View model of «Личные данные» (W5): ESIA beside the register, field by field, with what to do
// about each difference, and the correction form. Pure.
import { formatDate } from "../../../shared/format.ts";
import { formatSnils } from "../../../shared/identifiers.ts";
import { formatPhone } from "../../../shared/phone.ts";
import type { FieldError } from "../../../ui/form.tsx";
import { contactsOf } from "../esia-contacts.ts";
import { type ComparisonState, countMismatches, type FactField } from "../mismatch.ts";
import {
  formatPassportSeries,
  type PersonalDataField,
  type PersonalDataInput,
} from "../personal-data.validation.ts";
import type { RegisterRecord } from "../record.repository.ts";
import type { PersonalData } from "../register.service.ts";

export interface FactRow {
  field: FactField;
  label: string;
  esia: string;
  register: string;
  state: ComparisonState;
  /** What to do; absent when the values agree. */
  advice: string | undefined;
}

export interface PersonalDataView {
  hasRecord: boolean;
  mismatchCount: number;
  groups: { title: string; rows: FactRow[] }[];
  contacts: { email: string | undefined; phone: string | undefined };
  qualification: { label: string; value: string }[];
  form: { values: Record<PersonalDataField, string>; errors: FieldError[]; snilsEditable: boolean };
}

const labels: Record<FactField, string> = {
  lastName: "Фамилия",
  firstName: "Имя",
  middleName: "Отчество",
  birthDate: "Дата рождения",
  snils: "СНИЛС",
  inn: "ИНН",
  passportSeries: "Серия",
  passportNumber: "Номер",
  passportIssueDate: "Дата выдачи",
  passportIssuedBy: "Кем выдан",
  passportDivisionCode: "Код подразделения",
};

const groups: { title: string; fields: FactField[] }[] = [
  {
    title: "Основные сведения",
    fields: ["lastName", "firstName", "middleName", "birthDate", "snils", "inn"],
  },
  {
    title: "Паспорт гражданина Российской Федерации",
    fields: [
      "passportSeries",
      "passportNumber",
      "passportIssueDate",
      "passportIssuedBy",
      "passportDivisionCode",
    ],
  },
];

const display: Partial<Record<FactField, (value: string) => string>> = {
  birthDate: formatDate,
  passportIssueDate: formatDate,
  snils: (value) => (/^\d{11}$/.test(value) ? formatSnils(value) : value),
  passportSeries: formatPassportSeries,
};

const FIX_AT_GOSUSLUGI = "Если ошибка в профиле Госуслуг, исправьте её там.";

function advice(state: ComparisonState, editable: boolean): string | undefined {
  switch (state) {
    case "mismatch":
      return editable
        ? `Данные в регистре отличаются от Госуслуг: исправьте их в форме «Исправить данные в регистре» ниже. ${FIX_AT_GOSUSLUGI}`
        : `Данные в регистре отличаются от Госуслуг: обратитесь в отдел кадров вашей организации, чтобы исправить запись. ${FIX_AT_GOSUSLUGI}`;
    case "missing-in-register":
      return editable
        ? "В регистре не указано: заполните в форме «Исправить данные в регистре» ниже."
        : "В регистре не указано: обратитесь в отдел кадров вашей организации.";
    case "missing-in-esia":
      return "На Госуслугах не указано. При необходимости добавьте в профиле Госуслуг.";
    default:
      return undefined;
  }
}

export function buildPersonalDataView(
  data: PersonalData,
  record: RegisterRecord | undefined,
  submitted?: { input: PersonalDataInput; errors: FieldError[] },
): PersonalDataView {
  const hasRecord = data.person !== undefined;
  const snilsEditable = hasRecord && !data.person?.snils;
  const editable = (field: FactField) =>
    field.startsWith("passport") || field === "inn" || (field === "snils" && snilsEditable);
  const show = (field: FactField, value: string | undefined) =>
    value ? (display[field]?.(value) ?? value) : "не указано";
  const byField = new Map(data.comparisons.map((comparison) => [comparison.field, comparison]));
  const contacts = contactsOf(data.esia);
  return {
    hasRecord,
    mismatchCount: hasRecord ? countMismatches(data.comparisons) : 0,
    groups: groups.map((group) => ({
      title: group.title,
      rows: group.fields.flatMap((field) => {
        const comparison = byField.get(field);
        if (!comparison) return [];
        return [
          {
            field,
            label: labels[field],
            esia: show(field, comparison.esia),
            register: hasRecord ? show(field, comparison.register) : "нет записи в регистре",
            state: comparison.state,
            advice: hasRecord ? advice(comparison.state, editable(field)) : undefined,
          },
        ];
      }),
    })),
    contacts: {
      email: contacts.email?.value,
      phone: contacts.phone ? formatPhone(contacts.phone) : undefined,
    },
    qualification: record ? qualificationOf(record) : [],
    form: {
      values: submitted ? formValuesFromInput(submitted.input) : formValuesFromRegister(data),
      errors: submitted?.errors ?? [],
      snilsEditable,
    },
  };
}

/** W5: specialty, certificate (or accreditation) number, end of training. */
function qualificationOf(record: RegisterRecord): { label: string; value: string }[] {
  const rows: { label: string; value: string }[] = [];
  const procedure = record.accreditation?.procedures.find((candidate) => candidate.passed);
  const certificate = record.certificates[0];
  const specialty = procedure?.spec ?? certificate?.specName;
  if (specialty) rows.push({ label: "Специальность", value: specialty });
  const registryNumber = procedure?.registryNumber ?? record.accreditation?.record.regNumber;
  if (registryNumber) rows.push({ label: "Номер записи об аккредитации", value: registryNumber });
  if (certificate) {
    const number = [certificate.certSerial, certificate.certNumber].filter(Boolean).join(" ");
    rows.push({ label: "Сертификат специалиста", value: number });
  }
  const ends = [...record.profEducation, ...record.postgraduate]
    .map((education) => education.docDate)
    .filter((date): date is string => date !== null)
    .sort();
  const lastEnd = ends.at(-1);
  if (lastEnd) rows.push({ label: "Окончание обучения", value: formatDate(lastEnd) });
  return rows;
}

function formValuesFromRegister(data: PersonalData): Record<PersonalDataField, string> {
  const passport = data.passport;
  return {
    passportSeries: passport?.serial ? formatPassportSeries(passport.serial) : "",
    passportNumber: passport?.number ?? "",
    passportIssueDate: passport?.passDate ?? "",
    passportIssuedBy: passport?.passOrg ?? "",
    passportDivisionCode: passport?.codeOrg ?? "",
    inn: data.person?.inn ?? "",
    snils: "",
  };
}

function formValuesFromInput(input: PersonalDataInput): Record<PersonalDataField, string> {
  return {
    passportSeries: input.passportSeries ?? "",
    passportNumber: input.passportNumber ?? "",
    passportIssueDate: input.passportIssueDate ?? "",
    passportIssuedBy: input.passportIssuedBy ?? "",
    passportDivisionCode: input.passportDivisionCode ?? "",
    inn: input.inn ?? "",
    snils: input.snils ?? "",
  };
}
