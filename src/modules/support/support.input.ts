// Reading and checking the request form: the fields a sender fills in, with a Russian message for
// each problem, shown on the field and in the error summary.
import { isValidInn, isValidSnils, normalizeSnils } from "../../shared/identifiers.ts";
import { isRequestKind, type RequestKind } from "./support.status.ts";

export interface FieldProblem {
  field: string;
  message: string;
}

export type Values = Record<string, string | undefined>;

export interface RequestFields {
  kind: RequestKind;
  errorText: string;
  errorCode: string | null;
  attemptAt: Date | null;
  description: string;
}

export interface PublicSender {
  name: string;
  snils: string | null;
  inn: string | null;
  email: string;
}

export const MAX_ATTACHMENTS = 3;
const MAX_TEXT = 4000;
const MAX_ERROR_TEXT = 1000;

/** `ДД.ММ.ГГГГ ЧЧ:ММ` in Moscow time, or an ISO time (the failure page passes one). */
export function parseAttemptTime(text: string): Date | undefined {
  const local = /^(\d{2})\.(\d{2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (local) {
    const [, day, month, year, hour = "0", minute = "00"] = local;
    const date = new Date(`${year}-${month}-${day}T${hour.padStart(2, "0")}:${minute}:00+03:00`);
    return Number.isNaN(date.getTime()) || date.getUTCDate() === 0 ? undefined : date;
  }
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/.test(text.trim())) {
    const date = new Date(text.trim());
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

/** Error codes as the catalogue writes them; anything else from the address is dropped. */
export const cleanErrorCode = (value: string | undefined): string | null =>
  value && /^[A-Z][A-Z0-9_]{1,40}$/.test(value) ? value : null;

export function readRequestFields(
  values: Values,
  now: Date,
): { fields?: RequestFields; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const kind = values.kind;
  if (!isRequestKind(kind)) problems.push({ field: "kind", message: "Выберите тему обращения." });
  const description = (values.description ?? "").trim();
  if (description.length === 0)
    problems.push({ field: "description", message: "Опишите, что произошло и что вы делали перед ошибкой." });
  else if (description.length > MAX_TEXT)
    problems.push({ field: "description", message: `Описание длиннее ${MAX_TEXT} символов. Сократите его.` });
  const errorText = (values.errorText ?? "").trim();
  if (errorText.length > MAX_ERROR_TEXT)
    problems.push({ field: "errorText", message: `Текст ошибки длиннее ${MAX_ERROR_TEXT} символов.` });
  let attemptAt: Date | null = null;
  const attemptText = (values.attemptAt ?? "").trim();
  if (attemptText) {
    const parsed = parseAttemptTime(attemptText);
    if (!parsed)
      problems.push({
        field: "attemptAt",
        message: "Укажите дату и время попытки в виде ДД.ММ.ГГГГ ЧЧ:ММ, например 21.11.2026 14:05.",
      });
    else if (parsed.getTime() > now.getTime() + 5 * 60_000)
      problems.push({ field: "attemptAt", message: "Дата и время попытки не могут быть в будущем." });
    else attemptAt = parsed;
  }
  if (problems.length > 0 || !isRequestKind(kind)) return { problems };
  return {
    fields: { kind, errorText, errorCode: cleanErrorCode(values.errorCode), attemptAt, description },
    problems,
  };
}

const emailPattern = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** The public form's sender: ФИО, СНИЛС or ИНН, and the e-mail for the answer. */
export function readPublicSender(values: Values): { sender?: PublicSender; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const name = (values.name ?? "").trim().replace(/\s+/g, " ");
  if (name.length < 3 || name.length > 200)
    problems.push({ field: "name", message: "Укажите фамилию, имя и отчество (при наличии)." });
  const identifier = (values.identifier ?? "").replace(/[\s-]/g, "");
  let snils: string | null = null;
  let inn: string | null = null;
  if (identifier.length === 11 && isValidSnils(normalizeSnils(identifier) ?? "")) snils = identifier;
  else if ((identifier.length === 10 || identifier.length === 12) && isValidInn(identifier)) inn = identifier;
  else
    problems.push({
      field: "identifier",
      message: "Укажите СНИЛС (11 цифр) или ИНН (10 или 12 цифр) без ошибок: проверьте контрольные цифры.",
    });
  const email = (values.email ?? "").trim();
  if (!emailPattern.test(email) || email.length > 254)
    problems.push({ field: "email", message: "Укажите адрес электронной почты, например ivanova@mail.ru." });
  if (problems.length > 0) return { problems };
  return { sender: { name, snils, inn, email }, problems };
}
