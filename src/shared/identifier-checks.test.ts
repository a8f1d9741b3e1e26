// Property tests: the validators agree with the published rules (domain/frmr.md §9) on generated
// values. The rules are written here a second time, as plainly as the document states them, so
// that a slip in the production code cannot be repeated by the test.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { checkIdentifier } from "./identifier-checks.ts";
import { isValidOgrn, isValidSnils } from "./identifiers.ts";

const digitString = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(""));

function ruleSnils(value: string): boolean {
  if (Number(value.slice(0, 9)) <= 1001998) return true;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(value[i]) * (9 - i);
  let control: number;
  if (sum < 100) control = sum;
  else if (sum === 100 || sum === 101) control = 0;
  else control = sum % 101 === 100 ? 0 : sum % 101;
  return String(control).padStart(2, "0") === value.slice(9);
}

function ruleInn(value: string): boolean {
  const digit = (weights: number[]) => (weights.reduce((s, w, i) => s + w * Number(value[i]), 0) % 11) % 10;
  if (value.length === 10) return digit([2, 4, 10, 3, 5, 9, 4, 6, 8]) === Number(value[9]);
  return (
    digit([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === Number(value[10]) &&
    digit([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === Number(value[11])
  );
}

function ruleOgrn(value: string): boolean {
  const legal = value.length === 13;
  if (legal ? !["1", "5"].includes(value[0] ?? "") : value[0] !== "3") return false;
  // Long division digit by digit: no big integers, a different route to the same remainder.
  const divisor = legal ? 11 : 13;
  let remainder = 0;
  for (const ch of value.slice(0, -1)) remainder = (remainder * 10 + Number(ch)) % divisor;
  return remainder % 10 === Number(value.slice(-1));
}

const runs = { numRuns: 2000, seed: 20261201 };

test("СНИЛС: the validator agrees with the rule, numbers up to 001-001-998 need no check digits", () => {
  fc.assert(
    fc.property(digitString(11), (value) => checkIdentifier("snils", value).ok === ruleSnils(value)),
    runs,
  );
  // Low numbers were issued without check digits: any last two digits are fine.
  assert.equal(isValidSnils("001-001-998 47"), true);
  assert.equal(isValidSnils("000-000-001 99"), true);
  assert.equal(isValidSnils("001-001-999 47"), false);
});

test("ИНН of both lengths: the validator agrees with the rule", () => {
  fc.assert(
    fc.property(fc.oneof(digitString(10), digitString(12)), (value) => {
      return checkIdentifier("inn", value).ok === ruleInn(value);
    }),
    runs,
  );
});

test("ОГРН and ОГРНИП: the record-type digit and the remainder rule", () => {
  fc.assert(
    fc.property(fc.oneof(digitString(13), digitString(15)), (value) => {
      return (
        checkIdentifier("ogrnAny", value).ok === ruleOgrn(value) && isValidOgrn(value) === ruleOgrn(value)
      );
    }),
    runs,
  );
  // A wrong record type is refused by name, whatever the remainder.
  const wrongType = checkIdentifier("ogrn", "2027700132194");
  assert.equal(wrongType.ok, false);
  assert.match(wrongType.ok ? "" : wrongType.message, /начинается с цифры 1 или 5/);
  const wrongIp = checkIdentifier("ogrnip", "104500102100082");
  assert.match(wrongIp.ok ? "" : wrongIp.message, /начинается с цифры 3/);
});

test("published vectors and the messages a person reads", () => {
  for (const valid of ["112-233-445 95", "002-008-999 00", "464-460-495 00"])
    assert.deepEqual(checkIdentifier("snils", valid), { ok: true, value: valid.replace(/\D/g, "") });
  for (const [kind, value] of [
    ["innOrganization", "7707083893"],
    ["innPerson", "123456789047"],
    ["ogrn", "1027700132195"],
    ["ogrnip", "304500102100082"],
    ["ogrnip", "304500102100071"],
    ["kpp", "773601001"],
    ["kpp", "7736ab001"],
  ] as const) {
    assert.equal(checkIdentifier(kind, value).ok, true, `${kind} ${value}`);
  }
  const message = (kind: Parameters<typeof checkIdentifier>[0], value: string) => {
    const result = checkIdentifier(kind, value);
    return result.ok ? "" : result.message;
  };
  assert.equal(message("innOrganization", "123456789047"), "ИНН организации состоит из 10 цифр.");
  assert.match(message("inn", "7707083894"), /^В ИНН ошибка: контрольное число не сходится/);
  assert.match(message("ogrn", "1027700132194"), /^В ОГРН ошибка/);
  assert.match(message("ogrnip", "304500102100070"), /^В ОГРНИП ошибка/);
  assert.match(message("ogrnAny", "12345"), /13 цифр, ОГРНИП — из 15/);
  assert.match(message("kpp", "77360100"), /9 знаков/);
  assert.match(message("snils", "112-233-445 96"), /^В СНИЛС ошибка/);
});
