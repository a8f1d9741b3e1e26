// The whole accreditation process over HTTP (W9–W13, C1–C3): Иванова files a periodic application,
// Смирнов agrees her report, Орлов asks for a document, she provides it, Орлов approves; the
// register gets the result, the extract verifies publicly, and every status change is notified.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eq } from "drizzle-orm";
import { standinAccounts } from "../../src/esia-standin/seed.ts";
import { applications } from "../../src/modules/applications/applications.schema.ts";
import { documents } from "../../src/modules/documents/documents.schema.ts";
import { notices, outboxMessages } from "../../src/modules/notifications/notifications.schema.ts";
import { findProceduresBySnils } from "../../src/modules/register/record.repository.ts";
import { saveNotificationChannels } from "../../src/modules/settings/settings.repository.ts";
import { addWorkingDays } from "../../src/shared/working-days.ts";
import {
  type AccreditationHarness,
  applicationIdFrom,
  startAccreditation,
  type Visitor,
} from "../support/accreditation.ts";
import { pdfText } from "../support/pdf-text.ts";
import { registerHeadCertificate, signDecision } from "../support/signing.ts";

let harness: AccreditationHarness;
let ivanova: Visitor;
let id: string;
const page = () => `/lk/applications/${id}`;

before(async () => {
  harness = await startAccreditation();
  ivanova = await harness.enter("ivanova", "worker");
});
after(() => harness.close());

const statusOf = async () =>
  (await harness.deps.database.db.select().from(applications).where(eq(applications.id, id)))[0]?.status;

test("Иванова creates a periodic application for her specialty and fills it", async () => {
  const created = await ivanova.submit("/lk/applications/new", "/lk/applications", {
    kind: "periodic",
    specialtyCode: "76",
  });
  assert.equal(created.statusCode, 303);
  id = applicationIdFrom(created);
  const again = await ivanova.submit("/lk/applications/new", "/lk/applications", {
    kind: "primary_specialized",
    specialtyCode: "76",
  });
  assert.equal(again.statusCode, 400, "one open application per specialty");
  assert.match(again.body, /По этой специальности у вас уже есть заявка № \d+ в работе/);
  const foreign = await ivanova.submit("/lk/applications/new", "/lk/applications", {
    kind: "periodic",
    specialtyCode: "45",
  });
  assert.equal(foreign.statusCode, 400, "periodic only for a specialty of her register record");
  assert.match(foreign.body, /только по специальности, по которой в реестре есть ваш сертификат/);
  const opened = await ivanova.get(page());
  assert.match(opened.body, /Черновик/);
  assert.match(opened.body, /Терапия/);
  // The register holds exactly 144 hours of ПК for her: the portfolio check passes.
  assert.match((await ivanova.get(`${page()}/portfolio`)).body, /<strong>144<\/strong> из\s*144/);

  for (const [slot, type] of [
    ["identity", "identity_document"],
    ["snils", "snils"],
    ["education", "education_diploma"],
    ["admission", "accreditation_record"],
    ["qualification", "qualification_certificate"],
    ["employment", "employment_record"],
    ["report", "activity_report"],
  ]) {
    const uploaded = await ivanova.upload(`${page()}/slots/${slot}`, `${page()}/slots/${slot}/upload`, {
      [`type-${slot}`]: type ?? "",
    });
    assert.equal(uploaded.statusCode, 303, `upload into ${slot}: ${uploaded.body.slice(0, 300)}`);
  }
  const report = await ivanova.submit(page(), `${page()}/report`, {
    workplace: "ГБУЗ «Городская поликлиника № 1»",
    position: "Врач-терапевт участковый",
    periodFrom: "2021-11-01",
    periodTo: "2026-11-01",
    summary: "Приём взрослого населения на участке, диспансерное наблюдение, профилактические осмотры.",
  });
  assert.equal(report.statusCode, 303);
});

test("submitting straight away is refused: the report must go to the head or say why not", async () => {
  const refused = await ivanova.submit(`${page()}/submit`, `${page()}/submit`);
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /Укажите, согласуется ли отчёт с руководителем/);
});

test("the report goes to Смирнов, who sees it in «Одобрение заявок» and agrees", async () => {
  const opened = await ivanova.get(`${page()}/report`);
  const organizationId = /<option value="([0-9a-f-]{36})"[^>]*>ГБУЗ «Городская поликлиника № 1»/.exec(
    opened.body,
  )?.[1];
  assert.ok(organizationId, "her clinic is offered from her employment card");
  const saved = await ivanova.submit(page(), `${page()}/agreement`, {
    agreementMode: "head",
    organizationId,
  });
  assert.equal(saved.statusCode, 303);
  assert.equal((await ivanova.submit(page(), `${page()}/send-to-head`)).statusCode, 303);
  assert.equal(await statusOf(), "awaiting_head");

  const smirnov = await harness.enter("smirnov", "head");
  const queue = await smirnov.get("/org/approvals");
  assert.equal(queue.statusCode, 200);
  assert.match(queue.body, /Иванова Мария Петровна/);
  const report = await smirnov.get(`/org/approvals/${id}/report`);
  assert.equal(report.statusCode, 200);
  assert.equal(report.headers["content-type"], "application/pdf");
  // The agreement is taken only once its decision document is signed with his registered certificate.
  const issued = await registerHeadCertificate(harness.deps, harness.clock, smirnov);
  const agreed = await signDecision(smirnov, id, issued, harness.clock);
  assert.equal(agreed.statusCode, 303, agreed.body.slice(0, 500));
  assert.equal(await statusOf(), "agreed");
  assert.match((await ivanova.get(page())).body, /Руководитель согласовал отчёт/);
  assert.match((await ivanova.get(`${page()}/report`)).body, /Согласовано, подписано ЭП/);
  assert.match((await ivanova.get(`${page()}/check`)).body, /Согласовано, подписано ЭП/);
});

test("Иванова confirms the summary and submits; the check deadline is 20 working days", async () => {
  const summary = await ivanova.get(`${page()}/submit`);
  assert.match(summary.body, /Проверьте заявку перед отправкой/);
  assert.match(summary.body, /Подтвердить и отправить/);
  const submitted = await ivanova.submit(`${page()}/submit`, `${page()}/submit`);
  assert.equal(submitted.statusCode, 303);
  const [row] = await harness.deps.database.db.select().from(applications).where(eq(applications.id, id));
  assert.equal(row?.status, "submitted");
  assert.equal(row?.stageDueOn, addWorkingDays("2026-11-23", 20));
  assert.equal(row?.portfolio?.totalHours, 144);
  // Documents of a filed application cannot be deleted.
  const documents = await ivanova.get("/lk/documents");
  assert.equal(documents.statusCode, 200);
});

test("Орлов requests a document; Иванова uploads it and the application returns to review by itself", async () => {
  const orlov = await harness.enter("orlov", "commission");
  const queue = await orlov.get("/review");
  assert.equal(queue.statusCode, 200);
  assert.match(queue.body, /Иванова Мария Петровна/);
  const review = `/review/applications/${id}`;
  assert.equal((await orlov.submit(review, `${review}/start-review`)).statusCode, 303);
  const requested = await orlov.submit(review, `${review}/request-documents`, {
    slots: ["identity"],
    comment: "Скан паспорта нечитаемый, приложите страницу с фотографией.",
  });
  assert.equal(requested.statusCode, 303);
  assert.equal(await statusOf(), "documents_requested");

  const opened = await ivanova.get(page());
  assert.match(opened.body, /Запрошенные комиссией документы/);
  const requestId = /requests\/([0-9a-f-]{36})\/upload/.exec(opened.body)?.[1];
  assert.ok(requestId);
  // The comment stands next to the request, and only documents of the requested type are offered.
  const request = opened.body.slice(opened.body.indexOf(`id="field-request-${requestId}"`));
  assert.match(request.slice(0, 600), /Комментарий комиссии:<\/strong> Скан паспорта нечитаемый/);
  const picker = request.slice(0, request.indexOf("</select>"));
  assert.match(picker, /Паспорт или иной документ, удостоверяющий личность/);
  assert.doesNotMatch(picker, /СНИЛС|Диплом|Трудовая/);
  const [snilsDocument] = await harness.deps.database.db
    .select()
    .from(documents)
    .where(eq(documents.typeCode, "snils"));
  assert.ok(snilsDocument);
  const wrongType = await ivanova.submit(page(), `${page()}/requests/${requestId}/provide`, {
    [`document-${requestId}`]: snilsDocument.id,
  });
  assert.equal(wrongType.statusCode, 400, "a document of another type does not answer the request");
  assert.match(wrongType.body, /Комиссия запросила документ другого типа/);
  assert.equal(await statusOf(), "documents_requested");
  const uploaded = await ivanova.upload(page(), `${page()}/requests/${requestId}/upload`, {
    [`type-${requestId}`]: "identity_document",
  });
  assert.equal(uploaded.statusCode, 303, uploaded.body.slice(0, 300));
  assert.equal(await statusOf(), "under_review");
  assert.match((await ivanova.get(page())).body, /вернулась на рассмотрение/);
});

test("Орлов hands it to the commission and approves: the register records the accreditation", async () => {
  const orlov = await harness.enter("orlov", "commission");
  const review = `/review/applications/${id}`;
  assert.equal((await orlov.submit(review, `${review}/transfer`)).statusCode, 303);
  const refused = await orlov.submit(review, `${review}/decide`, {
    decision: "approve",
    protocolNumber: "",
    protocolDate: "",
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /Укажите номер протокола/);
  const decided = await orlov.submit(review, `${review}/decide`, {
    decision: "approve",
    protocolNumber: "47/2026",
    protocolDate: "2026-11-23",
  });
  assert.equal(decided.statusCode, 303);
  assert.equal(await statusOf(), "approved");
  const snils = standinAccounts.ivanova.snils ?? "";
  const [latest] = await findProceduresBySnils(harness.deps.database.db, snils, "76");
  assert.equal(latest?.procedure.passed, true);
  assert.equal(latest?.procedure.passDate, "2026-11-23");
  assert.equal(latest?.procedure.endDate, "2031-11-23");
  assert.equal(latest?.procedure.protocolNumber, "47/2026");
});

test("the extract is a PDF with her name, and its QR page confirms it publicly", async () => {
  const extract = await ivanova.get(`${page()}/extract.pdf`);
  assert.equal(extract.statusCode, 200);
  assert.equal(extract.headers["content-type"], "application/pdf");
  const text = pdfText(extract.rawPayload);
  assert.match(text, /Иванова Мария Петровна/);
  assert.match(text, /Терапия/);
  assert.ok(text.includes(harness.deps.config.commissionName), "the configured commission decided");
  const number = /verify\/(\d{4}-\d{4}-\d{4})/.exec(text)?.[1];
  assert.ok(number, "the verification address is printed");
  const anonymous = await harness.app.inject({ url: `/verify/${number}` });
  assert.equal(anonymous.statusCode, 200);
  assert.match(anonymous.body, /Аккредитация действует/);
  assert.match(anonymous.body, /Иванова М\. П\./);
  assert.doesNotMatch(anonymous.body, /Мария Петровна/, "only initials are public");
  assert.equal((await harness.app.inject({ url: "/verify/0000-0000-0000" })).statusCode, 404);
});

test("every status change reaches her as a notice and an e-mail, delivered by the job queue", async () => {
  const { db } = harness.deps.database;
  const userId = (await db.select().from(applications).where(eq(applications.id, id)))[0]?.userId ?? "";
  assert.equal(
    (await db.select().from(notices).where(eq(notices.userId, userId))).length,
    0,
    "nothing before the jobs run",
  );
  // She turned SMS on in the settings (W13): every change goes by SMS too.
  await saveNotificationChannels(db, userId, { email: true, sms: true }, harness.clock.now());
  await harness.runJobs();
  const received = await db.select().from(notices).where(eq(notices.userId, userId));
  // send_to_head, agree, submit, start_review, request_documents, documents_provided, transfer, approve
  assert.equal(received.length, 8);
  const messages = await db.select().from(outboxMessages).where(eq(outboxMessages.userId, userId));
  const mails = messages.filter((message) => message.channel === "email");
  const texts = messages.filter((message) => message.channel === "sms");
  assert.equal(mails.length, 8);
  assert.ok(mails.every((mail) => mail.recipient === "maria.ivanova@example.org"));
  assert.equal(texts.length, 8);
  assert.ok(texts.every((text) => text.recipient === "+79001000001"));
  assert.ok(
    messages.every((message) => message.sentAt !== null),
    "delivered",
  );
  const listed = await ivanova.get("/lk/notices");
  assert.match(listed.body, /аккредитация пройдена/i);
  await harness.runJobs();
  assert.equal(
    (await db.select().from(notices).where(eq(notices.userId, userId))).length,
    8,
    "no duplicates",
  );
});
