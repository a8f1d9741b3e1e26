// «История» (W15) over HTTP: Russian labels, the date filter, paging, and only one's own entries.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { type SignedIn, signInWithConsent, submitForm } from "../../../test/support/worker.ts";
import type { Deps } from "../../deps.ts";
import { fakeClock } from "../../shared/clock.ts";
import { standinPeople, startWorkerCabinet } from "../../test-support/worker-cabinet.ts";
import { auditEvents } from "../audit/audit.schema.ts";

const clock = fakeClock("2026-11-21T09:00:00Z");
const { ivanova, petrova } = standinPeople;
let app: FastifyInstance;
let deps: Deps;
let maria: SignedIn;
let anna: SignedIn;

/** Entries at chosen instants (the audit table stamps rows with the database's clock). */
async function journal(userId: string, event: string, at: string, count = 1) {
  const rows = Array.from({ length: count }, () => ({
    userId,
    event,
    outcome: "success" as const,
    ip: "10.0.0.1",
    occurredAt: new Date(at),
    details: event === "register.personal_data_changed" ? { fields: ["inn", "passportNumber"] } : {},
  }));
  await deps.database.db.insert(auditEvents).values(rows);
}

before(async () => {
  ({ app, deps } = await startWorkerCabinet(clock, [ivanova, petrova]));
  maria = await signInWithConsent(app, ivanova);
  anna = await signInWithConsent(app, petrova);
  await submitForm(app, maria, "/lk/settings", "/lk/settings/notifications", { sms: "on", email: "on" });
  // Around the Moscow day of 11 November: 01:30 and 23:59 on the 11th, midnight of the 12th.
  await journal(maria.userId, "register.personal_data_changed", "2026-11-10T22:30:00Z");
  await journal(maria.userId, "auth.login", "2026-11-11T20:59:00Z");
  await journal(maria.userId, "auth.logout", "2026-11-11T21:00:00Z");
  await journal(anna.userId, "auth.login", "2026-11-11T12:00:00Z");
});
after(() => app.close());

const history = async (signedIn: SignedIn, query = "") => {
  const response = await app.inject({ url: `/lk/history${query}`, headers: { cookie: signedIn.cookie } });
  const entries = response.body.match(/class="journal__item"/g)?.length ?? 0;
  return { status: response.statusCode, html: response.body, entries };
};
const countOf = async (userId: string) =>
  (await deps.database.db.query.auditEvents.findMany()).filter((row) => row.userId === userId).length;

test("the journal speaks Russian and shows details, not event codes", async () => {
  const { status, html } = await history(maria);
  assert.equal(status, 200);
  assert.match(html, /Вход в кабинет/);
  assert.match(
    html,
    /Изменены настройки уведомлений<span class="muted">: уведомления по электронной почте включены, по SMS включены/,
  );
  assert.match(html, /Изменены личные данные в регистре<span class="muted">: ИНН, номер паспорта/);
  assert.match(html, /class="badge badge--ok">Выполнено/);
  assert.match(html, /IP 10\.0\.0\.1/);
  assert.doesNotMatch(html, /auth\.login|settings\.notifications_changed|register\.personal_data_changed/);
});

test("only the person's own entries", async () => {
  const { html, entries } = await history(anna);
  assert.match(html, new RegExp(`Всего записей: ${await countOf(anna.userId)}<`));
  assert.equal(entries, await countOf(anna.userId));
  assert.doesNotMatch(html, /настройки уведомлений|личные данные/);
});

test("the date filter selects whole Moscow days", async () => {
  const day = await history(maria, "?from=2026-11-11&to=2026-11-11");
  assert.equal(day.status, 200);
  assert.match(day.html, /Найдено записей: 2</, "01:30 and 23:59 of the 11th, not midnight of the 12th");
  assert.match(day.html, /Изменены личные данные/);
  assert.doesNotMatch(day.html, /Выход из кабинета/);
  assert.match(day.html, /id="field-from" name="from" value="2026-11-11"/, "the filter stays in the form");
  const fromTwelfth = await history(maria, "?from=12.11.2026&to=12.11.2026");
  assert.match(fromTwelfth.html, /Найдено записей: 1<[\s\S]*Выход из кабинета/);
  const none = await history(maria, "?from=2026-01-01&to=2026-01-31");
  assert.match(none.html, /За выбранные даты записей нет/);
});

test("a wrong filter is explained and selects nothing", async () => {
  const { status, html, entries } = await history(maria, "?from=2026-11-22&to=2026-11-20");
  assert.equal(status, 400);
  assert.match(html, /href="#field-to">Дата «по» не может быть раньше даты «с»/);
  assert.equal(entries, 0);
});

test("twenty entries a page, newest first, with links that keep the filter", async () => {
  await journal(maria.userId, "auth.logout", "2026-11-05T08:00:00Z", 24);
  await journal(maria.userId, "auth.login", "2026-11-05T09:00:00Z");
  const first = await history(maria, "?from=2026-11-05&to=2026-11-05");
  assert.equal(first.entries, 20);
  assert.match(first.html, /Найдено записей: 25</);
  assert.match(first.html, /Страница 1 из 2/);
  assert.match(
    first.html,
    /class="journal__item"><time[^>]*>05\.11\.2026 12:00<\/time><span class="journal__what">Вход в кабинет/,
  );
  // Keyset paging: the next page starts after the last entry shown (its cursor), not at an offset.
  const next = first.html.match(
    /href="\/lk\/history(\?from=2026-11-05&amp;to=2026-11-05&amp;after=[^"&]+&amp;page=2)" rel="next"/,
  )?.[1];
  assert.ok(next, "the next page link keeps the filter and carries the cursor");
  const second = await history(maria, next.replaceAll("&amp;", "&"));
  assert.equal(second.entries, 5);
  assert.match(second.html, /Страница 2 из 2/);
  assert.match(second.html, /href="\/lk\/history\?from=2026-11-05&amp;to=2026-11-05" rel="first"/);
  assert.doesNotMatch(second.html, /rel="next"/);
});
