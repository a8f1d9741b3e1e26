// Comparison of the register's identity data with what ESIA says (W5), field by field. Pure: the
// page decides what the person should do about each difference.
import type { EsiaPerson } from "../../esia/identity-provider.ts";
import type { IdentityDocumentRow, PersonRow } from "./register.repository.ts";

export interface IdentityFacts {
  lastName?: string | undefined;
  firstName?: string | undefined;
  middleName?: string | undefined;
  birthDate?: string | undefined;
  snils?: string | undefined;
  inn?: string | undefined;
  passportSeries?: string | undefined;
  passportNumber?: string | undefined;
  passportIssueDate?: string | undefined;
  passportIssuedBy?: string | undefined;
  passportDivisionCode?: string | undefined;
}

export type FactField = keyof IdentityFacts;

export const factFields: readonly FactField[] = [
  "lastName",
  "firstName",
  "middleName",
  "birthDate",
  "snils",
  "inn",
  "passportSeries",
  "passportNumber",
  "passportIssueDate",
  "passportIssuedBy",
  "passportDivisionCode",
];

export type ComparisonState = "match" | "mismatch" | "missing-in-register" | "missing-in-esia" | "missing";

export interface FieldComparison {
  field: FactField;
  state: ComparisonState;
  esia: string | undefined;
  register: string | undefined;
}

const digits = (value: string) => value.replace(/\D/g, "");
const words = (value: string) => value.trim().replace(/\s+/g, " ").toLocaleLowerCase("ru");
// Issuers are written with varying spaces, dots and case: «ГУ МВД России по г. Москве» = «ГУ МВД РОССИИ ПО Г.МОСКВЕ».
const lettersAndDigits = (value: string) => value.toLocaleUpperCase("ru").replace(/[^\p{L}\p{N}]/gu, "");

const comparable: Record<FactField, (value: string) => string> = {
  lastName: words,
  firstName: words,
  middleName: words,
  birthDate: (value) => value,
  snils: digits,
  inn: digits,
  passportSeries: digits,
  passportNumber: digits,
  passportIssueDate: (value) => value,
  passportIssuedBy: lettersAndDigits,
  passportDivisionCode: digits,
};

const present = (value: string | undefined): value is string => value !== undefined && value.trim() !== "";

export function compareWithEsia(esia: IdentityFacts, register: IdentityFacts): FieldComparison[] {
  return factFields.map((field) => {
    const fromEsia = esia[field];
    const fromRegister = register[field];
    const inEsia = present(fromEsia);
    const inRegister = present(fromRegister);
    let state: ComparisonState;
    if (inEsia && inRegister) {
      state = comparable[field](fromEsia) === comparable[field](fromRegister) ? "match" : "mismatch";
    } else if (inEsia) state = "missing-in-register";
    else if (inRegister) state = "missing-in-esia";
    else state = "missing";
    return {
      field,
      state,
      esia: inEsia ? fromEsia : undefined,
      register: inRegister ? fromRegister : undefined,
    };
  });
}

/** ESIA's identity data; the passport is the Russian internal one (RF_PASSPORT). */
export function esiaFacts(person: EsiaPerson): IdentityFacts {
  const passport = person.documents.find((document) => document.type === "RF_PASSPORT");
  return {
    lastName: person.lastName,
    firstName: person.firstName,
    middleName: person.middleName,
    birthDate: person.birthDate,
    snils: person.snils,
    inn: person.inn,
    passportSeries: passport?.series,
    passportNumber: passport?.number,
    passportIssueDate: passport?.issueDate,
    passportIssuedBy: passport?.issuedBy,
    passportDivisionCode: passport?.divisionCode,
  };
}

export function countMismatches(comparisons: readonly FieldComparison[]): number {
  return comparisons.filter((comparison) => comparison.state === "mismatch").length;
}

/** The register's identity data: the person and their Russian passport. */
export function registerFacts(
  person: Pick<PersonRow, "lastName" | "firstName" | "patronymic" | "birthDate" | "snils" | "inn">,
  passport: Pick<IdentityDocumentRow, "serial" | "number" | "passDate" | "passOrg" | "codeOrg"> | undefined,
): IdentityFacts {
  const value = (text: string | null | undefined) => text ?? undefined;
  return {
    lastName: person.lastName,
    firstName: person.firstName,
    middleName: value(person.patronymic),
    birthDate: value(person.birthDate),
    snils: value(person.snils),
    inn: value(person.inn),
    passportSeries: value(passport?.serial),
    passportNumber: value(passport?.number),
    passportIssueDate: value(passport?.passDate),
    passportIssuedBy: value(passport?.passOrg),
    passportDivisionCode: value(passport?.codeOrg),
  };
}
