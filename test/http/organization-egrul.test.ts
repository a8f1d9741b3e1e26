// O4, O5, O6: the card from ЕГРЮЛ/ЕГРИП, the daily synchronisation, blocking on differences, the
// correction request, and activation of a cabinet after an operator verified the missing data.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { orgInnFrom } from "../../src/esia-standin/seed-ids.ts";
import { auditEvents } from "../../src/modules/audit/audit.schema.ts";
import {
  egrulClinic,
  egrulIvanovaEntrepreneur,
  egrulLiquidatedDental,
  egrulRegionalHospital,
} from "../../src/modules/egrul/egrul.standin-data.ts";
import { jobs } from "../../src/modules/jobs/jobs.schema.ts";
import { outboxMessages } from "../../src/modules/notifications/notifications.schema.ts";
import { EGRUL_SYNC_JOB, scheduleEgrulSync } from "../../src/modules/organizations/cabinet.jobs.ts";
import { syncOrganizationsWithEgrul } from "../../src/modules/organizations/egrul-sync.ts";
import {
  findOrganizationByOgrn,
  updateOrganization,
} from "../../src/modules/organizations/organizations.repository.ts";
import { minimalPdf } from "../support/files.ts";
import {
  type CabinetHarness,
  type Persona,
  personas,
  personOf,
  startCabinet,
} from "../support/organization-cabinet.ts";

let h: CabinetHarness;
before(async () => {
  h = await startCabinet();
});
after(() => h?.close());

const sync = () => syncOrganizationsWithEgrul({ db: h.deps.database.db, egrul: h.egrul, clock: h.clock });
const card = async (ogrn: string) => {
  const row = await findOrganizationByOgrn(h.deps.database.db, ogrn);
  assert.ok(row);
  return row;
};
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

describe("daily synchronisation with ЕГРЮЛ/ЕГРИП", () => {
  test("the card takes the register's data; a liquidation closes the cabinet", async () => {
    const report = await sync();
    // The seed took its cards from the same register: only the liquidation is news.
    assert.deepEqual(report, { checked: 5, changed: 1, blocked: 1, unavailable: 0 });
    const clinic = await card(egrulClinic.ogrn);
    assert.equal(clinic.registeredOn, "2002-11-18");
    assert.equal(clinic.headName, "Смирнов Алексей Викторович");
    assert.ok(clinic.egrulSyncedAt);
    assert.equal((await card(egrulLiquidatedDental.ogrn)).status, "liquidated");

    const dentalHead: Persona = {
      person: personOf(41, "Фёдоров", "Павел", "Олегович"),
      organization: { ogrn: egrulLiquidatedDental.ogrn, role: "head" },
    };
    const page = await h.send(await h.signIn(dentalHead), "GET", "/org");
    assert.equal(page.statusCode, 403);
    assert.match(page.body, /Организация ликвидирована/);
  });

  test("a new head in ЕГРЮЛ reaches the card and the journal", async () => {
    h.egrul.put({ ...egrulClinic, headName: "Новиков Сергей Петрович" });
    await sync();
    const head = await h.signIn(personas.head);
    const home = await h.send(head, "GET", "/org");
    assert.match(text(home.body), /Руководитель Новиков Сергей Петрович, главный врач/);
    assert.match(text(home.body), /Дата регистрации 18\.11\.2002/);
    const journal = await h.send(head, "GET", "/org/journal?what=organization.synced");
    assert.match(text(journal.body), /Сверка с ЕГРЮЛ\/ЕГРИП: сведения обновлены/);
    h.egrul.put(egrulClinic);
    await sync();
  });

  test("while ЕГРЮЛ does not answer, cards stay as they are", async () => {
    const before = await card(egrulClinic.ogrn);
    h.egrul.setAvailable(false);
    assert.deepEqual(await sync(), { checked: 5, changed: 0, blocked: 0, unavailable: 5 });
    h.egrul.setAvailable(true);
    assert.deepEqual((await card(egrulClinic.ogrn)).egrulSyncedAt, before.egrulSyncedAt);
  });

  test("an ИНН that differs from ЕГРЮЛ blocks the cabinet with the exact message; feedback stays open", async () => {
    const hospital = await card(egrulRegionalHospital.ogrn);
    const wrongInn = orgInnFrom("402700457");
    await updateOrganization(h.deps.database.db, hospital.id, { inn: wrongInn });
    assert.equal((await sync()).blocked, 2, "the demo family clinic and this one");
    const message = `ИНН ${wrongInn} не совпадает с ИНН по данным ЕГРЮЛ: ${egrulRegionalHospital.inn}.`;
    const otherHead = await h.signIn(personas.otherHead);
    const home = await h.send(otherHead, "GET", "/org");
    assert.equal(home.statusCode, 200);
    assert.ok(text(home.body).includes(message));
    const staff = await h.send(otherHead, "GET", "/org/staff");
    assert.equal(staff.statusCode, 403);
    assert.ok(text(staff.body).includes(message));
    assert.match(staff.body, /EGRUL_MISMATCH/);

    // A proposed identifier is checked by the shared rules before anything is stored (O5).
    for (const [field, proposedValue, message] of [
      ["inn", "7707083894", "В ИНН ошибка: контрольное число не сходится"],
      ["ogrn", "2027700132194", "ОГРН начинается с цифры 1 или 5."],
      ["kpp", "77360100", "КПП состоит из 9 знаков"],
    ] as const) {
      const refused = await h.send(otherHead, "POST", "/org/feedback", { form: { field, proposedValue } });
      assert.notEqual(refused.statusCode, 303, `${field} ${proposedValue}`);
      assert.ok(text(refused.body).includes(message), `${field}: ${message}`);
    }
    const sent = await h.send(otherHead, "POST", "/org/feedback", {
      form: {
        field: "inn",
        proposedValue: egrulRegionalHospital.inn,
        comment: "ИНН в ФРМО введён с ошибкой",
      },
    });
    assert.equal(sent.statusCode, 303);
    const operator = await h.signIn(personas.operator);
    const queue = await h.send(operator, "GET", "/review/organizations");
    const link = queue.body.match(/href="(\/review\/organizations\/corrections\/[^"]+)"/)?.[1];
    assert.ok(link, "the operator sees the request");
    assert.match(
      text((await h.send(operator, "GET", link)).body),
      new RegExp(`Сейчас в карточке ${wrongInn}`),
    );
    const answered = await h.send(operator, "POST", `${link}/answer`, {
      form: { answer: "ИНН в ФРМО исправлен." },
    });
    assert.equal(answered.statusCode, 303);
    assert.match(
      text((await h.send(otherHead, "GET", "/org")).body),
      /Ответ на запрос об исправлении сведений «ИНН»: ИНН в ФРМО исправлен\./,
    );

    await updateOrganization(h.deps.database.db, hospital.id, { inn: egrulRegionalHospital.inn });
    await sync();
    assert.equal((await h.send(otherHead, "GET", "/org/staff")).statusCode, 200);
  });

  test("the job synchronises and books the next run for 03:00 Moscow time tomorrow", async () => {
    await scheduleEgrulSync(h.deps.database.db, h.clock.now());
    await scheduleEgrulSync(h.deps.database.db, h.clock.now());
    const waiting = () => h.deps.database.db.select().from(jobs).where(eq(jobs.kind, EGRUL_SYNC_JOB));
    assert.equal((await waiting()).filter((job) => job.status === "pending").length, 1, "no second one");
    await h.deps.jobWorker.drain();
    const pending = (await waiting()).filter((job) => job.status === "pending");
    assert.equal(pending.length, 1);
    assert.equal(pending[0]?.runAt.toISOString(), "2026-11-22T00:00:00.000Z");
  });
});

describe("missing data and activation (O6)", () => {
  const practiceHead: Persona = {
    person: personOf(1, "Иванова", "Мария", "Петровна"),
    organization: { ogrn: egrulIvanovaEntrepreneur.ogrn, role: "head" },
  };
  const valid = {
    inn: egrulIvanovaEntrepreneur.inn,
    headName: "Иванова Мария Петровна",
    contactPhone: "8 (900) 100-00-01",
    contactEmail: "practice@example.org",
    kind: "Индивидуальный предприниматель с лицензией на медицинскую или фармацевтическую деятельность",
  };

  test("until activated, only the way to activation is open", async () => {
    const session = await h.signIn(practiceHead);
    const home = await h.send(session, "GET", "/org");
    assert.match(text(home.body), /Кабинет не активирован: нужно заполнить недостающие сведения/);
    assert.match(home.body, /href="\/org\/data"/);
    const staff = await h.send(session, "GET", "/org/staff");
    assert.equal(staff.statusCode, 403);
    assert.match(staff.body, /Кабинет организации ещё не активирован/);
  });

  test("differences from ЕГРИП and wrong files block the form, each with its message", async () => {
    const session = await h.signIn(practiceHead);
    const refused = await h.send(session, "POST", "/org/data", {
      multipart: {
        fields: { ...valid, inn: "123456789047", headName: "Петрова Анна Сергеевна" },
        files: [{ field: "attachments", name: "scan.txt", content: "not a pdf" }],
      },
    });
    assert.equal(refused.statusCode, 400);
    const body = text(refused.body);
    assert.match(body, /«scan\.txt»: /);
    const again = await h.send(session, "POST", "/org/data", {
      multipart: { fields: { ...valid, inn: "123456789047", headName: "Петрова Анна Сергеевна" } },
    });
    const messages = text(again.body);
    assert.ok(
      messages.includes(
        `ИНН 123456789047 не совпадает с ИНН по данным ЕГРИП: ${egrulIvanovaEntrepreneur.inn}.`,
      ),
    );
    assert.ok(
      messages.includes(
        "ФИО индивидуального предпринимателя «Петрова Анна Сергеевна» не совпадает с данными ЕГРИП: «Иванова Мария Петровна».",
      ),
    );
    assert.equal((await card(egrulIvanovaEntrepreneur.ogrn)).activation, "incomplete");
  });

  test("sent with a PDF, returned with corrections, sent again and activated; the organization is notified", async () => {
    const session = await h.signIn(practiceHead);
    const files = [{ field: "attachments", name: "ogrnip.pdf", content: minimalPdf("ОГРНИП") }];
    const sent = await h.send(session, "POST", "/org/data", { multipart: { fields: valid, files } });
    assert.equal(sent.statusCode, 303);
    assert.equal((await card(egrulIvanovaEntrepreneur.ogrn)).activation, "submitted");
    assert.equal(
      (await h.send(session, "POST", "/org/data", { multipart: { fields: valid } })).statusCode,
      409,
      "sent once",
    );

    const operator = await h.signIn(personas.operator);
    const link = (await h.send(operator, "GET", "/review/organizations")).body.match(
      /href="(\/review\/organizations\/data\/[^"]+)"/,
    )?.[1];
    assert.ok(link);
    const review = await h.send(operator, "GET", link);
    const fileLink = review.body.match(/href="(\/review\/organizations\/files\/[^"]+)"/)?.[1];
    assert.ok(fileLink);
    const download = await h.send(operator, "GET", fileLink);
    assert.equal(download.headers["content-type"], "application/pdf");
    assert.match(String(download.headers["content-disposition"]), /^attachment/);

    await h.send(operator, "POST", `${link}/decision`, {
      form: { decision: "corrections", corrections: "Приложите выписку из ЕГРИП\nУкажите рабочий телефон" },
    });
    assert.equal((await card(egrulIvanovaEntrepreneur.ogrn)).activation, "corrections");
    const returned = text((await h.send(session, "GET", "/org")).body);
    assert.match(returned, /Приложите выписку из ЕГРИП/);
    assert.match(returned, /Укажите рабочий телефон/);

    assert.equal(
      (
        await h.send(session, "POST", "/org/data", {
          multipart: { fields: { ...valid, contactPhone: "+7 495 100-00-09" }, files },
        })
      ).statusCode,
      303,
    );
    const second = (await h.send(operator, "GET", "/review/organizations")).body.match(
      /href="(\/review\/organizations\/data\/[^"]+)"/,
    )?.[1];
    assert.ok(second);
    assert.equal(
      (await h.send(operator, "POST", `${second}/decision`, { form: { decision: "approve" } })).statusCode,
      303,
    );

    const activated = await card(egrulIvanovaEntrepreneur.ogrn);
    assert.equal(activated.activation, "active");
    assert.equal(activated.contactPhone, "+74951000009");
    assert.match(text((await h.send(session, "GET", "/org")).body), /Кабинет организации активирован/);
    const mail = await h.deps.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, "practice@example.org"));
    assert.ok(mail.some((message) => /кабинет организации активирован/.test(message.subject ?? "")));
    assert.equal((await h.send(session, "GET", "/org/staff")).statusCode, 200);
    const events = await h.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, activated.id));
    assert.deepEqual(
      ["organization.data_submitted", "organization.corrections_requested", "organization.activated"].map(
        (name) => events.some((event) => event.event === name),
      ),
      [true, true, true],
    );
  });
});
