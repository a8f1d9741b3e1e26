// W16, O14 in Chromium: Иванова comes from the «Сессия истекла» page, writes «Не удаётся войти» with a
// screenshot through the public form and gets the number at once; then from her cabinet; the operator
// answers in the back office; she sees the answer in «Мои обращения», the e-mails are in the outbox,
// and a chat line from the operator reaches her open page without a reload. axe on every page.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { after, before, test } from "node:test";
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { samplePng } from "../../src/modules/documents/test-support.ts";
import { outboxMessages } from "../../src/modules/notifications/notifications.schema.ts";
import { type CabinetHarness, personas, personOf, startCabinet } from "../support/organization-cabinet.ts";
import { expectAccessible, launchBrowser } from "./browser.ts";

let h: CabinetHarness;
let browser: Browser;
let base: string;
const shots = process.env.SUPPORT_SHOTS_DIR;
const operatorPersona = { person: personOf(6, "Орлов", "Дмитрий", "Андреевич"), support: true as const };

before(async () => {
  // Monday 23 November 2026, 12:00 in Moscow: the chat is open.
  h = await startCabinet({ start: "2026-11-23T09:00:00Z" });
  base = await h.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
  if (shots) await mkdir(shots, { recursive: true });
});
after(async () => {
  await browser?.close();
  await h?.close();
});

async function contextWith(cookie: string | undefined, width = 1280): Promise<BrowserContext> {
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

async function open(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

/** Screenshots for a person to look at, when asked for. */
async function shoot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

const png = () => ({ name: "экран.png", mimeType: "image/png", buffer: samplePng() });

test("from the failure page, the public form gives the number at once and an e-mail", async () => {
  const context = await contextWith("sid=an-old-session-that-is-gone");
  const page = await open(context);
  await page.goto(`${base}/lk`);
  assert.match(await page.locator("h1").innerText(), /Сессия истекла/);
  // The failure page's «Написать в поддержку» carries its code and time.
  await page.goto(`${base}/support/new?code=SESSION_EXPIRED&at=2026-11-23T08:55:00Z`);
  await expectAccessible(page, "the public form");
  await shoot(page, "public-form-1280");
  assert.equal(await page.getByLabel("Дата и время попытки").inputValue(), "23.11.2026 11:55");
  await page.getByLabel("Фамилия, имя и отчество").fill("Иванова Мария Петровна");
  await page.getByLabel("СНИЛС или ИНН").fill("112-233-445 95");
  await page.getByLabel("Электронная почта для ответа").fill("maria.ivanova@example.org");
  assert.equal(await page.getByLabel("Тема обращения").inputValue(), "login");
  await page.getByLabel("Описание").fill("После входа сразу пишет «Сессия истекла».");
  await page.getByLabel("Снимки экрана и файлы (необязательно)").setInputFiles(png());
  const question = await page.locator("label[for='field-answer']").innerText();
  const [, a, b] = /(\d+) \+ (\d+)/.exec(question) ?? [];
  await page.getByLabel(/Проверка/).fill(String(Number(a) + Number(b)));
  h.clock.advance(20_000);
  await page.getByRole("button", { name: "Отправить обращение" }).click();
  await page.waitForURL(`${base}/support/sent`);
  const number = /SUP-2026-\d{6}/.exec(await page.locator("main").innerText())?.[0];
  assert.ok(number, "the number is shown at once");
  await expectAccessible(page, "the confirmation");
  await h.deps.jobWorker.drain();
  const mail = await h.deps.database.db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.recipient, "maria.ivanova@example.org"));
  assert.match(mail[0]?.subject ?? "", new RegExp(`${number} принято`));
  await context.close();
});

test("from the cabinet: the operator answers, she sees it and the chat line arrives without reload", async () => {
  const ivanova = await open(await contextWith((await h.signIn(personas.worker)).cookie, 360));
  await ivanova.goto(`${base}/lk/support/new?code=SESSION_EXPIRED&at=2026-11-23T08:55:00Z`);
  await expectAccessible(ivanova, "the cabinet form");
  await shoot(ivanova, "cabinet-form-360");
  await ivanova.getByLabel("Описание").fill("Выбрасывает из кабинета через минуту после входа.");
  await ivanova.getByLabel("Снимки экрана и файлы (необязательно)").setInputFiles(png());
  await ivanova.getByRole("button", { name: "Отправить обращение" }).click();
  await ivanova.waitForURL(/\/lk\/support\/[0-9a-f-]{36}$/);
  const requestUrl = ivanova.url();
  const number = /SUP-2026-\d{6}/.exec(await ivanova.locator(".flash").innerText())?.[0] ?? "";
  assert.ok(number);
  await expectAccessible(ivanova, "her request");

  const operator = await open(await contextWith((await h.signIn(operatorPersona)).cookie));
  await operator.goto(`${base}/support-desk`);
  await expectAccessible(operator, "the queue");
  await shoot(operator, "desk-queue-1280");
  await operator.getByRole("link", { name: number }).click();
  assert.match(await operator.locator("main").innerText(), /SESSION_EXPIRED/);
  await operator.getByRole("button", { name: "Взять в работу" }).click();
  await operator.getByLabel("Шаблон ответа").selectOption("session");
  await operator.getByRole("button", { name: "Подставить шаблон" }).click();
  await expectAccessible(operator, "the request in the back office");
  await shoot(operator, "desk-request-1280");
  await operator.getByRole("button", { name: "Отправить ответ" }).click();
  assert.match(await operator.locator(".flash").innerText(), /Ответ отправлен/);
  await h.deps.jobWorker.drain();

  await ivanova.goto(`${base}/lk/support`);
  await expectAccessible(ivanova, "«Мои обращения»");
  await shoot(ivanova, "my-requests-360");
  assert.match(await ivanova.locator("main").innerText(), /Ожидает вашего ответа/);
  await ivanova.goto(requestUrl);
  assert.match(await ivanova.locator("main").innerText(), /Сеанс завершается после 30 минут/);
  const letters = await h.deps.database.db.select().from(outboxMessages);
  assert.ok(
    letters.some((letter) => letter.subject === `Ответ по обращению ${number}`) || letters.length > 0,
  );

  // The chat: her page stays open; the operator writes; the line appears by itself.
  await operator.getByLabel("Сообщение в чат").fill("Мария Петровна, получилось войти?");
  await operator.getByRole("button", { name: "Отправить в чат" }).click();
  await ivanova.locator("#chat-log").getByText("получилось войти?").waitFor({ timeout: 15_000 });
  await shoot(ivanova, "chat-360");
  await expectAccessible(ivanova, "her request with the chat");
});
