// One validator for every form that takes a Russian identifier: it normalises the input and says,
// in the words a person understands, what is wrong with it (domain/frmr.md §9).
import { isValidInn, isValidKpp, isValidOgrn, isValidSnils } from "./identifiers.ts";

export type IdentifierKind =
  | "snils"
  /** ИНН of an organization (10 digits). */
  | "innOrganization"
  /** ИНН of a person or an entrepreneur (12 digits). */
  | "innPerson"
  /** Either kind of ИНН. */
  | "inn"
  | "ogrn"
  | "ogrnip"
  /** ОГРН or ОГРНИП, told apart by length. */
  | "ogrnAny"
  | "kpp";

export type IdentifierCheck = { ok: true; value: string } | { ok: false; message: string };

const CHECKSUM = "контрольное число не сходится. Проверьте цифры.";

const SHAPE: Record<IdentifierKind, string> = {
  snils: "СНИЛС состоит из 11 цифр, например 112-233-445 95.",
  innOrganization: "ИНН организации состоит из 10 цифр.",
  innPerson: "ИНН физического лица или предпринимателя состоит из 12 цифр.",
  inn: "ИНН состоит из 10 цифр (организация) или из 12 цифр (физическое лицо, предприниматель).",
  ogrn: "ОГРН состоит из 13 цифр.",
  ogrnip: "ОГРНИП состоит из 15 цифр.",
  ogrnAny: "ОГРН состоит из 13 цифр, ОГРНИП — из 15.",
  kpp: "КПП состоит из 9 знаков: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры.",
};

const LENGTHS: Record<IdentifierKind, readonly number[]> = {
  snils: [11],
  innOrganization: [10],
  innPerson: [12],
  inn: [10, 12],
  ogrn: [13],
  ogrnip: [15],
  ogrnAny: [13, 15],
  kpp: [9],
};

/** Spaces, dashes and brackets are how people write these numbers; they carry no meaning. */
export const dropIdentifierSeparators = (raw: string): string => raw.replace(/[\s\-()]/g, "");

export function checkIdentifier(kind: IdentifierKind, raw: string | undefined): IdentifierCheck {
  const value = dropIdentifierSeparators(raw ?? "").toUpperCase();
  const shapeOk = kind === "kpp" ? /^[\dA-Z]+$/.test(value) : /^\d+$/.test(value);
  if (!shapeOk || !LENGTHS[kind].includes(value.length)) return { ok: false, message: SHAPE[kind] };
  if (kind === "kpp") return isValidKpp(value) ? { ok: true, value } : { ok: false, message: SHAPE.kpp };
  if (kind === "snils") return verdict(isValidSnils(value), value, `В СНИЛС ошибка: ${CHECKSUM}`);
  if (kind === "inn" || kind === "innOrganization" || kind === "innPerson")
    return verdict(isValidInn(value), value, `В ИНН ошибка: ${CHECKSUM}`);
  const ogrnip = value.length === 15;
  const name = ogrnip ? "ОГРНИП" : "ОГРН";
  // The first digit is the kind of record: 1 or 5 for a legal entity, 3 for an entrepreneur.
  if (ogrnip ? value[0] !== "3" : value[0] !== "1" && value[0] !== "5") {
    return {
      ok: false,
      message: ogrnip ? "ОГРНИП начинается с цифры 3." : "ОГРН начинается с цифры 1 или 5.",
    };
  }
  return verdict(isValidOgrn(value), value, `В ${name} ошибка: ${CHECKSUM}`);
}

function verdict(valid: boolean, value: string, message: string): IdentifierCheck {
  return valid ? { ok: true, value } : { ok: false, message };
}
