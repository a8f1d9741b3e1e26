// Licences (O17): the head enters a licence with its scan, records a suspension, an operator checks
// the entry against the scan; an employee without powers and another organization are refused;
// the suspension shows on the organization's card; every change is in the history and the journal.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { auditEvents } from "../../src/modules/audit/audit.schema.ts";
import { organizationLicences } from "../../src/modules/licences/licences.schema.ts";
import { minimalPdf } from "../support/files.ts";
import {
  type CabinetHarness,
  personas,
  type Session,
  startCabinet,
} from "../support/organization-cabinet.ts";
import { text } from "../support/platform.ts";

let h: CabinetHarness;
let head: Session;
let licenceId = "";

const licenceForm = {
  kind: "medical",
  number: "Л041-01137-77/00367011",
  issuedBy: "Департамент здравоохранения города Москвы",
  issuedOn: "2022-03-15",
  address1: "г. Москва, ул. Примерная, д. 1",
  works1: "терапии\nкардиологии\nлабораторной диагностике",
};

before(async () => {
  h = await startCabinet();
  head = await h.signIn(personas.head);
});
after(() => h.close());

describe("the head enters a licence", () => {
  test("a form with mistakes is refused on each field and nothing is stored", async () => {
    const refused = await h.send(head, "POST", "/org/licences", {
      multipart: { fields: { ...licenceForm, number: "?", issuedOn: "2099-01-01", works1: "" } },
    });
    assert.equal(refused.statusCode, 400);
    const body = text(refused.body);
    for (const message of [
      "Номер лицензии — буквы, цифры",
      "Укажите дату предоставления лицензии",
      "Перечислите работы и услуги",
      "Приложите выписку из реестра лицензий",
    ])
      assert.ok(body.includes(message), message);
    assert.equal((await h.deps.database.db.select().from(organizationLicences)).length, 0);
  });

  test("a valid licence with its PDF is stored, pending the operator's check", async () => {
    const added = await h.send(head, "POST", "/org/licences", {
      multipart: {
        fields: licenceForm,
        files: [{ field: "scan", name: "licence.pdf", content: minimalPdf() }],
      },
    });
    assert.equal(added.statusCode, 303, added.body.slice(0, 400));
    licenceId = String(added.headers.location).split("/").pop() ?? "";
    const page = text((await h.send(head, "GET", `/org/licences/${licenceId}`)).body);
    assert.match(page, /Л041-01137-77\/00367011/);
    assert.match(page, /ожидает проверки оператором/);
    assert.match(page, /кардиологии/);
    assert.match(page, /бессрочно/);
    assert.equal((await h.send(head, "GET", `/org/licences/${licenceId}/scan`)).statusCode, 200);
  });

  test("a suspension is recorded with its ground and dates, shown on the card and in the history", async () => {
    const wrong = await h.send(head, "POST", `/org/licences/${licenceId}/status`, {
      form: { action: "suspend", ground: "", from: "2026-11-20" },
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(text(wrong.body), /Укажите основание/);
    const suspended = await h.send(head, "POST", `/org/licences/${licenceId}/status`, {
      form: { action: "suspend", ground: "Решение Росздравнадзора № 12 от 19.11.2026", from: "2026-11-20" },
    });
    assert.equal(suspended.statusCode, 303);
    const page = text((await h.send(head, "GET", `/org/licences/${licenceId}`)).body);
    assert.match(page, /приостановлена с 20\.11\.2026\. Основание: Решение Росздравнадзора № 12/);
    assert.match(page, /Действие приостановлено/);
    const card = text((await h.send(head, "GET", "/org")).body);
    assert.match(card, /Лицензия № Л041-01137-77\/00367011 приостановлена/);
    // Resuming is the only way back; a second suspension of a suspended licence is refused.
    const again = await h.send(head, "POST", `/org/licences/${licenceId}/status`, {
      form: { action: "suspend", ground: "Ещё одно решение", from: "2026-11-21" },
    });
    assert.equal(again.statusCode, 400);
    assert.match(text(again.body), /невозможно при нынешнем статусе/);
  });
});

describe("access", () => {
  test("an employee without powers sees the list but cannot add or change a licence", async () => {
    const employee = await h.signIn(personas.kuznetsova);
    assert.equal((await h.send(employee, "GET", "/org/licences")).statusCode, 200);
    assert.equal((await h.send(employee, "GET", "/org/licences/new")).statusCode, 403);
    const post = await h.send(employee, "POST", `/org/licences/${licenceId}/status`, {
      form: { action: "resume", from: "2026-11-21" },
    });
    assert.equal(post.statusCode, 403);
    assert.equal((await h.send(employee, "GET", `/org/licences/${licenceId}/scan`)).statusCode, 403);
  });

  test("another organization's head finds nothing", async () => {
    const other = await h.signIn(personas.otherHead);
    for (const url of [`/org/licences/${licenceId}`, `/org/licences/${licenceId}/scan`])
      assert.equal((await h.send(other, "GET", url)).statusCode, 404, url);
    const post = await h.send(other, "POST", `/org/licences/${licenceId}/status`, {
      form: { action: "resume", from: "2026-11-21" },
    });
    assert.equal(post.statusCode, 404);
    assert.doesNotMatch(text((await h.send(other, "GET", "/org/licences")).body), /Л041-01137/);
  });

  test("the back office is for operators only", async () => {
    assert.equal((await h.send(head, "GET", "/review/licences")).statusCode, 403);
    const worker = await h.signIn(personas.worker);
    assert.notEqual((await h.send(worker, "GET", `/review/licences/${licenceId}`)).statusCode, 200);
  });
});

describe("the operator's check", () => {
  test("a return needs a reason; a confirmation reaches the organization", async () => {
    const operator = await h.signIn(personas.operator);
    const queue = text((await h.send(operator, "GET", "/review/licences")).body);
    assert.match(queue, /Л041-01137-77\/00367011/);
    const noReason = await h.send(operator, "POST", `/review/licences/${licenceId}/verify`, {
      form: { decision: "rejected", comment: "" },
    });
    assert.equal(noReason.statusCode, 400);
    assert.match(text(noReason.body), /Напишите, что не совпадает/);
    const verified = await h.send(operator, "POST", `/review/licences/${licenceId}/verify`, {
      form: { decision: "verified" },
    });
    assert.equal(verified.statusCode, 303);
    assert.match(
      text((await h.send(head, "GET", `/org/licences/${licenceId}`)).body),
      /проверена оператором/,
    );
    assert.match(
      text((await h.send(head, "GET", "/org")).body),
      /Сведения о лицензии № Л041-01137-77\/00367011 проверены/,
    );
    const events = await h.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.event, "licence.verified"));
    assert.equal(events.length, 1);
  });
});
