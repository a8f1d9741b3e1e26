// «Заявления организации» (O9): the head, a representative and an employee granted «Подача заявлений
// от имени организации» file requests with documents; an employee without the right and another
// organization are refused; an operator decides in the back office, and the decision reaches the
// organization; every step is in the history and the journal.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { insertGrant, insertRepresentative } from "../../src/modules/access/access.repository.ts";
import { auditEvents } from "../../src/modules/audit/audit.schema.ts";
import { egrulClinic } from "../../src/modules/egrul/egrul.standin-data.ts";
import { organizationRequests } from "../../src/modules/org-requests/org-requests.schema.ts";
import { demoClinicFrmoOid } from "../../src/modules/organizations/organizations.seed.ts";
import { insertRecord } from "../../src/modules/register/record.repository.ts";
import { minimalPdf } from "../support/files.ts";
import {
  type CabinetHarness,
  type Persona,
  personas,
  personOf,
  type Session,
  startCabinet,
} from "../support/organization-cabinet.ts";
import { text } from "../support/platform.ts";

let h: CabinetHarness;
let head: Session;
let requestId = "";
const submitter: Persona = {
  person: personOf(22, "Зайцева", "Вера", "Павловна"),
  organization: { ogrn: egrulClinic.ogrn, role: "employee" },
};
const pdf = [{ field: "attachments", name: "reshenie.pdf", content: minimalPdf() }];

before(async () => {
  h = await startCabinet();
  const db = h.deps.database.db;
  head = await h.signIn(personas.head);
  const clinicId = await h.organizationId(egrulClinic.ogrn);
  const headUser =
    (await db.query.users.findFirst({ where: (u, { eq }) => eq(u.snils, personas.head.person.snils ?? "") }))
      ?.id ?? "";
  await insertGrant(db, {
    organizationId: clinicId,
    snils: submitter.person.snils ?? "",
    fullName: "Зайцева Вера",
    rights: ["applications.submit"],
    startsOn: "2026-11-01",
    endsOn: "2026-12-31",
    grantedBy: headUser,
    grantedAt: h.clock.now(),
  });
  await insertRepresentative(db, {
    organizationId: clinicId,
    snils: personas.kuznetsova.person.snils ?? "",
    fullName: "Кузнецова Ольга Игоревна",
    attorneyNumber: "Д-1",
    attorneyFormat: "pdf",
    issuedOn: "2026-01-10",
    validUntil: "2027-01-10",
    status: "active",
    submittedBy: headUser,
    submittedAt: h.clock.now(),
  });
  await insertRecord(db, {
    person: { snils: "11223344595", lastName: "Соколова", firstName: "Елена", patronymic: "Андреевна" },
    cards: [
      {
        oid: demoClinicFrmoOid,
        organization: "ГБУЗ «Городская поликлиника № 1»",
        postId: "109",
        postName: "врач-терапевт",
        positionTypeId: "main",
        positionTypeName: "Основное место работы",
        rate: 1,
        beginDate: "2020-01-01",
      },
    ],
  });
});
after(() => h.close());

describe("filing a request", () => {
  test("the kinds are offered, each with its own form", async () => {
    const kinds = text((await h.send(head, "GET", "/org/requests/new")).body);
    for (const label of [
      "Изменение сведений об организации",
      "Открытие филиала или структурного подразделения",
      "Закрытие филиала или структурного подразделения",
      "Исправление сведений о сотруднике в регистре",
    ])
      assert.ok(kinds.includes(label), label);
    const form = text((await h.send(head, "GET", "/org/requests/new?kind=unit_open")).body);
    assert.match(form, /Наименование подразделения/);
    assert.match(form, /Дата открытия/);
  });

  test("a form with mistakes is refused on each field; a wrong ИНН by the shared validator", async () => {
    const refused = await h.send(head, "POST", "/org/requests", {
      multipart: { fields: { kind: "organization_data", field: "inn", proposedValue: "7707083894" } },
    });
    assert.equal(refused.statusCode, 400);
    const body = text(refused.body);
    assert.match(body, /В ИНН ошибка: контрольное число не сходится/);
    assert.match(body, /Приложите подтверждающий документ/);
    const noKind = await h.send(head, "POST", "/org/requests", { multipart: { fields: { kind: "x" } } });
    assert.equal(noKind.statusCode, 400);
    const notPdf = await h.send(head, "POST", "/org/requests", {
      multipart: {
        fields: { kind: "unit_close", unitKind: "branch", unitName: "Филиал № 2", effectiveOn: "2026-12-31" },
        files: [{ field: "attachments", name: "a.pdf", content: "not a pdf" }],
      },
    });
    assert.equal(notPdf.statusCode, 400);
    assert.match(text(notPdf.body), /«a\.pdf»/);
    assert.equal((await h.deps.database.db.select().from(organizationRequests)).length, 0);
  });

  test("the head files a change of the organization's data with its document", async () => {
    const filed = await h.send(head, "POST", "/org/requests", {
      multipart: {
        fields: { kind: "organization_data", field: "inn", proposedValue: "7707 0838 93" },
        files: pdf,
      },
    });
    assert.equal(filed.statusCode, 303, filed.body.slice(0, 400));
    requestId = String(filed.headers.location).split("/").pop() ?? "";
    const page = text((await h.send(head, "GET", `/org/requests/${requestId}`)).body);
    assert.match(page, /7707083893/);
    assert.match(page, /на рассмотрении/);
    assert.match(page, /Заявление подано/);
    assert.match(page, /reshenie\.pdf/);
    const list = text((await h.send(head, "GET", "/org/requests")).body);
    assert.match(list, /ИНН: 7707083893/);
  });

  test("a representative opens a branch; an employee with the right corrects a staff member's record", async () => {
    const rep = await h.signIn(personas.kuznetsova);
    const branch = await h.send(rep, "POST", "/org/requests", {
      multipart: {
        fields: {
          kind: "unit_open",
          unitKind: "branch",
          unitName: "Филиал № 3",
          address: "г. Москва, ул. Новая, д. 5",
          effectiveOn: "2027-01-15",
        },
        files: pdf,
      },
    });
    assert.equal(branch.statusCode, 303, branch.body.slice(0, 400));
    const employee = await h.signIn(submitter);
    const stranger = await h.send(employee, "POST", "/org/requests", {
      multipart: {
        fields: { kind: "employee_correction", snils: "112-233-445 95", employeeField: "position" },
        files: pdf,
      },
    });
    assert.equal(stranger.statusCode, 400);
    assert.match(text(stranger.body), /Укажите, как должно быть правильно/);
    const notOurs = await h.send(employee, "POST", "/org/requests", {
      multipart: {
        fields: {
          kind: "employee_correction",
          snils: personas.worker.person.snils ?? "",
          employeeField: "position",
          proposedValue: "врач-кардиолог",
        },
        files: pdf,
      },
    });
    assert.equal(notOurs.statusCode, 400);
    assert.match(text(notOurs.body), /не найден среди сотрудников организации/);
    const corrected = await h.send(employee, "POST", "/org/requests", {
      multipart: {
        fields: {
          kind: "employee_correction",
          snils: "112-233-445 95",
          employeeField: "position",
          proposedValue: "врач-кардиолог",
        },
        files: pdf,
      },
    });
    assert.equal(corrected.statusCode, 303);
    assert.match(text((await h.send(employee, "GET", "/org/requests")).body), /Филиал № 3/);
  });
});

describe("access", () => {
  test("an employee without the right is refused everywhere, and the refusal is audited", async () => {
    const employee = await h.signIn(personas.petrova);
    const before = await count("access.denied");
    for (const url of ["/org/requests", "/org/requests/new", `/org/requests/${requestId}`])
      assert.equal((await h.send(employee, "GET", url)).statusCode, 403, url);
    const post = await h.send(employee, "POST", "/org/requests", {
      multipart: { fields: { kind: "unit_close" }, files: pdf },
    });
    assert.equal(post.statusCode, 403);
    assert.equal(await count("access.denied"), before + 4);
  });

  test("another organization's head finds nothing", async () => {
    const other = await h.signIn(personas.otherHead);
    assert.equal((await h.send(other, "GET", `/org/requests/${requestId}`)).statusCode, 404);
    assert.doesNotMatch(text((await h.send(other, "GET", "/org/requests")).body), /7707083893/);
  });

  test("the back office is for operators only", async () => {
    assert.equal((await h.send(head, "GET", "/review/org-requests")).statusCode, 403);
    const post = await h.send(head, "POST", `/review/org-requests/${requestId}/decide`, {
      form: { decision: "approved" },
    });
    assert.equal(post.statusCode, 403);
  });
});

describe("the operator's decision", () => {
  test("a refusal needs a reason; the decision is in the history and reaches the organization", async () => {
    const operator = await h.signIn(personas.operator);
    const queue = text((await h.send(operator, "GET", "/review/org-requests")).body);
    assert.match(queue, /Изменение сведений об организации/);
    assert.match(queue, /Филиал № 3/);
    const detail = text((await h.send(operator, "GET", `/review/org-requests/${requestId}`)).body);
    assert.match(detail, /reshenie\.pdf/);
    const noReason = await h.send(operator, "POST", `/review/org-requests/${requestId}/decide`, {
      form: { decision: "refused", comment: "" },
    });
    assert.equal(noReason.statusCode, 400);
    assert.match(text(noReason.body), /Напишите причину отказа/);
    const refused = await h.send(operator, "POST", `/review/org-requests/${requestId}/decide`, {
      form: { decision: "refused", comment: "ИНН в документе другой." },
    });
    assert.equal(refused.statusCode, 303);
    const again = await h.send(operator, "POST", `/review/org-requests/${requestId}/decide`, {
      form: { decision: "approved" },
    });
    assert.equal(again.statusCode, 404, "a decided request is not decided twice");
    const page = text((await h.send(head, "GET", `/org/requests/${requestId}`)).body);
    assert.match(page, /отказано/);
    assert.match(page, /Причина отказа ИНН в документе другой\./);
    assert.match(page, /В исполнении заявления отказано/);
    assert.match(text((await h.send(head, "GET", "/org")).body), /отклонено: ИНН в документе другой/);
    assert.equal(await count("org_request.submitted"), 3);
    assert.equal(await count("org_request.decided"), 1);
    const journal = text((await h.send(head, "GET", "/org/journal")).body);
    assert.match(journal, /Подано заявление организации/);
  });
});

async function count(event: string): Promise<number> {
  const rows = await h.deps.database.db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(eq(auditEvents.event, event));
  return rows.length;
}
