// C6 in Chromium: an operator of the support desk publishes «Сбой отправки SMS» on the back office's
// page of messages about the service; the banner is under the header of the pages that follow and
// on /status, and goes when the operator ends it. axe on each page, the phone width included.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { after, before, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { type CabinetHarness, personOf, startCabinet } from "../support/organization-cabinet.ts";
import { expectAccessible, launchBrowser } from "./browser.ts";

let h: CabinetHarness;
let browser: Browser;
let base: string;
const shots = process.env.INCIDENT_SHOTS_DIR;
const operatorPersona = { person: personOf(6, "Орлов", "Дмитрий", "Андреевич"), support: true as const };

before(async () => {
  h = await startCabinet({ start: "2026-12-02T20:00:00Z" });
  base = await h.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
  if (shots) await mkdir(shots, { recursive: true });
});
after(async () => {
  await browser?.close();
  await h?.close();
});

async function contextWith(cookie: string | undefined, width: number): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  if (cookie)
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const [name = "", ...rest] = pair.split("=");
        return { name, value: rest.join("="), url: base };
      }),
    );
  return context;
}

async function shoot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

test("an operator publishes an outage, everyone sees the banner, the operator ends it", async () => {
  const context = await contextWith((await h.signIn(operatorPersona)).cookie, 1280);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${base}/support-desk`);
  await page.getByRole("link", { name: "Сообщения о работе сервиса" }).click();
  await expectAccessible(page, "the messages page");

  await page.getByRole("button", { name: "Опубликовать" }).click();
  assert.match(await page.locator(".error-summary, [role=alert]").first().innerText(), /Выберите, о чём/);
  await expectAccessible(page, "the form with errors");

  await page.getByLabel("Сбой").check();
  await page.getByLabel("Заголовок").fill("Сбой отправки SMS");
  await page.getByLabel("Подробности (если нужны)").fill("Коды подтверждения приходят с задержкой.");
  await page.getByRole("button", { name: "Опубликовать" }).click();
  assert.match(await page.locator(".flash").innerText(), /Сообщение опубликовано/);
  assert.match(await page.locator(".incidents").innerText(), /Сбой отправки SMS/);
  await expectAccessible(page, "the back office with the banner");
  await shoot(page, "incidents-desk-1280");

  const visitor = await contextWith(undefined, 390);
  const phone = await visitor.newPage();
  for (const path of ["/", "/status"]) {
    await phone.goto(`${base}${path}`);
    assert.match(await phone.locator(".incidents").innerText(), /Коды подтверждения приходят с задержкой/);
    await expectAccessible(phone, `${path} on a phone with the banner`);
  }
  assert.match(await phone.locator("main").innerText(), /Сообщения службы поддержки/);
  await shoot(phone, "incidents-status-390");

  await page.getByRole("button", { name: "Завершить" }).click();
  assert.match(await page.locator(".flash").innerText(), /снято с публикации/);
  await phone.goto(`${base}/`);
  assert.equal(await phone.locator(".incidents").count(), 0);
  await visitor.close();
  await context.close();
});
