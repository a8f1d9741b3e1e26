import assert from "node:assert/strict";
import { test } from "node:test";
import { compareWithEsia, countMismatches, type IdentityFacts } from "./mismatch.ts";

const esia: IdentityFacts = {
  lastName: "Иванова",
  firstName: "Мария",
  middleName: "Петровна",
  birthDate: "1985-03-14",
  snils: "11223344595",
  inn: "123456789047",
  passportSeries: "4509",
  passportNumber: "123401",
  passportIssueDate: "2005-04-20",
  passportIssuedBy: "ГУ МВД России по г. Москве",
  passportDivisionCode: "770-001",
};

const stateOf = (register: IdentityFacts, field: keyof IdentityFacts, esiaFacts = esia) =>
  compareWithEsia(esiaFacts, register).find((comparison) => comparison.field === field)?.state;

test("the same data written differently is a match", () => {
  const register: IdentityFacts = {
    ...esia,
    lastName: " ИВАНОВА ",
    middleName: "Петровна",
    snils: "112-233-445 95",
    passportSeries: "45 09",
    passportIssuedBy: "ГУ МВД РОССИИ ПО Г.МОСКВЕ",
    passportDivisionCode: "770001",
  };
  const comparisons = compareWithEsia(esia, register);
  assert.ok(
    comparisons.every((comparison) => comparison.state === "match"),
    JSON.stringify(comparisons),
  );
  assert.equal(countMismatches(comparisons), 0);
});

test("a different value is a mismatch on its own field, with both values kept for display", () => {
  const comparisons = compareWithEsia(esia, { ...esia, passportNumber: "123410", birthDate: "1985-03-15" });
  const mismatches = comparisons.filter((comparison) => comparison.state === "mismatch");
  assert.deepEqual(
    mismatches.map((comparison) => [comparison.field, comparison.esia, comparison.register]),
    [
      ["birthDate", "1985-03-14", "1985-03-15"],
      ["passportNumber", "123401", "123410"],
    ],
  );
  assert.equal(countMismatches(comparisons), 2);
});

test("ё and е are different letters: the register must match the document exactly", () => {
  assert.equal(
    stateOf({ ...esia, firstName: "Пётр" }, "firstName", { ...esia, firstName: "Петр" }),
    "mismatch",
  );
});

test("a value on one side only is not a mismatch but says which side lacks it", () => {
  assert.equal(stateOf({ ...esia, inn: undefined }, "inn"), "missing-in-register");
  assert.equal(stateOf({ ...esia, inn: "  " }, "inn"), "missing-in-register");
  assert.equal(stateOf(esia, "inn", { ...esia, inn: undefined }), "missing-in-esia");
  assert.equal(
    stateOf({ ...esia, middleName: undefined }, "middleName", { ...esia, middleName: undefined }),
    "missing",
  );
  assert.equal(countMismatches(compareWithEsia({}, esia)), 0);
});
