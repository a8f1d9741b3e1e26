// «Электронные подписи» in Chromium (O11, O12): Смирнов, logged in through the ESIA stand-in as
// Руководитель, registers his certificate from the test CA (the .cer way, no script needed) and sees
// it active; an expired one is refused with its own message. Both pages are checked with axe and
// photographed at 1280 and 360 px.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { standinAccounts, standinOrganizations } from "../../src/esia-standin/seed.ts";
import { samplePdf } from "../../src/modules/documents/test-support.ts";
import { openTestCa, personSubject, type TestCa } from "../../src/modules/signatures/test-ca.ts";
import { pfxOf, tc26PfxOf } from "../support/signing.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";
import { enterClinicAs, expectAccessible, launchBrowser, saveScreens } from "./browser.ts";

const DAY = 86_400_000;
const dataDir = mkdtempSync(join(tmpdir(), "frmr-signatures-e2e-"));
const shots = process.env.SCREENSHOTS_DIR;
let system: TestSystem;
let browser: Browser;
let ca: TestCa;
let signedIn: { context: BrowserContext; page: Page } | undefined;
const crlServer = createServer((_request, response) => {
  response.writeHead(200, { "content-type": "application/pkix-crl" });
  response.end(Buffer.from(ca.crl()));
});

before(async () => {
  await new Promise<void>((resolve) => crlServer.listen(0, "127.0.0.1", resolve));
  const crlUrl = `http://127.0.0.1:${(crlServer.address() as AddressInfo).port}/crl`;
  ca = openTestCa(join(dataDir, "test-ca"), crlUrl);
  system = await startTestSystem({ listen: true, env: { DATA_DIR: dataDir } });
  browser = await launchBrowser();
});
after(async () => {
  await signedIn?.context.close();
  await browser?.close();
  await system?.close();
  crlServer.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function certificateFile(name: string, o: { fromDays: number; toDays: number }): string {
  const now = Date.now();
  const { certificate } = ca.issue({
    subject: personSubject(standinAccounts.smirnov, standinOrganizations.clinic, "Главный врач"),
    notBefore: new Date(now + o.fromDays * DAY),
    notAfter: new Date(now + o.toDays * DAY),
  });
  const path = join(dataDir, name);
  writeFileSync(path, certificate.der);
  return path;
}

test("Смирнов registers his certificate; an expired one is refused with its message", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await enterClinicAs(page, system.cabinetUrl, "+7 900 100-00-04", "Руководитель");

  await page
    .getByRole("navigation", { name: "Разделы кабинета" })
    .getByRole("link", { name: "Электронные подписи" })
    .click();
  await page.getByRole("heading", { level: 1, name: "Электронные подписи" }).waitFor();
  await expectAccessible(page, "Электронные подписи, empty");

  await page
    .getByLabel("Файл сертификата")
    .setInputFiles(certificateFile("head.cer", { fromDays: -1, toDays: 365 }));
  await page.locator("#certificate-form").getByRole("button", { name: "Подтвердить" }).click();
  await page.getByText(/зарегистрирован и стал действующим/).waitFor();
  const table = await page.locator("table").innerText();
  assert.match(table, /Смирнов Алексей Викторович/);
  assert.match(table, /действующий/);
  await expectAccessible(page, "Электронные подписи with a certificate");
  await saveScreens(page, shots, "signatures");

  await page
    .getByLabel("Файл сертификата")
    .setInputFiles(certificateFile("old.cer", { fromDays: -400, toDays: -3 }));
  await page.locator("#certificate-form").getByRole("button", { name: "Подтвердить" }).click();
  await page.getByRole("heading", { name: "Срок действия сертификата истёк" }).waitFor();
  await expectAccessible(page, "the expired certificate's refusal");
  await saveScreens(page, shots, "signatures-expired");
  signedIn = { context, page };
});

test("Смирнов signs a document in «Документы» in the browser with his .pfx; five wrong passwords lock signing", async () => {
  // The same session as the registration above: the stand-in asks for consent only at the first login.
  assert.ok(signedIn, "the first walk signed Смирнов in");
  const { context, page } = signedIn;
  const now = Date.now();
  const issued = ca.issue({
    subject: personSubject(standinAccounts.smirnov, standinOrganizations.clinic, "Главный врач"),
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 365 * DAY),
  });
  const pfx = {
    name: "smirnov.pfx",
    mimeType: "application/x-pkcs12",
    buffer: Buffer.from(await pfxOf(issued, "Демо-1234")),
  };
  // He registers it from the .pfx: the page takes the certificate out, the key stays in the browser.
  await page.goto(`${system.cabinetUrl}/org/signatures`);
  const fromPfx = page.locator("#pfx-registration");
  await fromPfx.getByLabel("Файл ключа (.pfx)").setInputFiles(pfx);
  await fromPfx.getByLabel("Пароль к файлу ключа").fill("не тот");
  await fromPfx.getByRole("button", { name: "Подтвердить" }).click();
  await page.locator("#pfx-registration-error", { hasText: "не подошёл" }).waitFor();
  await fromPfx.getByLabel("Пароль к файлу ключа").fill("Демо-1234");
  await fromPfx.getByRole("button", { name: "Подтвердить" }).click();
  await page.getByText(new RegExp(`Сертификат ${issued.certificate.serialHex} зарегистрирован`)).waitFor();
  await saveScreens(page, shots, "signatures-pfx");

  await page
    .getByRole("navigation", { name: "Разделы кабинета" })
    .getByRole("link", { name: "Документы" })
    .click();
  await page.getByRole("heading", { level: 1, name: "Документы организации" }).waitFor();
  await page.getByLabel("Вид документа").selectOption("charter");
  await page.getByLabel("Название документа").fill("Устав поликлиники");
  await page
    .getByLabel("Файл (PDF)")
    .setInputFiles({ name: "устав.pdf", mimeType: "application/pdf", buffer: samplePdf() });
  await page.getByRole("button", { name: "Загрузить" }).click();
  await page.getByText("Документ загружен.").waitFor();
  await expectAccessible(page, "«Документы» with a document");
  await saveScreens(page, shots, "org-documents");

  await page.getByRole("link", { name: "Подписать ЭП" }).click();
  await page.getByRole("heading", { level: 1, name: "Подписание документа" }).waitFor();
  // The script has shown the browser way and hidden the notice for browsers without it.
  await page.getByRole("heading", { name: "Подписать в браузере" }).waitFor();
  assert.equal(await page.locator("#browser-signing-unavailable").isVisible(), false);
  await expectAccessible(page, "the document's signing page");
  await saveScreens(page, shots, "org-document-sign");
  await page.getByLabel("Файл ключа (.pfx)").setInputFiles(pfx);
  await page.getByLabel("Пароль к файлу ключа").fill("Демо-1234");
  await page.getByRole("button", { name: "Подписать документ" }).click();
  await page.getByText("Документ «Устав поликлиники» подписан электронной подписью.").waitFor();
  assert.match(
    await page.locator("table").innerText(),
    /Подписано ЭП: Смирнов Алексей Викторович, серийный номер/,
  );

  // A .pfx with a 512-bit key (TC26 paramSetA), protected as КриптоПро CSP 5 exports it (GOST 28147-89
  // and a Streebog MAC), goes the same way: registered from the file, then signing.
  const issued512 = ca.issue({
    subject: personSubject(standinAccounts.smirnov, standinOrganizations.clinic, "Главный врач"),
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 365 * DAY),
    curve: "TC26-512-A",
  });
  const pfx512 = { ...pfx, name: "smirnov-512.pfx", buffer: tc26PfxOf(issued512, "Демо-512") };
  await page.goto(`${system.cabinetUrl}/org/signatures`);
  await fromPfx.getByLabel("Файл ключа (.pfx)").setInputFiles(pfx512);
  await fromPfx.getByLabel("Пароль к файлу ключа").fill("Демо-512");
  await fromPfx.getByRole("button", { name: "Подтвердить" }).click();
  await page.getByText(new RegExp(`Сертификат ${issued512.certificate.serialHex} зарегистрирован`)).waitFor();
  await page
    .getByRole("navigation", { name: "Разделы кабинета" })
    .getByRole("link", { name: "Документы" })
    .click();
  await page.getByRole("link", { name: "Подписать ЭП" }).click();
  await page.getByLabel("Файл ключа (.pfx)").setInputFiles(pfx512);
  await page.getByLabel("Пароль к файлу ключа").fill("Демо-512");
  await page.getByRole("button", { name: "Подписать документ" }).click();
  await page.getByText("Документ «Устав поликлиники» подписан электронной подписью.").waitFor();
  assert.match(await page.locator("table").innerText(), new RegExp(issued512.certificate.serialHex, "i"));

  await page.getByRole("link", { name: "Подписать ЭП" }).click();
  await page.getByLabel("Файл ключа (.pfx)").setInputFiles(pfx);
  for (let attempt = 1; attempt <= 4; attempt++) {
    await page.getByLabel("Пароль к файлу ключа").fill(`неверный-${attempt}`);
    await page.getByRole("button", { name: "Подписать документ" }).click();
    await page.locator("#browser-signing-error", { hasText: "Пароль к файлу .pfx не подошёл" }).waitFor();
  }
  await page.getByLabel("Пароль к файлу ключа").fill("неверный-5");
  await page.getByRole("button", { name: "Подписать документ" }).click();
  await page.getByRole("heading", { name: "Подписание временно заблокировано" }).waitFor();
  assert.equal(await page.locator("#browser-signing").count(), 0, "the browser way is gone while locked");
  assert.match(await page.locator("main").innerText(), /Загрузить файл подписи/);
  await expectAccessible(page, "signing locked after five wrong passwords");
  await saveScreens(page, shots, "org-document-sign-locked");

  // Without scripts the page says why and offers the .sig way.
  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 1280, height: 900 },
  });
  noScript.setDefaultTimeout(15_000);
  await noScript.addCookies(await context.cookies());
  const plain = await noScript.newPage();
  await plain.goto(page.url());
  await plain.getByRole("heading", { name: "Подписание временно заблокировано" }).waitFor();
  await noScript.close();
});
