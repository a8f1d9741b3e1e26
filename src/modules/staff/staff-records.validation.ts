// Education, certificates and qualification categories entered by the organization for its staff
// (O17), checked against the dictionaries and ДПО minimums (ПК ≥ 16 h, ПП ≥ 250 h). Pure.
import type { FieldError } from "../../ui/form.tsx";
import { addYears } from "../register/expiry.ts";
import { parseDate } from "../register/personal-data.validation.ts";
import { codeAndName } from "../register/register.dictionaries.ts";
import { type Input, inDictionary } from "./staff.validation.ts";

type Check<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };
type Pair = { code: string; name: string };

export const educationTables = {
  higher: "prof",
  bachelor: "prof",
  master: "prof",
  secondary: "prof",
  residency: "postgraduate",
  internship: "postgraduate",
  postgraduate: "postgraduate",
  "advanced-training": "ext",
  retraining: "ext",
} as const;

const minimumHours: Record<string, number> = { "advanced-training": 16, retraining: 250 };

export interface EducationValue {
  table: (typeof educationTables)[keyof typeof educationTables];
  kind: Pair;
  institutionName: string;
  docSerial: string | null;
  docNumber: string | null;
  docDate: string;
  specialty: Pair | null;
  hoursCount: number | null;
  theme: string | null;
}

function text(input: Input, field: string, max = 300): string | null {
  const value = (input[field] ?? "").trim();
  return value ? value.slice(0, max) : null;
}

function optionalSpecialty(input: Input, errors: FieldError[]): Pair | null {
  if (!input.specId) return null;
  if (!inDictionary("specialties", input.specId)) {
    errors.push({ field: "specId", message: "Выберите специальность из справочника." });
    return null;
  }
  return codeAndName("specialties", input.specId);
}

function requiredDate(
  input: Input,
  field: string,
  label: string,
  today: string,
  errors: FieldError[],
): string | undefined {
  const value = parseDate(input[field]);
  if (!value) errors.push({ field, message: `${label} — в формате ДД.ММ.ГГГГ.` });
  else if (value > today) errors.push({ field, message: `${label} не может быть в будущем.` });
  return value;
}

export function checkEducation(input: Input, today: string): Check<EducationValue> {
  const errors: FieldError[] = [];
  const kindCode = input.kind ?? "";
  const table = educationTables[kindCode as keyof typeof educationTables];
  if (!table) errors.push({ field: "kind", message: "Выберите вид образования." });
  const institutionName = text(input, "institutionName");
  if (!institutionName)
    errors.push({ field: "institutionName", message: "Укажите образовательную организацию." });
  const docDate = requiredDate(input, "docDate", "Дата документа", today, errors);
  const specialty = optionalSpecialty(input, errors);
  let hoursCount: number | null = null;
  const minimum = minimumHours[kindCode];
  if (minimum !== undefined) {
    hoursCount = /^\d{1,4}$/.test((input.hoursCount ?? "").trim()) ? Number(input.hoursCount) : null;
    if (hoursCount === null)
      errors.push({ field: "hoursCount", message: "Укажите количество академических часов." });
    else if (hoursCount < minimum) {
      errors.push({
        field: "hoursCount",
        message: `Программа такого вида — не меньше ${minimum} академических часов.`,
      });
    }
  }
  if (errors.length > 0 || !table || !institutionName || !docDate) return { ok: false, errors };
  return {
    ok: true,
    value: {
      table,
      kind: codeAndName("educationKinds", kindCode),
      institutionName,
      docSerial: text(input, "docSerial", 20),
      docNumber: text(input, "docNumber", 40),
      docDate,
      specialty,
      hoursCount,
      theme: table === "ext" ? text(input, "theme") : null,
    },
  };
}

export interface CertificateValue {
  certSerial: string | null;
  certNumber: string;
  passDate: string;
  endDate: string;
  institutionName: string | null;
  specialty: Pair;
}

/** A specialist certificate runs five years from issue unless the form says otherwise. */
export function checkCertificate(input: Input, today: string): Check<CertificateValue> {
  const errors: FieldError[] = [];
  const certNumber = text(input, "certNumber", 40);
  if (!certNumber) errors.push({ field: "certNumber", message: "Укажите номер сертификата." });
  const passDate = requiredDate(input, "passDate", "Дата выдачи", today, errors);
  const endDate = input.endDate?.trim() ? parseDate(input.endDate) : passDate && addYears(passDate, 5);
  if (!endDate) errors.push({ field: "endDate", message: "Дата окончания — в формате ДД.ММ.ГГГГ." });
  else if (passDate && endDate <= passDate)
    errors.push({ field: "endDate", message: "Окончание должно быть позже даты выдачи." });
  const specialty =
    input.specId && inDictionary("specialties", input.specId)
      ? codeAndName("specialties", input.specId)
      : null;
  if (!specialty) errors.push({ field: "specId", message: "Выберите специальность из справочника." });
  if (errors.length > 0 || !certNumber || !passDate || !endDate || !specialty) return { ok: false, errors };
  return {
    ok: true,
    value: {
      certSerial: text(input, "certSerial", 20),
      certNumber,
      passDate,
      endDate,
      institutionName: text(input, "institutionName"),
      specialty,
    },
  };
}

export interface CategoryValue {
  category: Pair;
  beginDate: string;
  endDate: string;
  specialty: Pair | null;
  position: Pair | null;
}

/** A qualification category is awarded for five years. */
export function checkCategory(input: Input, today: string): Check<CategoryValue> {
  const errors: FieldError[] = [];
  const category =
    input.categoryId && inDictionary("qualificationCategories", input.categoryId)
      ? codeAndName("qualificationCategories", input.categoryId)
      : null;
  if (!category) errors.push({ field: "categoryId", message: "Выберите категорию." });
  const beginDate = requiredDate(input, "beginDate", "Дата присвоения", today, errors);
  const specialty = optionalSpecialty(input, errors);
  const position =
    input.postId && inDictionary("positions", input.postId) ? codeAndName("positions", input.postId) : null;
  if (errors.length > 0 || !category || !beginDate) return { ok: false, errors };
  return { ok: true, value: { category, beginDate, endDate: addYears(beginDate, 5), specialty, position } };
}
