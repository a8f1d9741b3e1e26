import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { dropSeparators, parseDate, validatePersonalData } from "./personal-data.validation.ts";

const rules = { snilsEditable: true, today: "2026-11-21", birthDate: "1985-03-14" };
const valid = {
  passportSeries: "45 09",
  passportNumber: "123 401",
  passportIssueDate: "2005-04-20",
  passportIssuedBy: "  ГУ МВД России   по г. Москве ",
  passportDivisionCode: "770 001",
  inn: "1234-5678-9047",
  snils: "112-233-445 95",
};

const errorsOf = (input: Record<string, string>, overrides = rules) => {
  const result = validatePersonalData(input, overrides);
  assert.equal(result.ok, false, "expected a validation failure");
  return result.ok ? {} : Object.fromEntries(result.errors.map((error) => [error.field, error.message]));
};

describe("normalisation", () => {
  test("spaces, non-breaking spaces and every kind of dash are dropped", () => {
    assert.equal(dropSeparators(" 45\u00a009 – 12-34—5 "), "450912345");
  });

  test("valid input is stored as digits, the division code as NNN-NNN and the issuer trimmed", () => {
    const result = validatePersonalData(valid, rules);
    assert.ok(result.ok);
    assert.deepEqual(result.value, {
      passport: {
        serial: "4509",
        number: "123401",
        passDate: "2005-04-20",
        passOrg: "ГУ МВД России по г. Москве",
        codeOrg: "770-001",
      },
      inn: "123456789047",
      snils: "11223344595",
    });
  });

  test("dates are read as ISO (date inputs) or as ДД.ММ.ГГГГ, and impossible dates are refused", () => {
    assert.equal(parseDate("2005-04-20"), "2005-04-20");
    assert.equal(parseDate("20.04.2005"), "2005-04-20");
    assert.equal(parseDate("31.02.2005"), undefined);
    assert.equal(parseDate("2005-13-01"), undefined);
    assert.equal(parseDate("20/04/2005"), undefined);
  });

  test("an empty ИНН clears it; СНИЛС is ignored when the register already has one", () => {
    const result = validatePersonalData(
      { ...valid, inn: " ", snils: "garbage" },
      { ...rules, snilsEditable: false },
    );
    assert.ok(result.ok);
    assert.equal(result.value.inn, null);
    assert.equal(result.value.snils, undefined);
  });
});

describe("passport", () => {
  test("the series is 4 digits and the number 6", () => {
    const errors = errorsOf({ ...valid, passportSeries: "450", passportNumber: "12345A" });
    assert.match(errors.passportSeries ?? "", /4 цифры/);
    assert.match(errors.passportNumber ?? "", /6 цифр/);
  });

  test("every passport field is required", () => {
    const errors = errorsOf({});
    assert.deepEqual(Object.keys(errors), [
      "passportSeries",
      "passportNumber",
      "passportIssueDate",
      "passportIssuedBy",
      "passportDivisionCode",
    ]);
  });

  test("the division code is NNN-NNN", () => {
    assert.match(
      errorsOf({ ...valid, passportDivisionCode: "77-0001a" }).passportDivisionCode ?? "",
      /770-001/,
    );
  });

  test("the issue date is a real date, not in the future and not before the age of 14", () => {
    assert.match(
      errorsOf({ ...valid, passportIssueDate: "30.02.2010" }).passportIssueDate ?? "",
      /ДД\.ММ\.ГГГГ/,
    );
    assert.match(
      errorsOf({ ...valid, passportIssueDate: "2026-11-22" }).passportIssueDate ?? "",
      /позже сегодняшнего/,
    );
    assert.match(errorsOf({ ...valid, passportIssueDate: "1999-03-13" }).passportIssueDate ?? "", /с 14 лет/);
    assert.ok(
      validatePersonalData({ ...valid, passportIssueDate: "1999-03-14" }, rules).ok,
      "the 14th birthday itself",
    );
    assert.ok(validatePersonalData({ ...valid, passportIssueDate: "2026-11-21" }, rules).ok, "today");
  });
});

describe("ИНН and СНИЛС check digits", () => {
  test("a person's ИНН must pass both check digits", () => {
    assert.match(errorsOf({ ...valid, inn: "123456789048" }).inn ?? "", /контрольное число/);
  });

  test("an organisation's 10-digit ИНН is explained, other lengths too", () => {
    assert.match(errorsOf({ ...valid, inn: "7707083893" }).inn ?? "", /ИНН организации/);
    assert.match(errorsOf({ ...valid, inn: "12345" }).inn ?? "", /12 цифр/);
  });

  test("СНИЛС must pass its control number", () => {
    assert.match(errorsOf({ ...valid, snils: "112-233-445 96" }).snils ?? "", /контрольное число/);
    assert.match(errorsOf({ ...valid, snils: "112 233" }).snils ?? "", /11 цифр/);
    for (const snils of ["148-481-255 85", "002-008-999 00", "464-460-495 00"]) {
      assert.ok(validatePersonalData({ ...valid, snils }, rules).ok, snils);
    }
  });
});
