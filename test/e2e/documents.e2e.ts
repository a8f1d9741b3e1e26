// «Мои документы» in Chromium at 360 px: a real browser's multipart upload without script, the
// error summary, the delete confirmation, axe-core on every page and no sideways scrolling.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  type DocumentsTestApp,
  people,
  sampleElf,
  samplePdf,
  startDocumentsApp,
} from "../../src/modules/documents/test-support.ts";
import { expectAccessible, launchBrowser } from "./browser.ts";

let t: DocumentsTestApp;
let browser: Browser;
let page: Page;
let base: string;

before(async () => {
  t = await startDocumentsApp();
  base = await t.app.listen({ port: 0, host: "127.0.0.1" });
  const { cookie } = await t.signIn(people.ivanova);
  browser = await launchBrowser();
  // Script stays on only for axe: the pages carry none (upload.test.ts checks), so the forms work without it.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const [name = "", value = ""] = pair.split("=");
      return { name, value, url: base };
    }),
  );
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
});
after(async () => {
  await browser?.close();
  await t?.close();
});

async function expectFitsPhone(what: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${what} scrolls sideways: ${width}px`);
}

test("upload through the form, see it in the list, delete it", async () => {
  await page.goto(`${base}/lk/documents`);
  await expectAccessible(page, "the empty list");
  await page.getByRole("link", { name: "Загрузить документ" }).click();
  await expectAccessible(page, "the upload form");
  await expectFitsPhone("the upload form");

  await page.getByLabel("Тип документа").selectOption("snils");
  await page
    .getByLabel("Файл")
    .setInputFiles({ name: "Иванова СНИЛС.pdf", mimeType: "application/pdf", buffer: samplePdf() });
  await page.getByRole("button", { name: "Загрузить" }).click();
  await page.waitForURL(`${base}/lk/documents`);
  assert.match(await page.locator("main").innerText(), /Иванова СНИЛС\.pdf[\s\S]*Принято/);
  await expectAccessible(page, "the list with a document");
  await expectFitsPhone("the list");

  await page.getByRole("link", { name: "Удалить Иванова СНИЛС.pdf" }).click();
  await expectAccessible(page, "the delete confirmation");
  await page.getByRole("button", { name: "Удалить документ" }).click();
  await page.waitForURL(`${base}/lk/documents`);
  assert.match(await page.locator(".flash").innerText(), /Документ удалён/);
});

test("a refused file: the summary names the reason and links to the field", async () => {
  await page.goto(`${base}/lk/documents/upload`);
  await page.getByLabel("Тип документа").selectOption("identity_document");
  await page
    .getByLabel("Файл")
    .setInputFiles({ name: "паспорт.pdf", mimeType: "application/pdf", buffer: sampleElf() });
  await page.getByRole("button", { name: "Загрузить" }).click();
  const summary = page.locator(".error-summary");
  assert.match(await summary.innerText(), /является программой/);
  assert.equal(await summary.getByRole("link").getAttribute("href"), "#field-file");
  await expectAccessible(page, "the upload form with an error");
  await expectFitsPhone("the upload form with an error");
});

test("several files at once: the refused one is named with its reason; «Просмотреть» opens a new tab", async () => {
  await page.goto(`${base}/lk/documents/upload`);
  await page.getByLabel("Тип документа").selectOption("identity_document");
  await page.getByLabel("Файлы").setInputFiles([
    { name: "паспорт стр 2-3.pdf", mimeType: "application/pdf", buffer: samplePdf() },
    { name: "паспорт стр 5.pdf", mimeType: "application/pdf", buffer: sampleElf() },
  ]);
  await page.getByRole("button", { name: "Загрузить" }).click();
  const outcome = await page.locator("main").innerText();
  assert.match(outcome, /Документ «паспорт стр 2-3\.pdf» загружен и принят/);
  assert.match(outcome, /«паспорт стр 5\.pdf» — Файл является программой/);
  await expectAccessible(page, "the upload of several files with a refusal");
  await expectFitsPhone("the upload of several files with a refusal");

  await page.goto(`${base}/lk/documents`);
  const [tab] = await Promise.all([
    page.context().waitForEvent("page"),
    page.getByRole("link", { name: /Просмотреть паспорт стр 2-3\.pdf/ }).click(),
  ]);
  // The headers (inline, no script) are checked over HTTP in access.test.ts; here: a tab of its own.
  await tab.waitForLoadState();
  assert.match(tab.url(), /\/lk\/documents\/[0-9a-f-]{36}\/view$/);
  await tab.close();
});

test("the upload, the refusal and the deletion are in «История»", async () => {
  await page.goto(`${base}/lk/history`);
  const journal = await page.locator("main").innerText();
  for (const entry of ["Загружен документ", "Документ не принят", "Удалён документ"]) {
    assert.match(journal, new RegExp(entry), entry);
  }
  await expectAccessible(page, "the history");
  await expectFitsPhone("the history");
});
