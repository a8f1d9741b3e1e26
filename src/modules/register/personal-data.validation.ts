// The worker's corrections to their register record (W5): passport, ИНН, and СНИЛС while the
// register has none. Input is normalised (spaces and dashes dropped) and checked; pure.
import { checkIdentifier } from "../../shared/identifier-checks.ts";
import type { FieldError } from "../../ui/form.tsx";
import { addYears, daysBetween } from "./expiry.ts";

export const personalDataFields = [
  "passportSeries",
  "passportNumber",
  "passportIssueDate",
  "passportIssuedBy",
  "passportDivisionCode",
  "inn",
  "snils",
] as const;

export type PersonalDataField = (typeof personalDataFields)[number];
export type PersonalDataInput = Partial<Record<PersonalDataField, string | undefined>>;

export interface PersonalDataChange {
  passport: { serial: string; number: string; passDate: string; passOrg: string; codeOrg: string };
  /** null clears it */
  inn: string | null;
  /** Only when the register had no СНИЛС and one was entered. */
  snils?: string;
}

export interface ValidationRules {
  snilsEditable: boolean;
  /** `YYYY-MM-DD` in Moscow */
  today: string;
  birthDate: string | null;
}

export type ValidationResult = { ok: true; value: PersonalDataChange } | { ok: false; errors: FieldError[] };

/** Drops spaces (the non-breaking one too) and dashes of every kind. */
export function dropSeparators(value: string | undefined): string {
  return (value ?? "").replace(/[\s\u00a0\-\u2010-\u2015]/g, "");
}

/** `YYYY-MM-DD` (date inputs) or `ДД.ММ.ГГГГ` (typed) → `YYYY-MM-DD`; undefined when not a real date. */
export function parseDate(value: string | undefined): string | undefined {
  const text = (value ?? "").trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) ?? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = text.includes("-")
    ? [match[1], match[2], match[3]]
    : [match[3], match[2], match[1]];
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return undefined;
  return `${year}-${month}-${day}`;
}

/** `770001` → `770-001` */
export const formatDivisionCode = (sixDigits: string): string =>
  `${sixDigits.slice(0, 3)}-${sixDigits.slice(3)}`;

/** `4509` → `45 09`, as the series is printed in the passport. */
export const formatPassportSeries = (series: string): string =>
  /^\d{4}$/.test(series) ? `${series.slice(0, 2)} ${series.slice(2)}` : series;

export function validatePersonalData(input: PersonalDataInput, rules: ValidationRules): ValidationResult {
  const errors: FieldError[] = [];
  const fail = (field: PersonalDataField, message: string) => errors.push({ field, message });

  const serial = dropSeparators(input.passportSeries);
  if (serial === "") fail("passportSeries", "Укажите серию паспорта");
  else if (!/^\d{4}$/.test(serial)) fail("passportSeries", "Серия паспорта — 4 цифры, например 45 09");

  const number = dropSeparators(input.passportNumber);
  if (number === "") fail("passportNumber", "Укажите номер паспорта");
  else if (!/^\d{6}$/.test(number)) fail("passportNumber", "Номер паспорта — 6 цифр, например 123456");

  const passDate = parseDate(input.passportIssueDate);
  const passDateError = issueDateError(input.passportIssueDate, passDate, rules);
  if (passDateError) fail("passportIssueDate", passDateError);

  const passOrg = (input.passportIssuedBy ?? "").trim().replace(/\s+/g, " ");
  if (passOrg === "") fail("passportIssuedBy", "Укажите, кем выдан паспорт, так же как в паспорте");
  else if (passOrg.length < 3)
    fail("passportIssuedBy", "Название органа, выдавшего паспорт, слишком короткое");

  const codeOrg = dropSeparators(input.passportDivisionCode);
  if (codeOrg === "") fail("passportDivisionCode", "Укажите код подразделения");
  else if (!/^\d{6}$/.test(codeOrg))
    fail("passportDivisionCode", "Код подразделения — 6 цифр, например 770-001");

  const inn = dropSeparators(input.inn);
  if (inn !== "") {
    const checked = checkIdentifier("innPerson", inn);
    if (/^\d{10}$/.test(inn)) fail("inn", "Это ИНН организации. Укажите ИНН физического лица — 12 цифр");
    else if (!checked.ok) fail("inn", checked.message);
  }

  const snils = rules.snilsEditable ? dropSeparators(input.snils) : "";
  if (snils !== "") {
    const checked = checkIdentifier("snils", snils);
    if (!checked.ok) fail("snils", checked.message);
  }

  if (errors.length > 0 || passDate === undefined) return { ok: false, errors };
  return {
    ok: true,
    value: {
      passport: { serial, number, passDate, passOrg, codeOrg: formatDivisionCode(codeOrg) },
      inn: inn === "" ? null : inn,
      ...(snils === "" ? {} : { snils }),
    },
  };
}

function issueDateError(raw: string | undefined, date: string | undefined, rules: ValidationRules) {
  if ((raw ?? "").trim() === "") return "Укажите дату выдачи паспорта";
  if (date === undefined) return "Дата выдачи должна быть настоящей датой в формате ДД.ММ.ГГГГ";
  if (daysBetween(rules.today, date) > 0) return "Дата выдачи не может быть позже сегодняшнего дня";
  // The internal passport is issued from the age of 14.
  if (rules.birthDate && daysBetween(addYears(rules.birthDate, 14), date) < 0) {
    return "Паспорт выдаётся с 14 лет: проверьте дату выдачи";
  }
  return undefined;
}
