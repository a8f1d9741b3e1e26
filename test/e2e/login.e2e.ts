// W1, W3, W19 in a real browser: Иванова logs in through the stand-in, sees her name, logs out;
// an unconfirmed account gets the page that explains how to confirm it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { startTestSystem, type TestSystem } from "../support/system.ts";
import { expectAccessible, launchBrowser, loginAtStandin } from "./browser.ts";

let system: TestSystem;
let browser: Browser;

before(async () => {
  system = await startTestSystem({ listen: true });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await system?.close();
});

test("Иванова logs in through Госуслуги, sees her name and logs out", async () => {
  const page = await browser.newPage();
  await page.goto(system.cabinetUrl);
  await expectAccessible(page, "the landing page");
  await page.getByRole("link", { name: "Войти через Госуслуги" }).click();

  await page.getByRole("heading", { name: /тестовый стенд ЕСИА/i }).waitFor();
  await expectAccessible(page, "the stand-in login page");
  await loginAtStandin(page, "8 900 100-00-01");

  await page.getByRole("heading", { name: "Как вы хотите войти?" }).waitFor();
  await expectAccessible(page, "the choice of context");
  await page.getByLabel("Как медицинский работник").check();
  await page.getByRole("button", { name: "Продолжить" }).click();
  await page.waitForURL(`${system.cabinetUrl}/lk**`);
  const header = page.locator("header");
  await assert.doesNotReject(header.getByText("Иванова Мария Петровна").waitFor());
  assert.match(await header.innerText(), /Предыдущий вход/);
  await expectAccessible(page, "the cabinet home");

  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at 360 px (overflow ${overflow}px)`);

  await page.getByRole("button", { name: "Выйти" }).click();
  await page.getByRole("heading", { name: "Вы вышли из личного кабинета" }).waitFor();
  await page.goto(`${system.cabinetUrl}/lk`);
  assert.match(await page.locator("main").innerText(), /Требуется вход|Сессия истекла/);
  await page.close();
});

test("Смирнов enters for the clinic as Руководитель; Кузнецова cannot pick Руководитель", async () => {
  const smirnov = await browser.newPage();
  await smirnov.goto(`${system.cabinetUrl}/auth/esia/login`);
  await loginAtStandin(smirnov, "+7 900 100-00-04");
  await smirnov.getByLabel(/От имени организации «ГБУЗ/).check();
  await smirnov.getByRole("button", { name: "Продолжить" }).click();
  await expectAccessible(smirnov, "the choice of role");
  await smirnov.getByLabel(/Руководитель/).check();
  await smirnov.getByRole("button", { name: "Войти" }).click();
  await smirnov.waitForURL(`${system.cabinetUrl}/org`);
  assert.match(await smirnov.locator("header").innerText(), /ГБУЗ «Городская поликлиника № 1»/);
  await expectAccessible(smirnov, "the organization's home");
  await smirnov.close();

  const kuznetsova = await browser.newPage();
  await kuznetsova.goto(`${system.cabinetUrl}/auth/esia/login`);
  await loginAtStandin(kuznetsova, "+7 900 100-00-05");
  await kuznetsova.getByLabel(/От имени организации «ГБУЗ/).check();
  await kuznetsova.getByRole("button", { name: "Продолжить" }).click();
  assert.equal(await kuznetsova.getByLabel(/Руководитель/).count(), 0);
  await kuznetsova.getByLabel(/Сотрудник/).check();
  await kuznetsova.getByRole("button", { name: "Войти" }).click();
  await kuznetsova.waitForURL(`${system.cabinetUrl}/org`);
  assert.match(await kuznetsova.locator("main").innerText(), /в роли «Сотрудник»/);
  await kuznetsova.close();
});

test("an unconfirmed account is told how to confirm it", async () => {
  const page = await browser.newPage();
  await page.goto(`${system.cabinetUrl}/auth/esia/login`);
  await loginAtStandin(page, "+79001000003");
  await page.getByRole("heading", { name: "Учётная запись не подтверждена" }).waitFor();
  assert.match(await page.locator("main").innerText(), /МФЦ/);
  await page.close();
});
