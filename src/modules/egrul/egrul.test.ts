import assert from "node:assert/strict";
import { test } from "node:test";
import { isValidInn, isValidKpp, isValidOgrn } from "../../shared/identifiers.ts";
import { compareWithRegister, notFoundMismatch } from "./egrul.compare.ts";
import { createStandinEgrul } from "./egrul.standin.ts";
import {
  egrulClinic,
  egrulIvanovaEntrepreneur,
  egrulLiquidatedDental,
  standinEgrulRecords,
} from "./egrul.standin-data.ts";

test("every stand-in subject has valid identifiers, and an entrepreneur has an ОГРНИП and no КПП", () => {
  for (const record of standinEgrulRecords) {
    assert.ok(isValidInn(record.inn), `${record.shortName}: ИНН`);
    assert.ok(isValidOgrn(record.ogrn), `${record.shortName}: ОГРН`);
    if (record.kind === "legal") {
      assert.equal(record.inn.length, 10);
      assert.equal(record.ogrn.length, 13);
      assert.ok(record.kpp && isValidKpp(record.kpp));
    } else {
      assert.equal(record.inn.length, 12);
      assert.equal(record.ogrn.length, 15);
      assert.equal(record.kpp, null);
    }
  }
  assert.ok(standinEgrulRecords.some((record) => record.status === "liquidated"));
  assert.ok(standinEgrulRecords.some((record) => record.kind === "entrepreneur"));
});

test("the stand-in answers by ОГРН, can be changed, and can be down", async () => {
  const egrul = createStandinEgrul();
  assert.deepEqual(await egrul.findByOgrn(egrulClinic.ogrn), { found: true, record: egrulClinic });
  assert.deepEqual(await egrul.findByOgrn("1027700132195"), { found: false });
  egrul.put({ ...egrulClinic, headName: "Новиков Сергей Петрович" });
  const changed = await egrul.findByOgrn(egrulClinic.ogrn);
  assert.equal("found" in changed && changed.found && changed.record.headName, "Новиков Сергей Петрович");
  egrul.setAvailable(false);
  assert.deepEqual(await egrul.findByOgrn(egrulClinic.ogrn), { unavailable: true });
});

test("matching data raise nothing; case, «ё» and spaces in names do not matter", () => {
  const entered = { inn: egrulClinic.inn, kpp: egrulClinic.kpp, headName: "  СМИРНОВ  алексей викторович " };
  assert.deepEqual(compareWithRegister(entered, egrulClinic), []);
  assert.deepEqual(
    compareWithRegister(
      { headName: "Фёдоров Павел Олегович" },
      { ...egrulClinic, headName: "Федоров Павел Олегович" },
    ),
    [],
  );
});

test("each difference is its own exact message naming both values", () => {
  const mismatches = compareWithRegister(
    { inn: "7707083893", kpp: "770101002", headName: "Иванов Иван Иванович" },
    egrulClinic,
  );
  assert.deepEqual(mismatches, [
    { field: "inn", message: `ИНН 7707083893 не совпадает с ИНН по данным ЕГРЮЛ: ${egrulClinic.inn}.` },
    { field: "kpp", message: "КПП 770101002 не совпадает с КПП по данным ЕГРЮЛ: 770101001." },
    {
      field: "headName",
      message:
        "ФИО руководителя «Иванов Иван Иванович» не совпадает с данными ЕГРЮЛ: «Смирнов Алексей Викторович».",
    },
  ]);
});

test("an entrepreneur is checked against ЕГРИП and has no КПП; a liquidation and a missing ОГРН are reported", () => {
  assert.deepEqual(compareWithRegister({ kpp: "770101001" }, egrulIvanovaEntrepreneur), [
    { field: "kpp", message: "У индивидуального предпринимателя нет КПП: оставьте это поле пустым." },
  ]);
  assert.match(
    compareWithRegister({ headName: "Петров Пётр" }, egrulIvanovaEntrepreneur)[0]?.message ?? "",
    /ФИО индивидуального предпринимателя .* данными ЕГРИП/,
  );
  assert.deepEqual(compareWithRegister({}, egrulLiquidatedDental), [
    { field: "status", message: "По данным ЕГРЮЛ организация ликвидирована 28.06.2024." },
  ]);
  assert.equal(
    notFoundMismatch("1027700132195").message,
    "Организация с ОГРН 1027700132195 не найдена в ЕГРЮЛ.",
  );
  assert.equal(
    notFoundMismatch("304500102100082").message,
    "Индивидуальный предприниматель с ОГРНИП 304500102100082 не найден в ЕГРИП.",
  );
});
