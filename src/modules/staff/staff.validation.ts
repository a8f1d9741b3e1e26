// Checks of what the organization enters about its staff (O17): the person (СНИЛС, ФИО, birth date),
// the employment card (position from the dictionary, rate 0.25–1.5, type, dates), education,
// certificates and categories. Pure; shared by the forms and the CSV import.
import { checkIdentifier } from "../../shared/identifier-checks.ts";
import { normalizeSnils } from "../../shared/identifiers.ts";
import type { FieldError } from "../../ui/form.tsx";
import { addYears } from "../register/expiry.ts";
import { parseDate } from "../register/personal-data.validation.ts";
import { type DictionaryName, dictionaries } from "../register/register.dictionaries.ts";

export const MIN_RATE = 0.25;
export const MAX_RATE = 1.5;

export type Input = Record<string, string | undefined>;
type Check<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const namePart = /^[А-ЯЁа-яё]+(?:[-' ][А-ЯЁа-яё]+)*$/;

export function inDictionary(dictionary: DictionaryName, code: string | undefined): boolean {
  return dictionaries[dictionary].entries.some((entry) => entry.code === code);
}

/**
 * The positions by code and by lower-case name (the first entry with that code or name wins, as a
 * search in order would find it). Built once: lower-casing every name again for every line of a
 * 5 000-line file was most of the import's check.
 */
const positionsByKey = (() => {
  const keys = new Map<string, string>();
  for (const entry of dictionaries.positions.entries)
    for (const key of [entry.code, entry.name.toLocaleLowerCase("ru")])
      if (!keys.has(key)) keys.set(key, entry.code);
  return keys;
})();

/** A position by its code or, as people write it in files, by its name in any case. */
export function positionCode(value: string | undefined): string | undefined {
  return positionsByKey.get((value ?? "").trim().toLocaleLowerCase("ru"));
}

export function positionTypeCode(value: string | undefined): string | undefined {
  const text = (value ?? "").trim().toLocaleLowerCase("ru");
  if (text === "main" || text.startsWith("основн")) return "main";
  if (text === "part-time" || text.startsWith("совмест")) return "part-time";
  return undefined;
}

/** `1`, `0,5`, `0.75` → number; undefined when not a number. */
export function parseRate(value: string | undefined): number | undefined {
  const text = (value ?? "").trim().replace(",", ".");
  return /^\d+(\.\d{1,2})?$/.test(text) ? Number(text) : undefined;
}

export interface PersonValue {
  snils: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  birthDate: string | null;
  gender: "M" | "F" | null;
}

export function checkPerson(input: Input, today: string): Check<PersonValue> {
  const errors: FieldError[] = [];
  const snils = normalizeSnils(input.snils ?? "");
  const snilsCheck = checkIdentifier("snils", snils ?? "");
  if (!snils) errors.push({ field: "snils", message: "Укажите СНИЛС: 11 цифр." });
  else if (!snilsCheck.ok) errors.push({ field: "snils", message: snilsCheck.message });
  // The label as the object of «Укажите …» and as the subject of a sentence.
  const part = (field: string, [asked, named]: [string, string], required: boolean): string | null => {
    const value = (input[field] ?? "").trim();
    if (!value) {
      if (required) errors.push({ field, message: `Укажите ${asked}.` });
      return null;
    }
    if (!namePart.test(value) || value.length > 60)
      errors.push({ field, message: `${named} пишется кириллицей.` });
    return value;
  };
  const lastName = part("lastName", ["фамилию", "Фамилия"], true);
  const firstName = part("firstName", ["имя", "Имя"], true);
  const patronymic = part("patronymic", ["отчество", "Отчество"], false);
  let birthDate: string | null = null;
  if (input.birthDate?.trim()) {
    birthDate = parseDate(input.birthDate) ?? null;
    if (!birthDate) errors.push({ field: "birthDate", message: "Дата рождения — в формате ДД.ММ.ГГГГ." });
    else if (birthDate > addYears(today, -14) || birthDate < addYears(today, -100)) {
      errors.push({
        field: "birthDate",
        message: "Проверьте дату рождения: работнику должно быть от 14 до 100 лет.",
      });
    }
  }
  const genderText = (input.gender ?? "").trim().toUpperCase();
  const gender =
    genderText === "M" || genderText === "М" ? "M" : genderText === "F" || genderText === "Ж" ? "F" : null;
  if (genderText && !gender) errors.push({ field: "gender", message: "Пол — «М» или «Ж»." });
  if (errors.length > 0 || !snils || !lastName || !firstName) return { ok: false, errors };
  return { ok: true, value: { snils, lastName, firstName, patronymic, birthDate, gender } };
}

export interface CardValue {
  postId: string;
  departmentName: string | null;
  rate: number;
  positionTypeId: string;
  beginDate: string;
  endDate: string | null;
}

export function checkCard(input: Input): Check<CardValue> {
  const errors: FieldError[] = [];
  const postId = positionCode(input.postId);
  if (!postId) errors.push({ field: "postId", message: "Выберите должность из справочника." });
  const departmentName = (input.departmentName ?? "").trim() || null;
  if (departmentName && departmentName.length > 200)
    errors.push({ field: "departmentName", message: "Название подразделения — не больше 200 символов." });
  const rate = parseRate(input.rate);
  if (rate === undefined)
    errors.push({ field: "rate", message: "Укажите ставку числом, например 1 или 0,5." });
  else if (rate < MIN_RATE || rate > MAX_RATE)
    errors.push({ field: "rate", message: "Ставка — от 0,25 до 1,5." });
  const positionTypeId = positionTypeCode(input.positionTypeId);
  if (!positionTypeId)
    errors.push({ field: "positionTypeId", message: "Укажите: основное место работы или совместительство." });
  const beginDate = parseDate(input.beginDate);
  if (!beginDate) errors.push({ field: "beginDate", message: "Дата начала работы — в формате ДД.ММ.ГГГГ." });
  let endDate: string | null = null;
  if (input.endDate?.trim()) {
    endDate = parseDate(input.endDate) ?? null;
    if (!endDate) errors.push({ field: "endDate", message: "Дата окончания — в формате ДД.ММ.ГГГГ." });
    else if (beginDate && endDate < beginDate)
      errors.push({ field: "endDate", message: "Дата окончания не может быть раньше даты начала." });
  }
  if (errors.length > 0 || !postId || rate === undefined || !positionTypeId || !beginDate)
    return { ok: false, errors };
  return { ok: true, value: { postId, departmentName, rate, positionTypeId, beginDate, endDate } };
}

/** The last working day, from the dismissal form's `dismissedOn`. */
export function checkDismissal(input: Input, card: { beginDate: string }): Check<string> {
  const endDate = parseDate(input.dismissedOn);
  const field = "dismissedOn";
  if (!endDate)
    return {
      ok: false,
      errors: [{ field, message: "Укажите последний рабочий день в формате ДД.ММ.ГГГГ." }],
    };
  if (endDate < card.beginDate) {
    return {
      ok: false,
      errors: [{ field, message: "Последний рабочий день не может быть раньше начала работы." }],
    };
  }
  return { ok: true, value: endDate };
}
