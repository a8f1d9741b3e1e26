// «Настройки» (W14) over HTTP: contacts from ESIA, notification channels stored and journalled.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { type SignedIn, signInWithConsent, submitForm } from "../../../test/support/worker.ts";
import type { Deps } from "../../deps.ts";
import { fakeClock } from "../../shared/clock.ts";
import { standinPeople, startWorkerCabinet } from "../../test-support/worker-cabinet.ts";
import { findNotificationChannels } from "./settings.repository.ts";

const clock = fakeClock("2026-11-21T09:00:00Z");
const { ivanova, petrova } = standinPeople;
const noEmail = { ...petrova, contacts: petrova.contacts.filter((c) => c.type !== "email") };
let app: FastifyInstance;
let deps: Deps;

before(async () => {
  ({ app, deps } = await startWorkerCabinet(clock, [ivanova, noEmail]));
});
after(() => app.close());

const settingsPage = async (signedIn: SignedIn) => {
  const response = await app.inject({ url: "/lk/settings", headers: { cookie: signedIn.cookie } });
  assert.equal(response.statusCode, 200);
  return response.body;
};
const changes = async (userId: string) =>
  (await deps.database.db.query.auditEvents.findMany()).filter(
    (row) => row.event === "settings.notifications_changed" && row.userId === userId,
  );

test("contacts come from ESIA, read-only, with a way to change them at Госуслуги", async () => {
  const html = await settingsPage(await signInWithConsent(app, ivanova));
  assert.match(html, /maria\.ivanova@example\.org/);
  assert.match(html, /\+7 900 100-00-01/);
  assert.match(
    html,
    new RegExp(
      `href="${deps.config.standin.publicUrl}/settings/security"[^>]*>\\s*Изменить контакты на Госуслугах`,
    ),
    "the stand-in's settings page, not its home page",
  );
  assert.doesNotMatch(html, /name="email" value=|type="email"/, "no field to edit the address");
  assert.match(html, /В личном кабинете <span class="badge badge--ok">всегда/);
  assert.match(html, /name="email" checked /, "e-mail is on by default");
  assert.doesNotMatch(html, /name="sms" checked/, "SMS is off until turned on (W13)");
  assert.match(html, /Дано 21\.11\.2026 12:00, редакция 2026-11/);
  assert.match(html, /href="\/lk\/consent\/revoke"/);
});

test("changing the channels is stored, confirmed and journalled; saving the same again is not", async () => {
  const signedIn = await signInWithConsent(app, ivanova);
  const saved = await submitForm(app, signedIn, "/lk/settings", "/lk/settings/notifications", {
    email: "on",
    sms: "on",
  });
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, "/lk/settings");
  const html = await settingsPage(signedIn);
  assert.match(html, /Настройки уведомлений сохранены/);
  assert.match(html, /name="sms" checked /);
  assert.deepEqual(await findNotificationChannels(deps.database.db, signedIn.userId), {
    email: true,
    sms: true,
  });
  assert.deepEqual(
    (await changes(signedIn.userId)).map((row) => row.details),
    [{ email: true, sms: true }],
  );

  const again = await submitForm(app, signedIn, "/lk/settings", "/lk/settings/notifications", {
    email: "on",
    sms: "on",
  });
  assert.equal(again.statusCode, 303);
  assert.match(await settingsPage(signedIn), /Изменений нет/);
  assert.equal((await changes(signedIn.userId)).length, 1);

  await submitForm(app, signedIn, "/lk/settings", "/lk/settings/notifications", {});
  assert.deepEqual(await findNotificationChannels(deps.database.db, signedIn.userId), {
    email: false,
    sms: false,
  });
  assert.equal((await changes(signedIn.userId)).length, 2);
});

test("e-mail cannot be turned on without an address at Госуслуги", async () => {
  const signedIn = await signInWithConsent(app, noEmail);
  const html = await settingsPage(signedIn);
  assert.match(html, /name="email" disabled /);
  const refused = await submitForm(app, signedIn, "/lk/settings", "/lk/settings/notifications", {
    email: "on",
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /href="#field-email">На Госуслугах не указана электронная почта/);
  assert.equal(await findNotificationChannels(deps.database.db, signedIn.userId), undefined);
});
