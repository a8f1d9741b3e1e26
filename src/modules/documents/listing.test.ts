// The list's pages, the per-user quota and the missing documents of W8 shown on the home page.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { documents } from "./documents.schema.ts";
import { missingDocumentTypes } from "./documents.service.ts";
import { newStorageKey } from "./storage.ts";
import {
  type DocumentsTestApp,
  documentForm,
  people,
  postUpload,
  samplePdf,
  samplePdfOfSize,
  samplePng,
  startDocumentsApp,
} from "./test-support.ts";

let t: DocumentsTestApp;

before(async () => {
  // A small quota, so that reaching it takes a few tiny files.
  t = await startDocumentsApp({ env: { DOCUMENTS_QUOTA_FILES: "2", DOCUMENTS_QUOTA_MB: "1" } });
});
after(() => t.close());

const upload = (cookie: string, filename: string, content: Buffer, documentType?: string) =>
  postUpload(t.app, cookie, documentForm(filename, content, documentType));

describe("quota", () => {
  async function refusedOverQuota(cookie: string, content: Buffer, message: RegExp) {
    const filesBefore = await t.storedFiles();
    const response = await upload(cookie, "ещё один.pdf", content, "other");
    assert.equal(response.statusCode, 400);
    assert.match(response.body, message);
    assert.deepEqual(await t.storedFiles(), filesBefore);
  }

  test("the number of files, per user", async () => {
    const user = await t.signIn(people.ivanova);
    for (const name of ["1.pdf", "2.pdf"]) {
      assert.equal((await upload(user.cookie, name, samplePdf(), "other")).statusCode, 303);
    }
    await refusedOverQuota(user.cookie, samplePdf(), /максимальное число документов \(2\)/);
    const rows = await t.deps.database.db.select().from(documents).where(eq(documents.userId, user.userId));
    assert.equal(rows.length, 2);
  });

  test("the total size", async () => {
    const user = await t.signIn(people.petrova);
    const half = samplePdfOfSize(600 * 1024);
    assert.equal((await upload(user.cookie, "первый.pdf", half, "other")).statusCode, 303);
    await refusedOverQuota(user.cookie, half, /не может превышать 1 МБ, занято 600 КБ/);
  });
});

test("a long list is split into pages of 25, the next one read after the last document shown", async () => {
  const reader = await t.signIn(people.sidorov);
  const rows = Array.from({ length: 30 }, (_, i) => ({
    userId: reader.userId,
    typeCode: "other",
    originalName: `документ-${String(i + 1).padStart(2, "0")}.pdf`,
    mediaType: "application/pdf",
    sizeBytes: 1000,
    sha256: "0".repeat(64),
    storageKey: newStorageKey(),
    uploadedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
  }));
  await t.deps.database.db.insert(documents).values(rows);
  const page = async (query: string) =>
    (await t.app.inject({ url: `/lk/documents${query}`, headers: { cookie: reader.cookie } })).body;
  const first = await page("");
  assert.equal(first.match(/<tr>\s*<td data-label="Тип документа">/g)?.length, 25);
  assert.match(first, /документ-30\.pdf/, "newest first");
  assert.match(first, /Страница 1 из 2/);
  const next = first.match(/href="\/lk\/documents(\?after=[^"&]+&amp;page=2)" rel="next"/)?.[1];
  assert.ok(next, "the next page starts at a keyset cursor");
  const second = await page(next.replaceAll("&amp;", "&"));
  assert.equal(second.match(/<tr>\s*<td data-label="Тип документа">/g)?.length, 5);
  assert.match(second, /документ-01\.pdf/);
  assert.doesNotMatch(second, /документ-06\.pdf/);
  assert.match(second, /Страница 2 из 2/);
  assert.match(second, /href="\/lk\/documents" rel="first"/);
  assert.match(await page("?page=99"), /Страница 1 из 2/, "a number without a cursor: the first page");
});

describe("missing documents (W8)", () => {
  test("the requirements not yet covered, and the home page block linking to the upload form", async () => {
    const worker = await t.signIn(people.kuznetsova);
    const before = await missingDocumentTypes(t.deps.database.db, worker.userId);
    assert.equal(before.length, 7, "nothing uploaded yet");
    await upload(worker.cookie, "паспорт.pdf", samplePdf(), "identity_document");
    await upload(worker.cookie, "ординатура.png", samplePng(), "residency_diploma");
    const missing = await missingDocumentTypes(t.deps.database.db, worker.userId);
    assert.deepEqual(
      missing.map((requirement) => requirement.id),
      ["snils", "admission", "qualification", "employment", "report"],
    );
    const home = await t.app.inject({ url: "/lk", headers: { cookie: worker.cookie } });
    assert.match(home.body, /Документы для периодической аккредитации/);
    assert.match(home.body, /href="\/lk\/documents\/upload\?type=snils"/);
    assert.doesNotMatch(home.body, /Документ, удостоверяющий личность/);
  });
});
