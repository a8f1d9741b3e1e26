import assert from "node:assert/strict";
import { test } from "node:test";
import {
  formatSnils,
  isValidInn,
  isValidKpp,
  isValidOgrn,
  isValidSnils,
  maskSnils,
  normalizeSnils,
} from "./identifiers.ts";

test("СНИЛС check digits follow the published vectors, including the 100/101 edges", () => {
  for (const valid of [
    "112-233-445 95",
    "148-481-255 85",
    "002-008-999 00",
    "464-460-495 00",
    "11223344595",
  ]) {
    assert.equal(isValidSnils(valid), true, valid);
  }
  for (const invalid of ["112-233-445 96", "1122334459", "abc-def-ghi jk"]) {
    assert.equal(isValidSnils(invalid), false, invalid);
  }
});

test("СНИЛС is normalised to digits and shown formatted or masked", () => {
  assert.equal(normalizeSnils(" 112-233 445-95 "), "11223344595");
  assert.equal(formatSnils("11223344595"), "112-233-445 95");
  assert.equal(maskSnils("11223344595"), "***-***-*45 95");
});

test("ИНН of organizations and persons", () => {
  assert.equal(isValidInn("7707083893"), true);
  assert.equal(isValidInn("123456789047"), true);
  assert.equal(isValidInn("7707083894"), false);
  assert.equal(isValidInn("123456789048"), false);
});

test("ОГРН uses mod 11 and ОГРНИП mod 13, each then mod 10", () => {
  for (const valid of ["1027700132195", "304500102100082", "304500102100071"])
    assert.equal(isValidOgrn(valid), true);
  for (const invalid of ["1027700132194", "304500102100070"]) assert.equal(isValidOgrn(invalid), false);
});

test("КПП format", () => {
  assert.equal(isValidKpp("773601001"), true);
  assert.equal(isValidKpp("7736AB001"), true);
  assert.equal(isValidKpp("77360100"), false);
});
