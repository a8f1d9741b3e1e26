// Licences in Chromium: Смирнов, as Руководитель, enters the clinic's licence with its PDF through the
// form, records its suspension, and sees it on the organization's card; the pages pass axe.
// With E2E_SHOTS=<dir> the screens are saved there at 1280 and 360 px for a person to look at.
import assert from "node:assert/strict";
import { test } from "node:test";
import { moscowDate } from "../../src/modules/register/expiry.ts";
import { minimalPdf } from "../support/files.ts";
import { enterClinicAs, expectAccessible, saveScreens, walkSetup } from "./browser.ts";

const walk = walkSetup();
const shots = process.env.E2E_SHOTS;

test("Смирнов enters a licence, suspends it and sees the suspension on the card", async () => {
  const page = await walk.newPage();
  await enterClinicAs(page, walk.system.cabinetUrl, "+7 900 100-00-04", "Руководитель");

  await page.goto(`${walk.system.cabinetUrl}/org/licences`);
  await expectAccessible(page, "the licences list");
  await page.getByRole("link", { name: "Добавить лицензию" }).click();
  await page.getByRole("button", { name: "Отправить на проверку" }).click();
  assert.match(await page.locator(".error-summary").innerText(), /Выберите вид деятельности/);
  await expectAccessible(page, "the licence form with errors");
  await saveScreens(page, shots, "licence-form-errors");

  await page.getByLabel("Медицинская деятельность").check();
  await page.getByLabel("Номер лицензии").fill("Л041-01137-77/00367011");
  await page.getByLabel("Лицензирующий орган").fill("Департамент здравоохранения города Москвы");
  await page.getByLabel("Дата предоставления").fill("2022-03-15");
  await page.getByLabel("Адрес").first().fill("г. Москва, ул. Примерная, д. 1");
  await page.getByLabel("Работы и услуги по этому адресу").first().fill("терапии\nкардиологии");
  await page.getByLabel(/Выписка из реестра лицензий/).setInputFiles({
    name: "licence.pdf",
    mimeType: "application/pdf",
    buffer: minimalPdf(),
  });
  await page.getByRole("button", { name: "Отправить на проверку" }).click();
  await page.getByRole("heading", { name: /Лицензия № Л041-01137-77/ }).waitFor();
  assert.match(await page.locator("main").innerText(), /ожидает проверки оператором/);

  await page.getByLabel("Действие приостановлено").check();
  await page.getByLabel("Основание").fill("Решение Росздравнадзора № 12");
  await page.getByLabel("С какой даты").fill(moscowDate(new Date()));
  await page.getByRole("button", { name: "Сохранить" }).click();
  await page.getByText("Статус лицензии изменён.").waitFor();
  assert.match(await page.locator("main").innerText(), /приостановлена с/);
  await expectAccessible(page, "a suspended licence");
  await saveScreens(page, shots, "licence-suspended");

  await page.goto(`${walk.system.cabinetUrl}/org`);
  assert.match(await page.locator("main").innerText(), /Лицензия № Л041-01137-77\/00367011 приостановлена/);
  await saveScreens(page, shots, "organization-card-licence");
  await page.context().close();
});
