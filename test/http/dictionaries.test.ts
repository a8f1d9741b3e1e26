// The full dictionaries (specialties, positions, education kinds): every form and the CSV import
// take the whole lists; the selects show them grouped, so that a long list stays easy to scan and
// works without JavaScript; codes not checked against НСИ are marked.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { snilsFrom } from "../../src/esia-standin/seed-ids.ts";
import { type Dictionary, dictionaries } from "../../src/modules/register/register.dictionaries.ts";
import { registerPersons } from "../../src/modules/register/register.schema.ts";
import {
  registerCertificates,
  registerEmploymentCards,
} from "../../src/modules/register/register-record.schema.ts";
import { positionCode } from "../../src/modules/staff/staff.validation.ts";
import { formatSnils } from "../../src/shared/identifiers.ts";
import {
  type CabinetHarness,
  personas,
  type Session,
  startCabinet,
} from "../support/organization-cabinet.ts";
import { text } from "../support/platform.ts";

const code = (dictionary: Dictionary, name: string) =>
  dictionary.entries.find((entry) => entry.name === name)?.code ?? "";

describe("the dictionaries as data", () => {
  test("specialties and positions are the whole nomenclatures, each entry in a named group", () => {
    for (const dictionary of [dictionaries.specialties, dictionaries.positions] as Dictionary[]) {
      const names = dictionary.entries.map((entry) => entry.name);
      assert.equal(new Set(names).size, names.length, `${dictionary.name}: duplicate name`);
      for (const entry of dictionary.entries)
        assert.ok(entry.group && dictionary.groups?.[entry.group], `${entry.name}: no group`);
    }
    assert.ok(dictionaries.specialties.entries.length > 120);
    assert.ok(dictionaries.positions.entries.length > 170);
    for (const name of ["Хирургия", "Офтальмология", "Сестринское дело", "Фармация", "Терапия"])
      assert.ok(code(dictionaries.specialties, name), name);
    for (const name of ["врач-офтальмолог", "врач-хирург", "провизор", "фельдшер", "медицинская сестра"])
      assert.ok(code(dictionaries.positions, name), name);
  });

  test("codes already in use keep their value; placeholders are marked as not checked against НСИ", () => {
    assert.equal(code(dictionaries.specialties, "Терапия"), "76");
    assert.equal(code(dictionaries.positions, "врач-офтальмолог"), "54");
    for (const entry of [...dictionaries.specialties.entries, ...dictionaries.positions.entries])
      if (!/^\d+$/.test(entry.code)) assert.equal(entry.unverifiedCode, true, entry.name);
  });

  test("the CSV import finds any position by its name", () => {
    assert.equal(positionCode("Врач-офтальмолог"), "54");
    assert.equal(
      positionCode("врач-сердечно-сосудистый хирург"),
      code(dictionaries.positions, "врач-сердечно-сосудистый хирург"),
    );
    assert.equal(positionCode("провизор-технолог"), code(dictionaries.positions, "провизор-технолог"));
  });
});

describe("the forms", () => {
  let h: CabinetHarness;
  let head: Session;
  before(async () => {
    h = await startCabinet();
    head = await h.signIn(personas.head);
  });
  after(() => h?.close());
  const db = () => h.deps.database.db;

  test("«врач-офтальмолог» is taken on a card and «Хирургия» on a certificate; the selects are grouped", async () => {
    const snils = snilsFrom("820000001");
    const form = (await h.send(head, "GET", `/org/staff/add?snils=${snils}&birthDate=1988-02-03`)).body;
    assert.match(form, /<optgroup label="Врачи">/);
    assert.match(form, /врач-офтальмолог/);
    const added = await h.send(head, "POST", "/org/staff/add", {
      form: {
        snils,
        lastName: "Глазова",
        firstName: "Инна",
        birthDate: "1988-02-03",
        gender: "F",
        postId: code(dictionaries.positions, "врач-офтальмолог"),
        rate: "1",
        positionTypeId: "main",
        beginDate: "2024-09-01",
      },
    });
    assert.equal(added.statusCode, 303, text(added.body).slice(0, 300));
    const [person] = await db().select().from(registerPersons).where(eq(registerPersons.snils, snils));
    assert.ok(person);
    const [card] = await db()
      .select()
      .from(registerEmploymentCards)
      .where(eq(registerEmploymentCards.personId, person.id));
    assert.equal(card?.postName, "врач-офтальмолог");
    const recordPage = (await h.send(head, "GET", `/org/staff/${person.id}`)).body;
    assert.match(recordPage, /<optgroup label="Высшее медицинское образование">/);
    const surgery = code(dictionaries.specialties, "Хирургия");
    const certificate = await h.send(head, "POST", `/org/staff/${person.id}/certificates`, {
      form: { certNumber: "0177-9", passDate: "2022-06-01", specId: surgery },
    });
    assert.equal(certificate.statusCode, 303, text(certificate.body).slice(0, 300));
    const [saved] = await db()
      .select()
      .from(registerCertificates)
      .where(eq(registerCertificates.personId, person.id));
    assert.equal(saved?.specName, "Хирургия");
  });

  test("the CSV import takes a position from the whole list", async () => {
    const csv = [
      "СНИЛС;Фамилия;Имя;Отчество;Дата рождения;Пол;Должность;Подразделение;Ставка;Тип занятия;Дата начала",
      `${formatSnils(snilsFrom("820000002"))};Фармацевтова;Анна;Олеговна;12.04.1990;Ж;провизор-технолог;Аптека;1;основное;01.09.2025`,
    ].join("\r\n");
    const response = await h.send(head, "POST", "/org/staff/import", {
      multipart: { files: [{ field: "file", name: "staff.csv", content: csv }] },
    });
    assert.equal(response.statusCode, 303);
    await h.deps.jobWorker.drain();
    const [person] = await db()
      .select()
      .from(registerPersons)
      .where(eq(registerPersons.snils, snilsFrom("820000002")));
    assert.ok(person, "imported");
    const [card] = await db()
      .select()
      .from(registerEmploymentCards)
      .where(eq(registerEmploymentCards.personId, person.id));
    assert.equal(card?.postName, "провизор-технолог");
  });
});
