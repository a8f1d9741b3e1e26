// The forms of delegated access: a grant of rights for a period, and a representative's appointment.
// Pure; dates are Moscow calendar dates `YYYY-MM-DD`.
import { formatDate } from "../../shared/format.ts";
import { checkIdentifier } from "../../shared/identifier-checks.ts";
import { normalizeSnils } from "../../shared/identifiers.ts";
import type { FieldError } from "../../ui/form.tsx";
import { addYears } from "../register/expiry.ts";
import { parseDate } from "../register/personal-data.validation.ts";
import { isRight, type Right } from "./access.rights.ts";

export interface GrantInput {
  snils?: string;
  fullName?: string;
  rights?: string | string[];
  startsOn?: string;
  endsOn?: string;
}

export interface GrantValue {
  snils: string;
  fullName: string;
  rights: Right[];
  startsOn: string;
  endsOn: string;
}

const personName = /^[А-ЯЁа-яё][А-ЯЁа-яё' -]*[А-ЯЁа-яё]$/;

/** At most this long: access for a period, renewed deliberately rather than forgotten. */
export const MAX_GRANT_YEARS = 1;

export function checkSnils(value: string | undefined, errors: FieldError[], field = "snils"): string {
  const snils = normalizeSnils(value ?? "");
  const checked = checkIdentifier("snils", snils ?? "");
  if (!snils) errors.push({ field, message: "Укажите СНИЛС: 11 цифр, например 112-233-445 95." });
  else if (!checked.ok) errors.push({ field, message: checked.message });
  return snils ?? "";
}

export function checkFullName(value: string | undefined, errors: FieldError[], field = "fullName"): string {
  const name = (value ?? "").trim().replace(/\s+/g, " ");
  if (name.split(" ").length < 2 || !personName.test(name)) {
    errors.push({ field, message: "Укажите фамилию, имя и отчество (при наличии) кириллицей." });
  }
  return name;
}

export function validateGrant(
  input: GrantInput,
  today: string,
): { ok: true; value: GrantValue } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const snils = checkSnils(input.snils, errors);
  const fullName = checkFullName(input.fullName, errors);
  const chosen = [input.rights ?? []].flat();
  const rights = [...new Set(chosen.filter(isRight))];
  if (rights.length === 0 || rights.length !== chosen.length)
    errors.push({ field: "rights", message: "Отметьте хотя бы одно право из списка." });
  const startsOn = parseDate(input.startsOn);
  const endsOn = parseDate(input.endsOn);
  if (!startsOn) errors.push({ field: "startsOn", message: "Укажите дату начала в формате ДД.ММ.ГГГГ." });
  else if (startsOn < today)
    errors.push({ field: "startsOn", message: "Дата начала не может быть раньше сегодняшнего дня." });
  if (!endsOn) errors.push({ field: "endsOn", message: "Укажите дату окончания в формате ДД.ММ.ГГГГ." });
  else if (startsOn && endsOn < startsOn)
    errors.push({ field: "endsOn", message: "Дата окончания не может быть раньше даты начала." });
  else if (startsOn && endsOn > addYears(startsOn, MAX_GRANT_YEARS)) {
    errors.push({
      field: "endsOn",
      message: `Права выдаются не больше чем на год: до ${formatDate(addYears(startsOn, MAX_GRANT_YEARS))} включительно.`,
    });
  }
  if (errors.length > 0 || !startsOn || !endsOn) return { ok: false, errors };
  return { ok: true, value: { snils, fullName, rights, startsOn, endsOn } };
}
