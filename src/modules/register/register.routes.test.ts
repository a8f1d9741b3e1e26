// «Личные данные» and «Личное дело» over HTTP on a real database, with the demo records.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { type SignedIn, signInWithConsent, submitForm } from "../../../test/support/worker.ts";
import type { Deps } from "../../deps.ts";
import { standinAccounts } from "../../esia-standin/seed.ts";
import { fakeClock } from "../../shared/clock.ts";
import { standinPeople, startWorkerCabinet } from "../../test-support/worker-cabinet.ts";
import { insertRecord } from "./record.repository.ts";
import { findPersonByUserId } from "./register.repository.ts";
import { seedDemoRegister } from "./register.seed.ts";

const clock = fakeClock("2026-11-21T09:00:00Z");
const { ivanova, petrova, orlov } = standinPeople;
let app: FastifyInstance;
let deps: Deps;

before(async () => {
  ({ app, deps } = await startWorkerCabinet(clock, [ivanova, petrova, orlov]));
  await seedDemoRegister(deps.database.db, clock.now());
});
after(() => app.close());

const page = async (signedIn: SignedIn, url: string) => {
  const response = await app.inject({ url, headers: { cookie: signedIn.cookie } });
  assert.equal(response.statusCode, 200, `${url}: ${response.statusCode}`);
  return response.body;
};
const auditOf = async (event: string) =>
  (await deps.database.db.query.auditEvents.findMany()).filter((row) => row.event === event);

describe("the personal file (W6)", () => {
  test("Иванова's demo record: every block, hours, and expiry wording", async () => {
    const html = await page(await signInWithConsent(app, ivanova), "/lk/record");
    for (const text of [
      "Высшее образование — специалитет — Лечебное дело",
      "Ординатура — Терапия",
      "Всего: 144 ч.",
      "Повышение квалификации за последние 5 лет: 144 ч.",
      "Сертификат по специальности «Терапия»",
      "Периодическая аккредитация по специальности «Терапия»",
      "истекает через 60 дней",
      "Срок действия — до 20.01.2027",
      "Первая квалификационная категория",
      "ГБУЗ «Городская поликлиника № 1»",
      "1.2.643.5.1.13.13.12.2.77.7973",
      "Совместительство",
      "0,25",
      "по настоящее время",
      "Благодарность главного врача",
    ]) {
      assert.ok(html.includes(text), `missing «${text}»`);
    }
    assert.match(
      html,
      /badge badge--bad">истёк<\/span> Срок действия — до 20\.12\.2024/,
      "the old certificate",
    );
  });

  test("the login linked the register person by СНИЛС, and said so in the journal", async () => {
    const signedIn = await signInWithConsent(app, petrova);
    const person = await findPersonByUserId(deps.database.db, signedIn.userId);
    assert.equal(person?.esiaOid, petrova.oid);
    assert.ok((await auditOf("register.person_linked")).some((row) => row.userId === signedIn.userId));
  });

  test("each worker sees only their own record", async () => {
    const html = await page(await signInWithConsent(app, petrova), "/lk/record");
    assert.match(html, /Сестринское дело/);
    assert.doesNotMatch(html, /Ординатура|Терапия»/);
  });

  test("a person not in the register is told whom to ask", async () => {
    const signedIn = await signInWithConsent(app, orlov);
    assert.match(await page(signedIn, "/lk/record"), /Вашей записи пока нет в регистре ФРМР/);
    const personal = await page(signedIn, "/lk/personal");
    assert.match(personal, /Вашей записи пока нет/);
    assert.match(personal, /Орлов/, "ESIA data are still shown");
    assert.doesNotMatch(personal, /action="\/lk\/personal"/, "nothing to correct");
  });
});

describe("personal data (W5)", () => {
  test("a difference is shown on its field with what to do", async () => {
    const html = await page(await signInWithConsent(app, petrova), "/lk/personal");
    const row = html.match(/id="fact-passportNumber"[\s\S]*?compare__advice">([^<]*)/);
    assert.ok(row, "the passport number row has advice");
    assert.match(row[0], /отличается/);
    assert.match(row[0], /234502[\s\S]*234520/);
    assert.match(row[1] ?? "", /Данные в регистре отличаются от Госуслуг: исправьте их в форме/);
    assert.match(html, /id="fact-lastName"[\s\S]*?совпадает/);
    assert.match(html, /отличаются от Госуслуг в полях: 1/);
  });

  test("a field the worker cannot fix points to the HR department", async () => {
    const html = await page(await signInWithConsent(app, ivanova), "/lk/personal");
    assert.match(html, /id="fact-inn"[\s\S]*?нет в регистре[\s\S]*?заполните в форме/);
    assert.match(html, /Квалификация[\s\S]*Терапия[\s\S]*7724 012345/);
    assert.doesNotMatch(html, /name="snils"/, "СНИЛС is in the register already");
  });

  // Петрова's passport as a person types it (spaces, a dotted date): the form normalises it.
  const petrovaPassport = {
    passportSeries: "45 12",
    passportNumber: "234 502",
    passportIssueDate: "15.11.2012",
    passportIssuedBy: "ГУ МВД России по г. Москве",
    passportDivisionCode: "770 001",
  };

  test("invalid input: 400, an error summary linking to the fields, errors on the fields, input kept", async () => {
    const signedIn = await signInWithConsent(app, petrova);
    const response = await submitForm(app, signedIn, "/lk/personal", "/lk/personal", {
      ...petrovaPassport,
      passportSeries: "45 1",
      inn: "123456789048",
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /class="error-summary" role="alert"/);
    assert.match(response.body, /href="#field-passportSeries">Серия паспорта — 4 цифры/);
    assert.match(response.body, /href="#field-inn">В ИНН ошибка: контрольное число не сходится/);
    assert.match(
      response.body,
      /id="field-passportSeries" name="passportSeries" value="45 1"[^>]*aria-invalid="true"/,
    );
  });

  test("valid input is normalised, saved, redirected (PRG) and journalled without the values", async () => {
    const signedIn = await signInWithConsent(app, petrova);
    const response = await submitForm(app, signedIn, "/lk/personal", "/lk/personal", {
      ...petrovaPassport,
      inn: standinAccounts.petrova.inn ?? "",
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/lk/personal");
    const html = await page(signedIn, "/lk/personal");
    assert.match(html, /Изменения сохранены/);
    assert.match(html, /id="fact-passportNumber"[\s\S]*?совпадает/);
    assert.doesNotMatch(html, /отличаются от Госуслуг в полях/);
    const [event] = (await auditOf("register.personal_data_changed")).filter(
      (row) => row.userId === signedIn.userId,
    );
    assert.deepEqual(event?.details.fields, ["passportNumber"]);
    assert.doesNotMatch(JSON.stringify(event?.details), /234502/);
  });

  test("СНИЛС can be entered only while the register has none, and must be the one from Госуслуги", async () => {
    const signedIn = await signInWithConsent(app, orlov);
    await insertRecord(deps.database.db, {
      person: { userId: signedIn.userId, lastName: "Орлов", firstName: "Дмитрий", birthDate: "1983-06-18" },
    });
    const fields = {
      passportSeries: "4503",
      passportNumber: "678906",
      passportIssueDate: "2003-07-01",
      passportIssuedBy: "ГУ МВД России по г. Москве",
      passportDivisionCode: "770-001",
    };
    assert.match(await page(signedIn, "/lk/personal"), /name="snils"/);
    const wrong = await submitForm(app, signedIn, "/lk/personal", "/lk/personal", {
      ...fields,
      snils: "112-233-445 95",
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /не совпадает с указанным на Госуслугах/);
    const right = await submitForm(app, signedIn, "/lk/personal", "/lk/personal", {
      ...fields,
      snils: standinAccounts.orlov.snils ?? "",
    });
    assert.equal(right.statusCode, 303);
    const person = await findPersonByUserId(deps.database.db, signedIn.userId);
    assert.equal(person?.snils, standinAccounts.orlov.snils);
    assert.doesNotMatch(await page(signedIn, "/lk/personal"), /name="snils"/);
  });

  test("the use case refuses anyone not acting as a worker, and audits the refusal", async () => {
    const { userId } = await signInWithConsent(app, ivanova);
    const actor = {
      id: userId,
      context: { kind: "organization" as const, organizationId: "x", esiaOrgOid: "1", role: "head" as const },
      ip: "127.0.0.1",
    };
    await assert.rejects(deps.registerService.personalData(actor), /WRONG_CONTEXT/);
    assert.ok((await auditOf("access.denied")).some((row) => row.userId === userId));
  });
});

describe("home (W4)", () => {
  test("the accreditation running out, the consent, and no applications yet", async () => {
    const html = await page(await signInWithConsent(app, ivanova), "/lk");
    assert.match(html, /Срок аккредитации по специальности «Терапия» истекает через 60 дней — 20\.01\.2027/);
    assert.match(html, /Сервис ФРМР подключён 21\.11\.2026/);
    assert.match(html, /Чтобы пройти аккредитацию, создайте заявку/);
    assert.doesNotMatch(
      html,
      /Срок аккредитации[^<]*истёк/,
      "the old certificate is superseded by the accreditation",
    );
  });
});
