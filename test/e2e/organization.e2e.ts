// The organization's cabinet in Chromium, everyone logging in through the ESIA stand-in: Смирнов
// enters as Руководитель and grants Кузнецова the right to edit staff until a date; Кузнецова enters
// as Сотрудник, adds a worker by СНИЛС and edits the card; Смирнов sees both in the journal and the
// worker in the staff report. Key pages are checked with axe.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { standinAccounts } from "../../src/esia-standin/seed.ts";
import { snilsFrom } from "../../src/esia-standin/seed-ids.ts";
import { addDays, moscowDate } from "../../src/modules/register/expiry.ts";
import { formatSnils } from "../../src/shared/identifiers.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";
import { expectAccessible, launchBrowser, loginAtStandin, saveScreens } from "./browser.ts";

const shots = process.env.E2E_SHOTS;

let system: TestSystem;
let browser: Browser;
const contexts: BrowserContext[] = [];

before(async () => {
  system = await startTestSystem({ listen: true });
  browser = await launchBrowser();
});
after(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await system?.close();
});

async function enterClinic(phone: string, role: "Руководитель" | "Сотрудник"): Promise<Page> {
  // The pages carry no script of their own; JavaScript stays on because axe-core needs it.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  contexts.push(context);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(`${system.cabinetUrl}/auth/esia/login`);
  await loginAtStandin(page, phone);
  await page.getByLabel(/От имени организации «ГБУЗ/).check();
  await page.getByRole("button", { name: "Продолжить" }).click();
  await page.getByLabel(new RegExp(role)).check();
  await page.getByRole("button", { name: "Войти" }).click();
  await page.waitForURL(`${system.cabinetUrl}/org`);
  return page;
}

const menu = (page: Page) => page.getByRole("navigation", { name: "Разделы кабинета" });
const today = moscowDate(new Date());
const until = addDays(today, 30);
const newWorker = snilsFrom("246813579");

test("Смирнов grants Кузнецова the right to edit staff; she adds a worker and edits the card; he sees it", async () => {
  const smirnov = await enterClinic("+7 900 100-00-04", "Руководитель");
  assert.deepEqual(await menu(smirnov).getByRole("link").allInnerTexts(), [
    "Главная",
    "Сотрудники",
    "Отчётность",
    "Управление пользователями",
    "Одобрение заявок",
    "Документы",
    "Электронные подписи",
    "Журнал",
    "Безопасность",
  ]);
  await expectAccessible(smirnov, "the organization's home");

  await menu(smirnov).getByRole("link", { name: "Управление пользователями" }).click();
  await expectAccessible(smirnov, "Управление пользователями");
  await smirnov.getByLabel("СНИЛС сотрудника").fill(formatSnils(standinAccounts.kuznetsova.snils ?? ""));
  await smirnov.getByLabel("ФИО сотрудника").fill("Кузнецова Ольга Игоревна");
  await smirnov.getByLabel("Ввод и изменение сведений о сотрудниках").check();
  await smirnov.getByLabel("Действуют по (включительно)").fill(until);
  await smirnov.getByRole("button", { name: "Выдать права" }).click();
  await smirnov.getByText("Права выданы: Кузнецова Ольга Игоревна.").waitFor();
  assert.match(await smirnov.locator("table").innerText(), /Ввод и изменение сведений о сотрудниках/);

  const kuznetsova = await enterClinic("+7 900 100-00-05", "Сотрудник");
  assert.deepEqual(await menu(kuznetsova).getByRole("link").allInnerTexts(), [
    "Главная",
    "Ввод данных",
    "Просмотр статуса",
    "Обратная связь",
  ]);
  await menu(kuznetsova).getByRole("link", { name: "Ввод данных" }).click();
  await expectAccessible(kuznetsova, "the staff list");
  await kuznetsova.getByRole("link", { name: "Добавить работника" }).click();
  await kuznetsova.getByLabel("СНИЛС работника").fill(formatSnils(newWorker));
  await kuznetsova.getByLabel("Дата рождения работника").fill("1987-03-14");
  await kuznetsova.getByRole("button", { name: "Найти" }).click();
  await kuznetsova.getByText(/Введите данные работника/).waitFor();
  await kuznetsova.getByLabel("Фамилия").fill("Григорьева");
  await kuznetsova.getByLabel("Имя", { exact: true }).fill("Светлана");
  await kuznetsova.getByLabel("Отчество (при наличии)").fill("Николаевна");
  await kuznetsova.getByLabel("Дата рождения", { exact: true }).fill("1987-03-14");
  await kuznetsova.getByLabel("Женский").check();
  await kuznetsova.getByLabel("Должность").selectOption({ label: "медицинская сестра процедурной" });
  await kuznetsova.getByLabel("Подразделение (отделение)").fill("Процедурный кабинет");
  await kuznetsova.getByLabel("Ставка").fill("1");
  await kuznetsova.getByLabel("Основное место работы").check();
  await kuznetsova.getByLabel("Дата начала работы").fill("2025-10-01");
  await expectAccessible(kuznetsova, "adding a worker");
  await kuznetsova.getByRole("button", { name: "Добавить", exact: true }).click();
  await kuznetsova.getByText("Работник добавлен.").waitFor();
  await kuznetsova.getByRole("heading", { name: "Григорьева Светлана Николаевна" }).waitFor();

  await kuznetsova.getByRole("link", { name: /Изменить/ }).click();
  await kuznetsova.getByLabel("Ставка").fill("0,75");
  await kuznetsova.getByRole("button", { name: "Сохранить" }).click();
  await kuznetsova.getByText("Карточка сохранена.").waitFor();
  assert.match(await kuznetsova.locator("table").innerText(), /0,75/);
  await expectAccessible(kuznetsova, "the worker's record");
  const refused = await kuznetsova.goto(`${system.cabinetUrl}/org/journal`);
  assert.equal(refused?.status(), 403, "the journal is beyond her rights");

  await smirnov.goto(`${system.cabinetUrl}/org/journal`);
  const journal = await smirnov.locator("table").innerText();
  assert.match(journal, /Кузнецова Ольга Игоревна\s+Изменена карточка места работы/);
  assert.match(journal, /Кузнецова Ольга Игоревна\s+Работник добавлен/);
  assert.match(journal, /Смирнов Алексей Викторович\s+Сотруднику выданы права/);
  await expectAccessible(smirnov, "the journal");

  await menu(smirnov).getByRole("link", { name: "Отчётность" }).click();
  const byPosition = await smirnov
    .locator("section", { has: smirnov.getByRole("heading", { name: "Штат по должностям" }) })
    .innerText();
  assert.match(byPosition, /медицинская сестра процедурной\s+1\s+0,75/);
  await smirnov.getByRole("heading", { name: "Кому пора пройти аккредитацию" }).waitFor();
  await expectAccessible(smirnov, "the reports");
  await saveScreens(smirnov, shots, "reports");

  // Revoking asks first; the rights hold until «Отозвать права» is pressed.
  await menu(smirnov).getByRole("link", { name: "Управление пользователями" }).click();
  await smirnov.getByRole("link", { name: /Отозвать права: Кузнецова Ольга Игоревна/ }).click();
  await smirnov.getByRole("heading", { name: "Отозвать права сотрудника?" }).waitFor();
  await expectAccessible(smirnov, "the revocation's confirmation");
  await saveScreens(smirnov, shots, "revoke-confirm");
  await smirnov.getByRole("button", { name: "Отозвать права" }).click();
  await smirnov.getByText("Права отозваны.").waitFor();

  // On a phone the menu folds into «Меню» and opens without script.
  await smirnov.setViewportSize({ width: 360, height: 740 });
  await menu(smirnov).getByText("Меню").click();
  await menu(smirnov).getByRole("link", { name: "Журнал" }).waitFor();
  await expectAccessible(smirnov, "the phone menu");
  if (shots) await smirnov.screenshot({ path: join(shots, "menu-open-360.png") });
});
