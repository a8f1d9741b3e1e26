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
import type { Browser } from "playwright-core";
import { standinAccounts, standinOrganizations } from "../../src/esia-standin/seed.ts";
import { openTestCa, personSubject, type TestCa } from "../../src/modules/signatures/test-ca.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";
import { enterClinicAs, expectAccessible, launchBrowser, saveScreens } from "./browser.ts";

const DAY = 86_400_000;
const dataDir = mkdtempSync(join(tmpdir(), "frmr-signatures-e2e-"));
const shots = process.env.SCREENSHOTS_DIR;
let system: TestSystem;
let browser: Browser;
let ca: TestCa;
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
  await page.getByRole("button", { name: "Подтвердить" }).click();
  await page.getByText(/зарегистрирован и стал действующим/).waitFor();
  const table = await page.locator("table").innerText();
  assert.match(table, /Смирнов Алексей Викторович/);
  assert.match(table, /действующий/);
  await expectAccessible(page, "Электронные подписи with a certificate");
  await saveScreens(page, shots, "signatures");

  await page
    .getByLabel("Файл сертификата")
    .setInputFiles(certificateFile("old.cer", { fromDays: -400, toDays: -3 }));
  await page.getByRole("button", { name: "Подтвердить" }).click();
  await page.getByRole("heading", { name: "Срок действия сертификата истёк" }).waitFor();
  await expectAccessible(page, "the expired certificate's refusal");
  await saveScreens(page, shots, "signatures-expired");
  await context.close();
});
