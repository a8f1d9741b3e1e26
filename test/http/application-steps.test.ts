// The application draft in steps (W9–W12): each step a short page of its own with a step indicator,
// documents chosen on a slot's own page (so no page lists every document for every slot), every
// action back at the place acted on, and «Отправить» explained while the report waits for the head.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eq } from "drizzle-orm";
import { kindDefinitions, REPORT_SLOT_ID } from "../../src/modules/applications/applications.kinds.ts";
import { insertDocument } from "../../src/modules/documents/documents.repository.ts";
import { users } from "../../src/modules/identity/identity.schema.ts";
import {
  type AccreditationHarness,
  applicationIdFrom,
  startAccreditation,
  type Visitor,
} from "../support/accreditation.ts";

// DESIGN.md «Budgets»: a page's HTML, CSS and JS together within 60 KB; the HTML alone is held to it here.
const PAGE_BUDGET = 60 * 1024;
const DOCUMENTS = 230;

const slotTypes = [...new Set(kindDefinitions.periodic.slots.flatMap((slot) => slot.anyOf))];
// 80 identity documents, then the slots' types in turn.
const documentPlan = Array.from({ length: DOCUMENTS }, (_, index) =>
  index < 80 ? "identity_document" : (slotTypes[index % slotTypes.length] ?? "other"),
);

let harness: AccreditationHarness;
let ivanova: Visitor;
let id: string;
const base = () => `/lk/applications/${id}`;

before(async () => {
  harness = await startAccreditation();
  ivanova = await harness.enter("ivanova", "worker");
  const created = await ivanova.submit("/lk/applications/new", "/lk/applications", {
    kind: "periodic",
    specialtyCode: "76",
  });
  id = applicationIdFrom(created);
  const { db } = harness.deps.database;
  const [owner] = await db.select().from(users).where(eq(users.lastName, "Иванова"));
  assert.ok(owner);
  // Many documents, all of types the slots take, with long names (as scanners name them).
  for (const [index, type] of documentPlan.entries()) {
    await insertDocument(db, {
      userId: owner.id,
      typeCode: type,
      originalName: `Скан документа номер ${index + 1} для периодической аккредитации специалиста, копия заверенная, страница ${index % 7} из 7 (${type}).pdf`,
      mediaType: "application/pdf",
      sizeBytes: 1000 + index,
      sha256: "0".repeat(64),
      storageKey: `steps-test-${index}`,
      uploadedAt: harness.clock.now(),
    });
  }
});
after(() => harness.close());

const stepUrls = () => [
  base(),
  `${base()}/documents`,
  `${base()}/portfolio`,
  `${base()}/report`,
  `${base()}/check`,
];

test("five steps, each a page of its own; the indicator marks the current one with aria-current=step", async () => {
  const labels = ["Вид и специальность", "Документы", "Портфолио", "Отчёт", "Проверка и отправка"];
  for (const [index, url] of stepUrls().entries()) {
    const page = await ivanova.get(url);
    assert.equal(page.statusCode, 200, url);
    const current = [...page.body.matchAll(/<a href="([^"]+)" aria-current="step">/g)].map(
      (match) => match[1],
    );
    assert.deepEqual(current, [url], `${url}: one current step, itself`);
    assert.match(page.body, new RegExp(`Шаг ${index + 1} из 5\\. ${labels[index]}`));
    for (const label of labels)
      assert.match(page.body, new RegExp(`</span>${label}`), `${url} lists ${label}`);
  }
  // The first step keeps the facts and the history; the slots are not there.
  const first = await ivanova.get(base());
  assert.match(first.body, /Вид аккредитации/);
  assert.match(first.body, /История изменений/);
  assert.doesNotMatch(first.body, /id="field-slot-identity"/);
  assert.match((await ivanova.get(`${base()}/documents`)).body, /id="field-slot-identity"/);
});

test(`with ${DOCUMENTS} documents every page of the application stays within 60 KB`, async (t) => {
  const slots = kindDefinitions.periodic.slots.map((slot) => `${base()}/slots/${slot.id}`);
  for (const url of [...stepUrls(), ...slots, `${base()}/submit`, `${base()}/withdraw`, "/lk/applications"]) {
    const page = await ivanova.get(url);
    assert.ok([200, 303].includes(page.statusCode), `${url} answered ${page.statusCode}`);
    const size = Buffer.byteLength(page.body);
    t.diagnostic(`${url.replace(id, ":id")}: ${size} bytes`);
    assert.ok(size <= PAGE_BUDGET, `${url}: ${size} bytes`);
  }
  // The step pages render no document list at all; the slot page lists only the fitting documents.
  for (const url of stepUrls())
    assert.doesNotMatch((await ivanova.get(url)).body, /Скан документа номер/, url);
  const identity = (await ivanova.get(`${base()}/slots/identity`)).body;
  const fitting = documentPlan.filter((type) => type === "identity_document").length;
  assert.equal([...identity.matchAll(/<option value="[0-9a-f-]{36}"/g)].length, fitting);
});

test("after an action the worker is back at the place acted on", async () => {
  const report = await ivanova.submit(`${base()}/report`, `${base()}/report`, {
    workplace: "ГБУЗ «Городская поликлиника № 1»",
    position: "Врач-терапевт",
    periodFrom: "2021-11-01",
    periodTo: "2026-11-01",
    summary: "Приём взрослого населения.",
  });
  assert.equal(report.statusCode, 303);
  assert.equal(report.headers.location, `${base()}/report#field-report`);

  const choice = await ivanova.get(`${base()}/slots/identity`);
  const documentId = /<option value="([0-9a-f-]{36})"/.exec(choice.body)?.[1];
  assert.ok(documentId);
  const attached = await ivanova.submit(`${base()}/slots/identity`, `${base()}/attachments`, {
    slotId: "identity",
    "document-identity": documentId,
  });
  assert.equal(attached.statusCode, 303);
  assert.equal(attached.headers.location, `${base()}/documents#field-slot-identity`);
  const documentsStep = await ivanova.get(`${base()}/documents`);
  assert.match(documentsStep.body, /Документ прикреплён/);
  // The attached document can be viewed in the browser from its slot.
  assert.match(documentsStep.body, new RegExp(`href="/lk/documents/${documentId}/view" target="_blank"`));

  const attachmentId = /attachments\/([0-9a-f-]{36})\/remove/.exec(documentsStep.body)?.[1];
  assert.ok(attachmentId);
  const removed = await ivanova.submit(
    `${base()}/documents`,
    `${base()}/attachments/${attachmentId}/remove`,
    {
      slotId: "identity",
    },
  );
  assert.equal(removed.headers.location, `${base()}/documents#field-slot-identity`);

  // A wrong choice shows the slot's page again with the error, not the whole application.
  const refused = await ivanova.submit(`${base()}/slots/${REPORT_SLOT_ID}`, `${base()}/attachments`, {
    slotId: REPORT_SLOT_ID,
    [`document-${REPORT_SLOT_ID}`]: documentId,
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /Этот документ не подходит для раздела/);
  assert.match(refused.body, /<h1>Отчёт о профессиональной деятельности/);

  const portfolio = await ivanova.submit(`${base()}/portfolio`, `${base()}/portfolio`, {
    title: "Неотложные состояния",
    institution: "РМАНПО",
    hours: "36",
    completedOn: "2026-03-01",
  });
  assert.equal(portfolio.headers.location, `${base()}/portfolio#field-portfolio`);

  // A refused form comes back on its own step, with the error.
  const badDate = await ivanova.submit(`${base()}/report`, `${base()}/report`, { workplace: "" });
  assert.equal(badDate.statusCode, 400);
  assert.match(badDate.body, new RegExp(`<a href="${base()}/report" aria-current="step">`));
  assert.match(badDate.body, /Шаг 4 из 5\. Отчёт/);
});

test("«Проверка и отправка» says plainly why «Отправить» waits for the head, and what to do", async () => {
  const reportStep = await ivanova.get(`${base()}/report`);
  const organizationId = /<option value="([0-9a-f-]{36})"[^>]*>ГБУЗ/.exec(reportStep.body)?.[1];
  assert.ok(organizationId);
  await ivanova.submit(`${base()}/report`, `${base()}/agreement`, { agreementMode: "head", organizationId });
  const check = await ivanova.get(`${base()}/check`);
  assert.match(check.body, /Почему «Отправить заявку» ждёт руководителя/);
  assert.match(check.body, /нажмите «Направить отчёт руководителю»/);
  assert.match(check.body, /«Одобрение заявок»/);
  // Each missing item links to the field on its own step.
  assert.match(check.body, new RegExp(`href="${base()}/documents#field-slot-snils"`));
  assert.match(check.body, new RegExp(`href="${base()}/report#field-slot-${REPORT_SLOT_ID}"`));
  // The steps still to be completed are marked in the indicator.
  assert.match(check.body, /Документы<span class="steps__state"> — нужно заполнить/);
});

test("a kind without a portfolio has three steps; its portfolio and report addresses lead to the first", async () => {
  const created = await ivanova.submit("/lk/applications/new", "/lk/applications", {
    kind: "primary",
    specialtyCode: "27",
  });
  const other = applicationIdFrom(created);
  const first = await ivanova.get(`/lk/applications/${other}`);
  assert.match(first.body, /Шаг 1 из 3/);
  assert.doesNotMatch(first.body, /Портфолио/);
  const portfolio = await ivanova.get(`/lk/applications/${other}/portfolio`);
  assert.equal(portfolio.statusCode, 303);
  assert.equal(portfolio.headers.location, `/lk/applications/${other}`);
});
