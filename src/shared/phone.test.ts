import assert from "node:assert/strict";
import { test } from "node:test";
import { assertRefusesAll } from "../test-support/refusals.ts";
import { formatPhone, maskPhone, normalizePhone } from "./phone.ts";

test("every usual way of writing a Russian number normalises to +7XXXXXXXXXX", () => {
  for (const written of [
    "+79001000001",
    "+7 900 100-00-01",
    "+7 (900) 100-00-01",
    "8 900 100-00-01",
    "8(900)1000001",
    "89001000001",
    "79001000001",
    "9001000001",
    " 8-900-100-00-01 ",
    "+7(900)1000001",
    "8.900.100.00.01",
    "8\u00a0900\u00a0100\u201100\u201101",
  ]) {
    assert.equal(normalizePhone(written), "+79001000001", written);
  }
  assert.equal(normalizePhone("8 (495) 123-45-67"), "+74951234567");
});

test("anything that is not a Russian number is rejected", () => {
  assertRefusesAll(normalizePhone, [
    "",
    "+1 900 100 00 01",
    "900100000",
    "890010000012",
    "+7900100000a",
    "maria@example.org",
    "++79001000001",
    "+7 100 100-00-01",
    "112-233-445 95",
  ]);
});

test("numbers are shown grouped and can be masked", () => {
  assert.equal(formatPhone("+79001000001"), "+7 900 100-00-01");
  assert.equal(maskPhone("+79001000001"), "+7 *** ***-00-01");
});
