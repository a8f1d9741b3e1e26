// O17: staff records — the list with search and paging, adding a worker by СНИЛС, cards, dismissal,
// education, certificates, categories — and the CSV import, atomic, with its line-by-line report.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { snilsFrom } from "../../src/esia-standin/seed-ids.ts";
import { demoClinicFrmoOid } from "../../src/modules/organizations/organizations.seed.ts";
import { insertRecord } from "../../src/modules/register/record.repository.ts";
import { registerPersons } from "../../src/modules/register/register.schema.ts";
import {
  registerEmploymentCards,
  registerExtEducation,
} from "../../src/modules/register/register-record.schema.ts";
import { staffImports } from "../../src/modules/staff/staff.schema.ts";
import { formatSnils } from "../../src/shared/identifiers.ts";
import {
  type CabinetHarness,
  personas,
  type Session,
  startCabinet,
} from "../support/organization-cabinet.ts";

let h: CabinetHarness;
let head: Session;
before(async () => {
  h = await startCabinet({ start: "2026-11-21T09:00:00Z" });
  head = await h.signIn(personas.head);
});
after(() => h?.close());

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");
const db = () => h.deps.database.db;
const cardsIn = async (snils: string) => {
  const [person] = await db().select().from(registerPersons).where(eq(registerPersons.snils, snils));
  return person
    ? db().select().from(registerEmploymentCards).where(eq(registerEmploymentCards.personId, person.id))
    : [];
};
const card = {
  postId: "109",
  departmentName: "Терапевтическое отделение",
  rate: "1",
  positionTypeId: "main",
  beginDate: "2024-09-01",
};

describe("the staff list", () => {
  before(async () => {
    const clinicCard = (index: number) => ({
      oid: demoClinicFrmoOid,
      organization: "ГБУЗ «Городская поликлиника № 1»",
      postId: index % 2 ? "109" : "250",
      postName: index % 2 ? "врач-терапевт" : "медицинская сестра",
      positionTypeId: "main",
      positionTypeName: "Основное место работы",
      rate: 1,
      beginDate: "2021-01-01",
      endDate: index === 29 ? "2025-12-31" : null,
    });
    for (let index = 0; index < 30; index++) {
      await insertRecord(db(), {
        person: {
          snils: snilsFrom(String(500_000_000 + index)),
          lastName: `Работникова${String(index).padStart(2, "0")}`,
          firstName: "Мария",
          patronymic: "Ивановна",
        },
        cards: [clinicCard(index)],
      });
    }
    await insertRecord(db(), {
      person: { snils: snilsFrom("600000001"), lastName: "Чужой", firstName: "Пётр" },
      cards: [{ ...clinicCard(1), oid: "1.2.643.5.1.13.13.12.2.40.1102" }],
    });
  });

  test("pages of 25, search by ФИО or СНИЛС, dismissed on request, another organization's staff never", async () => {
    const first = text((await h.send(head, "GET", "/org/staff")).body);
    assert.match(first, /Страница 1\. Сколько всего\?/);
    assert.match(first, /Работникова00 Мария Ивановна/);
    assert.doesNotMatch(first, /Работникова25/);
    const counted = text((await h.send(head, "GET", "/org/staff?count=1")).body);
    assert.match(counted, /29 работников, страница 1\./);
    // The next page is read after the cursor in the «Следующая страница» link, not by OFFSET.
    const next = /href="([^"]+)">Следующая страница/.exec(
      (await h.send(head, "GET", "/org/staff")).body,
    )?.[1];
    assert.ok(next, "a next-page link");
    const second = text((await h.send(head, "GET", next.replaceAll("&amp;", "&"))).body);
    assert.match(second, /Работникова28/);
    assert.doesNotMatch(second, /Работникова24/);
    assert.doesNotMatch(second, /Следующая страница/);
    assert.match(second, /В начало списка/);
    assert.doesNotMatch(first, /Чужой/);
    assert.match(text((await h.send(head, "GET", "/org/staff?dismissed=1&count=1")).body), /30 работников/);
    const byName = text(
      (await h.send(head, "GET", `/org/staff?q=${encodeURIComponent("работникова07 мария")}&count=1`)).body,
    );
    assert.match(byName, /1 работник,/);
    const snils = snilsFrom("500000012");
    const bySnils = text(
      (await h.send(head, "GET", `/org/staff?q=${encodeURIComponent(formatSnils(snils).slice(0, 7))}`)).body,
    );
    assert.match(bySnils, /Работникова12/);
    assert.match(
      text((await h.send(head, "GET", "/org/staff?q=%25")).body),
      /Никого не найдено/,
      "a % is a character, not a wildcard",
    );
  });
});

describe("adding and keeping records", () => {
  test("a worker the register knows gets a card; a new one is entered with checked data", async () => {
    const known = snilsFrom("500000003");
    await db()
      .update(registerPersons)
      .set({ birthDate: "1985-03-03" })
      .where(eq(registerPersons.snils, known));
    const lookup = await h.send(head, "GET", `/org/staff/add?snils=${known}&birthDate=03.03.1985`);
    assert.match(text(lookup.body), /Работник найден в регистре: Работникова03 Мария Ивановна/);
    const duplicate = await h.send(head, "POST", "/org/staff/add", { form: { snils: known, ...card } });
    assert.match(text(duplicate.body), /уже есть действующая карточка по этой должности/);
    const secondJob = await h.send(head, "POST", "/org/staff/add", {
      form: { snils: known, ...card, postId: "122", rate: "0,25", positionTypeId: "part-time" },
    });
    assert.equal(secondJob.statusCode, 303);
    assert.equal((await cardsIn(known)).length, 2);

    const fresh = snilsFrom("700000001");
    assert.match(
      text(
        (await h.send(head, "GET", `/org/staff/add?snils=${formatSnils(fresh)}&birthDate=1991-05-04`)).body,
      ),
      /Введите данные работника/,
    );
    assert.equal(
      (await h.send(head, "GET", "/org/staff/add?snils=112-233-445 96&birthDate=1991-05-04")).statusCode,
      400,
    );
    const wrong = await h.send(head, "POST", "/org/staff/add", {
      form: {
        snils: fresh,
        lastName: "Smith",
        firstName: "",
        birthDate: "31.02.1990",
        ...card,
        postId: "999",
        rate: "2",
        positionTypeId: "",
      },
    });
    const errors = text(wrong.body);
    for (const message of [
      "Фамилия пишется кириллицей.",
      "Укажите имя.",
      "Дата рождения — в формате ДД.ММ.ГГГГ.",
      "Выберите должность из справочника.",
      "Ставка — от 0,25 до 1,5.",
      "Укажите: основное место работы или совместительство.",
    ]) {
      assert.ok(errors.includes(message), message);
    }
    const added = await h.send(head, "POST", "/org/staff/add", {
      form: {
        snils: fresh,
        lastName: "Орлова",
        firstName: "Нина",
        patronymic: "Юрьевна",
        birthDate: "1991-05-04",
        gender: "F",
        ...card,
        rate: "0,75",
      },
    });
    assert.equal(added.statusCode, 303);
    const [saved] = await cardsIn(fresh);
    assert.deepEqual(
      [saved?.postName, saved?.rate, saved?.positionTypeName, saved?.nrPmuDepartName],
      ["врач-терапевт", 0.75, "Основное место работы", "Терапевтическое отделение"],
    );
  });

  test("a card is changed and the worker dismissed; education, certificates and categories are entered", async () => {
    const snils = snilsFrom("700000001");
    const [saved] = await cardsIn(snils);
    assert.ok(saved);
    const base = `/org/staff/${saved.personId}`;
    assert.equal(
      (
        await h.send(head, "POST", `${base}/cards/${saved.id}`, {
          form: { ...card, rate: "1,5", departmentName: "Дневной стационар" },
        })
      ).statusCode,
      303,
    );
    assert.deepEqual((await cardsIn(snils))[0]?.rate, 1.5);
    const early = await h.send(head, "POST", `${base}/cards/${saved.id}/dismiss`, {
      form: { dismissedOn: "2020-01-01" },
    });
    assert.match(text(early.body), /не может быть раньше начала работы/);

    const short = await h.send(head, "POST", `${base}/education`, {
      form: { kind: "advanced-training", institutionName: "РМАНПО", docDate: "2025-03-01", hoursCount: "10" },
    });
    assert.match(text(short.body), /не меньше 16 академических часов/);
    assert.equal(
      (
        await h.send(head, "POST", `${base}/education`, {
          form: {
            kind: "advanced-training",
            institutionName: "РМАНПО",
            docDate: "2025-03-01",
            hoursCount: "36",
            specId: "76",
          },
        })
      ).statusCode,
      303,
    );
    assert.equal(
      (
        await db()
          .select()
          .from(registerExtEducation)
          .where(eq(registerExtEducation.personId, saved.personId))
      )[0]?.hoursCount,
      36,
    );
    assert.equal(
      (
        await h.send(head, "POST", `${base}/certificates`, {
          form: { certNumber: "0177-2", passDate: "2021-06-01", specId: "76" },
        })
      ).statusCode,
      303,
    );
    assert.equal(
      (
        await h.send(head, "POST", `${base}/categories`, {
          form: { categoryId: "first", beginDate: "2024-02-01", specId: "76" },
        })
      ).statusCode,
      303,
    );
    const record = text((await h.send(head, "GET", base)).body);
    assert.match(record, /Повышение квалификации: РМАНПО, 36 ч\./);
    assert.match(record, /Сертификат № 0177-2, Терапия — срок истёк 01\.06\.2026/);
    assert.match(record, /Первая квалификационная категория, Терапия — действует до 01\.02\.2029/);

    assert.equal(
      (
        await h.send(head, "POST", `${base}/cards/${saved.id}/dismiss`, {
          form: { dismissedOn: "2026-11-20" },
        })
      ).statusCode,
      303,
    );
    assert.doesNotMatch(text((await h.send(head, "GET", "/org/staff?q=Орлова")).body), /Орлова Нина/);
    assert.match(text((await h.send(head, "GET", "/org/staff?q=Орлова&dismissed=1")).body), /Орлова Нина/);
  });
});

describe("CSV import", () => {
  const header =
    "СНИЛС;Фамилия;Имя;Отчество;Дата рождения;Пол;Должность;Подразделение;Ставка;Тип занятия;Дата начала";
  const row = (
    snils: string,
    lastName: string,
    extra: Partial<Record<"post" | "rate" | "type" | "begin", string>> = {},
  ) =>
    `${formatSnils(snils)};${lastName};Анна;Олеговна;12.04.1990;Ж;${extra.post ?? "врач-терапевт"};Поликлиника;${extra.rate ?? "1"};${extra.type ?? "основное"};${extra.begin ?? "01.09.2025"}`;
  const upload = async (content: string | Buffer, name = "staff.csv") => {
    const response = await h.send(head, "POST", "/org/staff/import", {
      multipart: { files: [{ field: "file", name, content }] },
    });
    const id =
      String(response.headers.location ?? "")
        .split("/")
        .pop() ?? "";
    return { response, id };
  };
  const importRow = async (id: string) =>
    (await db().select().from(staffImports).where(eq(staffImports.id, id)))[0];

  test("a file with bad lines imports nothing and reports each line; the user may import the right lines", async () => {
    const file = [
      header,
      row(snilsFrom("800000001"), "Белова"),
      row("112-233-445 96", "Кравцова"),
      row(snilsFrom("800000003"), "Smith", { rate: "2" }),
      row(snilsFrom("800000004"), "Гусева", { post: "космонавт", type: "по договору" }),
      row(snilsFrom("800000001"), "Белова"),
      row(snilsFrom("800000006"), "Зуева", { post: "13", rate: "0,5", type: "совместительство" }),
    ].join("\r\n");
    const { response, id } = await upload(file);
    assert.equal(response.statusCode, 303);
    const progress = await h.send(head, "GET", `/org/staff/import/${id}`);
    assert.match(progress.body, /<meta http-equiv="refresh" content="2"\/?>/);
    assert.match(text(progress.body), /Проверено 0 из 6 строк/);
    await h.deps.jobWorker.drain();

    const report = await h.send(head, "GET", `/org/staff/import/${id}`);
    assert.doesNotMatch(report.body, /http-equiv="refresh"/);
    const body = text(report.body);
    assert.match(body, /найдены ошибки, ничего не загружено/);
    assert.match(body, /Ошибки: 4 строки из 6/);
    assert.match(body, /3 В СНИЛС ошибка: контрольное число не сходится\./);
    assert.match(body, /4 Фамилия пишется кириллицей\. Ставка — от 0,25 до 1,5\./);
    assert.match(
      body,
      /5 Выберите должность из справочника\. Укажите: основное место работы или совместительство\./,
    );
    assert.match(body, /6 Этот работник с этой должностью уже есть выше в файле\./);
    assert.equal((await cardsIn(snilsFrom("800000001"))).length, 0, "nothing imported yet");
    const csv = await h.send(head, "GET", `/org/staff/import/${id}/report.csv`);
    assert.match(csv.body, /^\uFEFFСтрока файла;Что исправить\r\n3;В СНИЛС ошибка/);

    assert.equal((await h.send(head, "POST", `/org/staff/import/${id}/confirm`)).statusCode, 303);
    await h.deps.jobWorker.drain();
    assert.equal((await importRow(id))?.status, "done");
    assert.equal((await importRow(id))?.importedRows, 2);
    const [zueva] = await cardsIn(snilsFrom("800000006"));
    assert.deepEqual(
      [zueva?.postName, zueva?.rate, zueva?.positionTypeName],
      ["врач-акушер-гинеколог", 0.5, "Совместительство"],
    );
    assert.equal((await cardsIn(snilsFrom("800000001"))).length, 1);
    assert.equal(
      (await h.send(head, "POST", `/org/staff/import/${id}/confirm`)).statusCode,
      404,
      "only once",
    );
  });

  test("a clean file in windows-1251 goes in whole; a cancelled one not at all; a person's ФИО must match the register", async () => {
    const clean = [
      header,
      row(snilsFrom("810000001"), "Сидоренко"),
      row(snilsFrom("810000002"), "Ёлкина"),
    ].join("\r\n");
    const cp1251 = Buffer.from(
      [...clean].map((char) => {
        const code = char.charCodeAt(0);
        if (code < 128) return code;
        if (char === "ё") return 0xb8;
        if (char === "Ё") return 0xa8;
        return code - 0x410 + 0xc0;
      }),
    );
    const { id } = await upload(cp1251);
    await h.deps.jobWorker.drain();
    assert.equal((await importRow(id))?.status, "done");
    const [person] = await db()
      .select()
      .from(registerPersons)
      .where(eq(registerPersons.snils, snilsFrom("810000002")));
    assert.equal(person?.lastName, "Ёлкина");

    const mismatch = [header, row(snilsFrom("810000001"), "Петренко", { post: "врач-хирург" })].join("\n");
    const second = await upload(mismatch);
    await h.deps.jobWorker.drain();
    assert.match(
      text((await h.send(head, "GET", `/org/staff/import/${second.id}`)).body),
      /2 ФИО не совпадает с данными регистра для этого СНИЛС\./,
    );
    assert.equal((await h.send(head, "POST", `/org/staff/import/${second.id}/cancel`)).statusCode, 303);
    assert.equal((await importRow(second.id))?.status, "cancelled");
    assert.equal((await cardsIn(snilsFrom("810000001"))).length, 1);
  });

  test("a file that is not the expected CSV is refused at once with what to do", async () => {
    const missing = await upload("ФИО;Должность\r\nИванов;врач\r\n");
    assert.equal(missing.response.statusCode, 400);
    assert.match(
      text(missing.response.body),
      /нет обязательных столбцов: «СНИЛС», «Фамилия», «Имя», «Ставка», «Тип занятия», «Дата начала»/,
    );
    const binary = await upload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), "staff.xlsx");
    assert.match(text(binary.response.body), /Загрузите файл в формате CSV/);
    assert.match(
      text((await h.send(head, "GET", "/org/staff/import/template.csv")).body),
      /СНИЛС;Фамилия;Имя/,
    );
  });
});
