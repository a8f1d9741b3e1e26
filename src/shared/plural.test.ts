import assert from "node:assert/strict";
import { test } from "node:test";
import { counted, nouns, plural } from "./plural.ts";

test("the noun agrees with the number", () => {
  assert.equal(counted(144, nouns.academicHour), "144 академических часа");
  assert.equal(counted(1, nouns.day), "1 день");
  assert.equal(counted(5, nouns.day), "5 дней");
  assert.equal(counted(11, nouns.day), "11 дней");
  assert.equal(counted(21, nouns.day), "21 день");
  assert.equal(counted(22, nouns.day), "22 дня");
  assert.equal(counted(112, nouns.day), "112 дней");
  assert.equal(counted(0, nouns.file), "0 файлов");
  assert.equal(counted(1000, nouns.row), `${(1000).toLocaleString("ru-RU")} строк`);
  assert.equal(plural(1.5, ["ставка", "ставки", "ставок"]), "ставки");
});
