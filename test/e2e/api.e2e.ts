// The integration API end to end in Chromium: Орлов, as «Техническая поддержка», registers the
// clinic's HR system on the back office's screen and reads its secret once; the HR system gets a
// token with it and adds an employment card through REST; Смирнов, the clinic's head, sees the new
// employee in «Сотрудники». The pages pass axe. With E2E_SHOTS=<dir> the screens are saved there
// at 1280 and 360 px for a person to look at.
import assert from "node:assert/strict";
import { test } from "node:test";
import { snilsFrom } from "../../src/esia-standin/seed-ids.ts";
import { demoClinicFrmoOid } from "../../src/modules/organizations/organizations.seed.ts";
import { enterClinicAs, expectAccessible, loginAtStandin, saveScreens, walkSetup } from "./browser.ts";

const walk = walkSetup();
const shots = process.env.E2E_SHOTS;

test("an HR system registered in the back office adds a card through the API; the head sees it", async () => {
  const orlov = await walk.newPage();
  const base = walk.system.cabinetUrl;

  await orlov.goto(`${base}/auth/esia/login`);
  await loginAtStandin(orlov, "+7 900 100-00-06");
  await orlov.getByLabel("Техническая поддержка").check();
  await orlov.getByRole("button", { name: "Продолжить" }).click();
  await orlov.waitForURL(`${base}/support-desk`);
  await orlov.getByRole("link", { name: "Системы API" }).click();
  await orlov.getByRole("heading", { name: "Системы, работающие через API" }).waitFor();
  await expectAccessible(orlov, "the API clients list (empty)");
  await saveScreens(orlov, shots, "api-clients-empty");

  await orlov.getByRole("link", { name: "Зарегистрировать клиента" }).click();
  await orlov.getByRole("button", { name: "Зарегистрировать" }).click();
  assert.match(await orlov.locator(".error-summary").innerText(), /Укажите название системы/);
  await expectAccessible(orlov, "the registration form with errors");
  await saveScreens(orlov, shots, "api-client-form-errors");

  await orlov.getByLabel("Название системы").fill("1С:Кадры поликлиники");
  await orlov.getByRole("radio", { name: /^Медицинская организация/ }).check();
  await orlov.getByLabel("OID медицинской организации в ФРМО").fill(demoClinicFrmoOid);
  await orlov.getByLabel("Сотрудники организаций и лента изменений").check();
  await orlov.getByLabel("Изменение сведений о работе").check();
  await orlov.getByRole("button", { name: "Зарегистрировать" }).click();
  await orlov.getByRole("heading", { name: "Система зарегистрирована" }).waitFor();
  await expectAccessible(orlov, "the page with the secret");
  const codes = await orlov.locator("main dd code").allInnerTexts();
  const [clientId, clientSecret] = codes;
  assert.ok(clientId?.startsWith("frmr-") && clientSecret, "client_id and secret are shown");
  await saveScreens(orlov, shots, "api-client-secret");

  // The HR system: a token by client_secret_basic, then the card with an Idempotency-Key.
  const basic = Buffer.from(`${clientId}:${clientSecret}`).toString("base64");
  const tokenAnswer = await fetch(`${base}/api/oauth/token`, {
    method: "POST",
    headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  assert.equal(tokenAnswer.status, 200);
  const { access_token: token } = (await tokenAnswer.json()) as { access_token: string };
  const card = await fetch(`${base}/api/v1/organizations/${demoClinicFrmoOid}/staff`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      "idempotency-key": "hr-e2e-0001",
    },
    body: JSON.stringify({
      snils: snilsFrom("720000001"),
      lastName: "Интеграционная",
      firstName: "Вера",
      patronymic: "Павловна",
      birthDate: "1988-05-20",
      postId: "109",
      departmentName: "Терапевтическое отделение",
      rate: 1,
      positionTypeId: "main",
      beginDate: "2026-11-02",
    }),
  });
  assert.equal(card.status, 201, await card.clone().text());

  // The operator's list shows the system as in use.
  await orlov.goto(`${base}/support-desk/api-clients`);
  const row = orlov.getByRole("row", { name: /1С:Кадры поликлиники/ });
  assert.match(await row.innerText(), /Действует/);
  assert.doesNotMatch(await row.innerText(), /ещё не обращалась/);
  await expectAccessible(orlov, "the API clients list");
  await saveScreens(orlov, shots, "api-clients-list");
  await orlov.getByRole("link", { name: "1С:Кадры поликлиники" }).click();
  await expectAccessible(orlov, "a client's card");
  await saveScreens(orlov, shots, "api-client-card");
  await orlov.getByRole("link", { name: "Приостановить" }).click();
  await expectAccessible(orlov, "the suspension's confirmation");
  await saveScreens(orlov, shots, "api-client-suspend");
  await orlov.context().close();

  // Смирнов sees the employee the HR system added.
  const head = await walk.newPage();
  await enterClinicAs(head, base, "+7 900 100-00-04", "Руководитель");
  await head.getByRole("link", { name: "Сотрудники" }).first().click();
  await head
    .getByText(/Интеграционная/)
    .first()
    .waitFor();
  assert.match(await head.locator("main").innerText(), /Интеграционная Вера Павловна/);
  await expectAccessible(head, "«Сотрудники» with the card from the API");
  await saveScreens(head, shots, "api-staff-head");
  await head.context().close();
});
