// The whole accreditation path in Chromium, everyone logging in through the ESIA stand-in:
// Иванова files a periodic application and sends her report to Смирнов, who agrees it; she submits;
// Орлов (commission) asks for a document, she uploads it and the application returns to review by
// itself; Орлов approves; she downloads the extract and its public page confirms it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { samplePdf } from "../../src/modules/documents/test-support.ts";
import { moscowDay } from "../../src/shared/working-days.ts";
import { pdfText } from "../support/pdf-text.ts";
import { headKeyFiles } from "../support/signing.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";
import { expectAccessible, launchBrowser, loginAtStandin, openSection, saveScreens } from "./browser.ts";

let system: TestSystem;
let browser: Browser;
const contexts: BrowserContext[] = [];

before(async () => {
  system = await startTestSystem({ listen: true });
  // Notifications are delivered by the job worker, as in the running product.
  system.deps.jobWorker.start();
  browser = await launchBrowser();
});
after(async () => {
  await system?.deps.jobWorker.stop();
  await browser?.close();
  await system?.close();
});

async function newPage(): Promise<Page> {
  // The pages have no script of their own; axe-core needs page timers, so JavaScript stays on.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
  contexts.push(context);
  // A missing element fails the step quickly and names it, instead of the whole test timing out.
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

const pdf = (name: string) => ({ name, mimeType: "application/pdf", buffer: samplePdf() });

async function connectService(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Согласен, получить код" }).click();
  const outbox = await page.context().newPage();
  await outbox.goto(`${system.cabinetUrl}/dev/outbox`);
  const code = (await outbox.locator("main").innerText()).match(/подключения сервиса ФРМР: (\d{6})/)?.[1];
  await outbox.close();
  assert.ok(code);
  await page.getByLabel("Код из SMS").fill(code);
  await page.getByRole("button", { name: "Подтвердить и подключить" }).click();
  await page.waitForURL(`${system.cabinetUrl}/lk`);
}

/** From the slot on its step, to the slot's own page, and back after the upload. */
async function uploadIntoSlot(page: Page, slotId: string, name: string): Promise<void> {
  await page
    .locator(`#field-slot-${slotId}`)
    .getByRole("link", { name: /Прикрепить документ/ })
    .click();
  await page.locator('input[type="file"]').setInputFiles(pdf(name));
  await page.getByRole("button", { name: "Загрузить и прикрепить" }).click();
  await page.getByText(`Документ «${name}» загружен и прикреплён.`).waitFor();
}

async function statusOn(page: Page): Promise<string> {
  await page.reload();
  return page.locator("h1 .badge").first().innerText();
}

test("Иванова, Смирнов and Орлов take a periodic accreditation from draft to extract", async () => {
  // Иванова logs in and connects the service.
  const ivanova = await newPage();
  await ivanova.goto(`${system.cabinetUrl}/auth/esia/login`);
  await loginAtStandin(ivanova, "+7 900 100-00-01");
  await ivanova.getByLabel("Как медицинский работник").check();
  await ivanova.getByRole("button", { name: "Продолжить" }).click();
  await connectService(ivanova);

  await openSection(ivanova, "Мои заявки");
  await expectAccessible(ivanova, "«Мои заявки»");
  await ivanova.getByRole("link", { name: "Новая заявка" }).click();
  await expectAccessible(ivanova, "the new application form");
  await ivanova.getByLabel(/Периодическая аккредитация/).check();
  await ivanova.getByLabel("Специальность").selectOption({ value: "76" });
  await ivanova.getByRole("button", { name: "Создать черновик" }).click();
  await ivanova.getByText("Черновик заявки создан").waitFor();
  const applicationUrl = ivanova.url();
  await expectAccessible(ivanova, "the first step of the draft");

  // The draft goes step by step: «Документы», «Портфолио», «Отчёт», «Проверка и отправка».
  await ivanova.getByRole("link", { name: "Далее: Документы" }).click();
  for (const [slot, name] of [
    ["identity", "Паспорт.pdf"],
    ["snils", "СНИЛС.pdf"],
    ["education", "Диплом.pdf"],
    ["admission", "Выписка об аккредитации.pdf"],
    ["qualification", "Удостоверения ПК.pdf"],
    ["employment", "Трудовая книжка.pdf"],
  ] as const) {
    await uploadIntoSlot(ivanova, slot, name);
  }
  await expectAccessible(ivanova, "the documents step");
  await ivanova.getByRole("link", { name: "Далее: Портфолио" }).click();
  assert.match(await ivanova.locator("main").innerText(), /144 из 144 академических часов/);
  await ivanova.getByRole("link", { name: "Далее: Отчёт" }).click();
  await uploadIntoSlot(ivanova, "report", "Отчёт.pdf");
  await ivanova.getByLabel("Место работы").fill("ГБУЗ «Городская поликлиника № 1»");
  await ivanova.getByLabel("Должность").fill("Врач-терапевт участковый");
  await ivanova.getByLabel("Начало отчётного периода").fill("2021-11-01");
  await ivanova.getByLabel("Конец отчётного периода").fill("2026-11-01");
  await ivanova
    .getByLabel("Описание профессиональной деятельности")
    .fill("Приём взрослого населения, диспансерное наблюдение.");
  await ivanova.getByRole("button", { name: "Сохранить отчёт" }).click();
  await ivanova.getByText("Отчёт сохранён.").waitFor();
  await ivanova.getByLabel("Направить отчёт руководителю на согласование").check();
  await ivanova
    .getByLabel("Организация, руководитель которой согласует отчёт")
    .selectOption({ label: "ГБУЗ «Городская поликлиника № 1»" });
  await ivanova.getByRole("button", { name: "Сохранить", exact: true }).click();
  await ivanova.getByRole("link", { name: "Далее: Проверка и отправка" }).click();
  await ivanova.getByText("Почему «Отправить заявку» ждёт руководителя").waitFor();
  await expectAccessible(ivanova, "the filled application");
  await ivanova.getByRole("button", { name: "Направить отчёт руководителю" }).click();
  await ivanova.getByText("Отчёт направлен руководителю на согласование.").waitFor();
  assert.equal(await statusOn(ivanova), "На согласовании у руководителя");

  // Смирнов agrees the report in «Одобрение заявок».
  const smirnov = await newPage();
  await smirnov.goto(`${system.cabinetUrl}/auth/esia/login`);
  await loginAtStandin(smirnov, "+7 900 100-00-04");
  await smirnov.getByLabel(/От имени организации «ГБУЗ/).check();
  await smirnov.getByRole("button", { name: "Продолжить" }).click();
  await smirnov.getByLabel(/Руководитель/).check();
  await smirnov.getByRole("button", { name: "Войти" }).click();
  await openSection(smirnov, "Одобрение заявок");
  await expectAccessible(smirnov, "«Одобрение заявок»");
  await smirnov.getByRole("link", { name: /№ \d+/ }).first().click();
  assert.match(
    await smirnov.locator("main").innerText(),
    /Иванова Мария Петровна[\s\S]*Врач-терапевт участковый/,
  );
  await expectAccessible(smirnov, "the report to agree");

  // He registers his certificate (the .cer) and signs the agreement in the browser with his .pfx;
  // a wrong password first is counted by the cabinet and named on the page.
  const keys = await headKeyFiles(system.deps, "Демо-пароль-1");
  const approvalUrl = smirnov.url();
  await smirnov.goto(`${system.cabinetUrl}/org/signatures`);
  await smirnov
    .getByLabel("Файл сертификата")
    .setInputFiles({ name: "smirnov.cer", mimeType: "application/pkix-cert", buffer: keys.cer });
  await smirnov.locator("#certificate-form").getByRole("button", { name: "Подтвердить" }).click();
  await smirnov.getByText(/зарегистрирован и стал действующим/).waitFor();
  await smirnov.goto(approvalUrl);
  await smirnov.getByRole("button", { name: "Согласовать и подписать" }).click();
  await smirnov.getByRole("heading", { level: 1, name: "Подписание согласования отчёта" }).waitFor();
  await smirnov
    .getByLabel("Файл ключа (.pfx)")
    .setInputFiles({ name: "smirnov.pfx", mimeType: "application/x-pkcs12", buffer: keys.pfx });
  await smirnov.getByLabel("Пароль к файлу ключа").fill("не тот пароль");
  await smirnov.getByRole("button", { name: "Подписать и принять решение" }).click();
  await smirnov.getByText(/Осталось 4 попытки/).waitFor();
  await expectAccessible(smirnov, "the signing page with a wrong password");
  await saveScreens(smirnov, process.env.SCREENSHOTS_DIR, "approval-sign");
  await smirnov.getByLabel("Пароль к файлу ключа").fill("Демо-пароль-1");
  await smirnov.getByRole("button", { name: "Подписать и принять решение" }).click();
  await smirnov.getByText("Отчёт согласован, решение подписано электронной подписью").waitFor();
  assert.match(
    await smirnov.locator("main").innerText(),
    /Согласовано, подписано ЭП: Смирнов Алексей Викторович/,
  );

  // Иванова sees the signed agreement and submits after the summary.
  assert.equal(await statusOn(ivanova), "Согласовано");
  assert.match(await ivanova.locator("main").innerText(), /Согласовано, подписано ЭП/);
  await ivanova.getByRole("link", { name: "Отправить заявку" }).click();
  await expectAccessible(ivanova, "the submission summary");
  assert.match(await ivanova.locator("main").innerText(), /144 из 144 академических часов/);
  await ivanova.getByRole("button", { name: "Подтвердить и отправить" }).click();
  await ivanova.getByText("Заявка отправлена в аккредитационную комиссию.").waitFor();

  // Орлов chooses the commission after login and asks for a document.
  const orlov = await newPage();
  await orlov.goto(`${system.cabinetUrl}/auth/esia/login`);
  await loginAtStandin(orlov, "+7 900 100-00-06");
  await orlov.getByLabel("Аккредитационная комиссия").check();
  await orlov.getByRole("button", { name: "Продолжить" }).click();
  await orlov.waitForURL(`${system.cabinetUrl}/review`);
  await expectAccessible(orlov, "the commission's queue");
  await orlov.getByRole("link", { name: /№ \d+/ }).first().click();
  await orlov.getByRole("button", { name: "Принять к рассмотрению" }).click();
  await orlov.getByText("Заявление принято к рассмотрению.").waitFor();
  await expectAccessible(orlov, "the application in review");
  await orlov.getByLabel("Документ, удостоверяющий личность").check();
  await orlov.getByLabel("Комментарий для заявителя").fill("Скан паспорта нечитаемый.");
  await orlov.getByRole("button", { name: "Запросить документы" }).click();
  await orlov.getByText("Документы запрошены").waitFor();

  // Иванова uploads it inside the application; it returns to review by itself.
  await ivanova.goto(applicationUrl);
  assert.equal(await statusOn(ivanova), "Требуются дополнительные документы");
  await expectAccessible(ivanova, "the application with requested documents");
  await ivanova
    .locator('input[type="file"][id^="field-file-"]')
    .first()
    .setInputFiles(pdf("Паспорт, разворот с фото.pdf"));
  await ivanova.getByRole("button", { name: "Загрузить и представить" }).click();
  await ivanova.getByText("Документ «Паспорт, разворот с фото.pdf» загружен и прикреплён.").waitFor();
  assert.equal(await statusOn(ivanova), "На рассмотрении");

  // Орлов hands it to the commission and approves it with the protocol.
  await orlov.reload();
  await orlov.getByRole("button", { name: "Передать в комиссию" }).click();
  await orlov.getByText("Заявление передано в комиссию.").waitFor();
  await orlov.getByLabel("Аккредитация пройдена").check();
  await orlov.getByLabel("Номер протокола").fill("47/2026");
  await orlov.getByLabel("Дата протокола").fill(moscowDay(new Date()));
  await orlov.getByRole("button", { name: "Принять решение" }).click();
  await orlov.getByText("Решение принято").waitFor();

  // Иванова downloads the extract; its QR page confirms it publicly.
  assert.equal(await statusOn(ivanova), "Одобрено (аккредитация пройдена)");
  const downloading = ivanova.waitForEvent("download");
  await ivanova.getByRole("link", { name: "Скачать выписку (PDF)" }).click();
  const download = await downloading;
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  const text = pdfText(await readFile(path));
  assert.match(text, /Иванова Мария Петровна/);
  const verifyUrl = /(http:\/\/\S+\/verify\/\d{4}-\d{4}-\d{4})/.exec(text)?.[1];
  assert.ok(verifyUrl);

  const visitor = await newPage();
  await visitor.goto(verifyUrl);
  assert.match(
    await visitor.locator("main").innerText(),
    /Аккредитация действует[\s\S]*Иванова М\. П\.[\s\S]*Терапия/,
  );
  await expectAccessible(visitor, "the public verification page");

  // Every change reached her notices through the job worker.
  await openSection(ivanova, "Уведомления");
  for (
    let attempt = 0;
    attempt < 20 && !/одобрено/i.test(await ivanova.locator("main").innerText());
    attempt++
  ) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    await ivanova.reload();
  }
  assert.match(
    await ivanova.locator("main").innerText(),
    /Заявка № \d+: статус «одобрено \(аккредитация пройдена\)»/,
  );
  await expectAccessible(ivanova, "the notices");
});
