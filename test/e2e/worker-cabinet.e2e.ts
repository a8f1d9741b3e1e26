// W2, W4–W6, W14, W15, W17 in Chromium at 360 px: Иванова's first login connects the ФРМР service
// with the SMS code, then every page of her cabinet is checked with axe, for sideways scrolling, and
// for scripts (there are none, so everything works without JavaScript; axe itself needs it on).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { startTestSystem, type TestSystem } from "../support/system.ts";
import { expectAccessible, launchBrowser, loginAtStandin, openSection } from "./browser.ts";

let system: TestSystem;
let browser: Browser;
let page: Page;

before(async () => {
  system = await startTestSystem({ listen: true });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
});
after(async () => {
  await browser?.close();
  await system?.close();
});

async function check(what: string): Promise<void> {
  // The idle-session warning is the only script a signed-in page carries; the page works without it.
  assert.equal(
    await page.locator('script:not([src^="/assets/idle-warning.js"])').count(),
    0,
    `${what} has a script`,
  );
  await expectAccessible(page, what);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow}px at 360 px`);
}

test("Иванова connects the service on her first login and works through her cabinet", async () => {
  await page.goto(`${system.cabinetUrl}/auth/esia/login`);
  await loginAtStandin(page, "+7 900 100-00-01");
  await page.getByLabel("Как медицинский работник").check();
  await page.getByRole("button", { name: "Продолжить" }).click();

  await page.waitForURL(`${system.cabinetUrl}/lk/connect`);
  await check("the connection page");
  await page.getByRole("button", { name: "Согласен, получить код" }).click();
  await page.getByLabel("Код из SMS").waitFor();
  await check("the code form");
  await page.getByLabel("Код из SMS").fill("000000");
  await page.getByRole("button", { name: "Подтвердить и подключить" }).click();
  assert.match(await page.locator(".error-summary").innerText(), /Неверный код|Код не запрошен/);
  await check("the code form with an error");

  const outbox = await page.context().newPage();
  await outbox.goto(`${system.cabinetUrl}/dev/outbox`);
  const code = (await outbox.locator("main").innerText()).match(/подключения сервиса ФРМР: (\d{6})/)?.[1];
  await outbox.close();
  assert.ok(code, "the SMS is in the development outbox");
  await page.getByLabel("Код из SMS").fill(code);
  await page.getByRole("button", { name: "Подтвердить и подключить" }).click();

  await page.waitForURL(`${system.cabinetUrl}/lk`);
  const home = await page.locator("main").innerText();
  assert.match(home, /Сервис ФРМР подключён/);
  assert.match(home, /Срок аккредитации по специальности «Терапия» истекает через \d+ (день|дня|дней)/);
  assert.match(home, /Чтобы пройти аккредитацию, создайте заявку/);
  await check("the home page");

  await openSection(page, "Личные данные");
  await check("personal data");
  await page.getByLabel("ИНН").fill("1234 5678 9048");
  await page.getByRole("button", { name: "Сохранить изменения" }).click();
  assert.match(
    await page.locator(".error-summary").innerText(),
    /В ИНН ошибка: контрольное число не сходится/,
  );
  await check("personal data with errors");
  await page.getByLabel("ИНН").fill("");
  await page.getByRole("button", { name: "Сохранить изменения" }).click();
  assert.match(await page.locator("main").innerText(), /Изменения сохранены|Изменений нет/);

  await openSection(page, "Личное дело");
  assert.match(await page.locator("main").innerText(), /Всего: 144 ч\./);
  await check("the personal file");

  await openSection(page, "История");
  assert.match(await page.locator("main").innerText(), /Подключён сервис ФРМР/);
  await check("the journal");

  await openSection(page, "Настройки");
  await page.getByLabel(/SMS/).check();
  await page.getByRole("button", { name: "Сохранить" }).click();
  assert.match(await page.locator("main").innerText(), /Настройки уведомлений сохранены/);
  await check("settings");

  await openSection(page, "Помощь");
  await page.getByText("Что означает «Ошибка 401: неверные учётные данные»?").click();
  await check("help");

  await page.goto(`${system.cabinetUrl}/lk/settings`);
  await page.getByRole("link", { name: "Отозвать согласие" }).click();
  await check("the revocation page");
  await page.getByRole("button", { name: "Отозвать согласие" }).click();
  await page.waitForURL(`${system.cabinetUrl}/lk/connect`);
  await page.goto(`${system.cabinetUrl}/lk/record`);
  assert.equal(new URL(page.url()).pathname, "/lk/connect", "the cabinet is closed again");
});
