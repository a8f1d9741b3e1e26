// W2 over HTTP: the gate, the SMS code (wrong, expired, exhausted, reused), the consent record,
// and revocation closing the cabinet again.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { testConfig } from "../../../test/support/config.ts";
import { createTestDatabase } from "../../../test/support/db.ts";
import { testKeys } from "../../../test/support/keys.ts";
import { buildPlatformApp } from "../../../test/support/platform.ts";
import {
  esiaPersonOf,
  type SignedIn,
  signInAs,
  submitForm,
  testSignIn,
} from "../../../test/support/worker.ts";
import { buildApp } from "../../app.ts";
import { createDeps, type Deps } from "../../deps.ts";
import type { EsiaPerson } from "../../esia/identity-provider.ts";
import { standinAccounts } from "../../esia-standin/seed.ts";
import { fakeClock } from "../../shared/clock.ts";
import { listRecentMessages } from "../notifications/notifications.repository.ts";
import { CODE_TTL_MS } from "./consent.codes.ts";
import { currentConsentVersion } from "./consent.versions.ts";

const clock = fakeClock("2026-11-21T09:00:00Z");
let app: FastifyInstance;
let deps: Deps;
let nextOid = 2_000_000_000;

/** A fresh person for each test, so that codes and consents do not carry over. */
function newPerson(overrides: Partial<EsiaPerson> = {}): EsiaPerson {
  nextOid += 1;
  return { ...esiaPersonOf(standinAccounts.ivanova), oid: String(nextOid), snils: undefined, ...overrides };
}
const people: EsiaPerson[] = [];

before(async () => {
  ({ app, deps } = await buildPlatformApp({ clock, extraRoutes: testSignIn(people) }));
});
after(() => app.close());

async function signIn(overrides: Partial<EsiaPerson> = {}): Promise<SignedIn> {
  const person = newPerson(overrides);
  people.push(person);
  return signInAs(app, person);
}
const get = (signedIn: SignedIn, url: string) => app.inject({ url, headers: { cookie: signedIn.cookie } });
const requestCode = (signedIn: SignedIn) => submitForm(app, signedIn, "/lk/connect", "/lk/connect/code", {});
const enterCode = (signedIn: SignedIn, code: string) =>
  submitForm(app, signedIn, "/lk/connect", "/lk/connect/confirm", { code });

/** The code of the last SMS to the demo phone, read from the outbox as a person reads the SMS. */
async function lastCode(): Promise<string> {
  const [message] = await listRecentMessages(deps.database.db, 1);
  const code = message?.body.match(/\b(\d{6})\b/)?.[1];
  assert.ok(code, "an SMS with a code is in the outbox");
  return code;
}
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("the gate", () => {
  test("without a consent every cabinet page leads to «Подключить сервис ФРМР»", async () => {
    const signedIn = await signIn();
    for (const url of ["/lk", "/lk/personal", "/lk/record", "/lk/settings", "/lk/history", "/lk/documents"]) {
      const response = await get(signedIn, url);
      assert.equal(response.statusCode, 303, url);
      assert.equal(response.headers.location, "/lk/connect", url);
    }
    const page = await get(signedIn, "/lk/connect");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Подключить сервис ФРМР/);
    assert.match(page.body, new RegExp(`Редакция ${currentConsentVersion().id}`));
    assert.match(page.body, /Согласие действует до его отзыва/);
    assert.match(page.body, /\+7 \*\*\* \*\*\*-00-01/, "the masked phone from ESIA");
  });

  test("a POST to the cabinet is held at the gate too", async () => {
    const signedIn = await signIn();
    const response = await submitForm(app, signedIn, "/lk/connect", "/lk/settings/notifications", {
      email: "on",
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/lk/connect");
  });
});

describe("the one-time code", () => {
  test("the right code gives the consent with version, time and IP, and opens the cabinet", async () => {
    const signedIn = await signIn();
    const sent = await requestCode(signedIn);
    assert.equal(sent.statusCode, 303);
    const [message] = await listRecentMessages(deps.database.db, 1);
    assert.equal(message?.channel, "sms");
    assert.equal(message?.recipient, "+79001000001");
    assert.equal(message?.userId, signedIn.userId);
    const form = await get(signedIn, "/lk/connect");
    assert.match(form.body, /Код отправлен в SMS/);
    assert.match(form.body, /Осталось попыток: 5/);

    const done = await enterCode(
      signedIn,
      ` ${(await lastCode()).slice(0, 3)} ${(await lastCode()).slice(3)} `,
    );
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, "/lk");
    const home = await get(signedIn, "/lk");
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /Сервис ФРМР подключён/);

    const consent = await deps.consentService.activeConsent(signedIn.userId);
    assert.equal(consent?.versionId, currentConsentVersion().id);
    assert.equal(consent?.grantedIp, "127.0.0.1");
    assert.deepEqual(consent?.grantedAt, clock.now());
    assert.match(consent?.textSha256 ?? "", /^[0-9a-f]{64}$/);
    const events = await deps.database.db.query.auditEvents.findMany();
    assert.ok(events.some((row) => row.event === "consent.code_sent" && row.userId === signedIn.userId));
    assert.ok(events.some((row) => row.event === "consent.granted" && row.userId === signedIn.userId));
  });

  test("the code is stored only as an HMAC", async () => {
    const signedIn = await signIn();
    await requestCode(signedIn);
    const code = await lastCode();
    const rows = await deps.database.db.query.consentCodes.findMany();
    const row = rows.find((candidate) => candidate.userId === signedIn.userId);
    assert.match(row?.codeHash ?? "", /^[0-9a-f]{64}$/);
    assert.ok(!JSON.stringify(row).includes(code));
  });

  test("a wrong code says how many attempts are left; after five the code is void", async () => {
    const signedIn = await signIn();
    await requestCode(signedIn);
    const code = await lastCode();
    for (let left = 4; left >= 1; left--) {
      const response = await enterCode(signedIn, wrongCode(code));
      assert.equal(response.statusCode, 400);
      assert.match(response.body, new RegExp(`Неверный код\\. Осталось попыток: ${left}`));
    }
    const fifth = await enterCode(signedIn, wrongCode(code));
    assert.match(fifth.body, /Код введён неверно 5 раз/);
    const afterAll = await enterCode(signedIn, code);
    assert.equal(afterAll.statusCode, 400, "even the right code is refused now");
    assert.equal(await deps.consentService.activeConsent(signedIn.userId), undefined);
    const rejected = (await deps.database.db.query.auditEvents.findMany()).filter(
      (row) => row.event === "consent.code_rejected" && row.userId === signedIn.userId,
    );
    assert.equal(rejected.length, 6);
  });

  test("an input that is not six digits is explained and does not use up an attempt", async () => {
    const signedIn = await signIn();
    await requestCode(signedIn);
    const response = await enterCode(signedIn, "12a");
    assert.match(response.body, /Введите код из SMS — 6 цифр/);
    assert.match(response.body, /Осталось попыток: 5/);
  });

  test("a code expires after five minutes", async () => {
    const signedIn = await signIn();
    await requestCode(signedIn);
    const code = await lastCode();
    clock.advance(CODE_TTL_MS + 1000);
    const response = await enterCode(signedIn, code);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Срок действия кода истёк/);
    assert.equal(await deps.consentService.activeConsent(signedIn.userId), undefined);
  });

  test("a new code replaces the previous one", async () => {
    const signedIn = await signIn();
    await requestCode(signedIn);
    const first = await lastCode();
    await requestCode(signedIn);
    const second = await lastCode();
    if (first === second) return; // one chance in a million: nothing to tell apart
    assert.match((await enterCode(signedIn, first)).body, /Неверный код/);
    assert.equal((await enterCode(signedIn, second)).statusCode, 303);
  });

  test("at most five codes in fifteen minutes", async () => {
    const signedIn = await signIn();
    for (let sent = 0; sent < 5; sent++) assert.equal((await requestCode(signedIn)).statusCode, 303);
    const refused = await requestCode(signedIn);
    assert.equal(refused.statusCode, 429);
    assert.match(refused.body, /слишком много кодов/);
    clock.advance(15 * 60 * 1000 + 1000);
    assert.equal((await requestCode(signedIn)).statusCode, 303);
  });

  test("without a mobile phone on Госуслуги no code can be sent, and the page says what to do", async () => {
    const signedIn = await signIn({ contacts: [] });
    const page = await get(signedIn, "/lk/connect");
    assert.match(page.body, /не указан мобильный телефон/);
    assert.doesNotMatch(page.body, /action="\/lk\/connect\/code"/);
  });
});

describe("revocation", () => {
  test("revoking closes the cabinet, is journalled, and the used code cannot bring it back", async () => {
    const signedIn = await signIn();
    await requestCode(signedIn);
    const code = await lastCode();
    assert.equal((await enterCode(signedIn, code)).statusCode, 303);
    assert.equal((await get(signedIn, "/lk/settings")).statusCode, 200);

    const confirmPage = await get(signedIn, "/lk/consent/revoke");
    assert.match(confirmPage.body, /Отозвать согласие на обработку персональных данных\?/);
    const revoked = await submitForm(app, signedIn, "/lk/consent/revoke", "/lk/consent/revoke", {});
    assert.equal(revoked.statusCode, 303);
    assert.equal(revoked.headers.location, "/lk/connect");
    assert.match((await get(signedIn, "/lk/connect")).body, /Согласие отозвано, доступ к кабинету закрыт/);
    for (const url of ["/lk", "/lk/settings", "/lk/record"]) {
      assert.equal((await get(signedIn, url)).headers.location, "/lk/connect", url);
    }
    const events = await deps.database.db.query.auditEvents.findMany();
    assert.ok(events.some((row) => row.event === "consent.revoked" && row.userId === signedIn.userId));

    const reused = await enterCode(signedIn, code);
    assert.equal(reused.statusCode, 400);
    assert.match(reused.body, /Код не запрошен или уже использован/);
    assert.equal(await deps.consentService.activeConsent(signedIn.userId), undefined);
  });

  test("a new consent after revocation is a new record; the old one keeps its dates", async () => {
    const signedIn = await signIn();
    await requestCode(signedIn);
    await enterCode(signedIn, await lastCode());
    await submitForm(app, signedIn, "/lk/consent/revoke", "/lk/consent/revoke", {});
    await requestCode(signedIn);
    await enterCode(signedIn, await lastCode());
    const rows = (await deps.database.db.query.consents.findMany()).filter(
      (row) => row.userId === signedIn.userId,
    );
    assert.equal(rows.length, 2);
    assert.equal(rows.filter((row) => row.revokedAt === null).length, 1);
  });
});

describe("the development outbox", () => {
  test("shows the SMS with the code while the stand-in is on", async () => {
    const signedIn = await signIn();
    await requestCode(signedIn);
    const page = await get(signedIn, "/dev/outbox");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`Код для подключения сервиса ФРМР: ${await lastCode()}`));
  });

  test("does not exist without the stand-in", async () => {
    const database = await createTestDatabase();
    const quiet = await buildApp(
      await createDeps(testConfig({ ESIA_STANDIN: "off", ESIA_URL: "https://esia.example" }), {
        database,
        devKeys: await testKeys(),
      }),
      { logger: false },
    );
    try {
      assert.equal((await quiet.inject({ url: "/dev/outbox" })).statusCode, 404);
    } finally {
      await quiet.close();
      await database.close();
    }
  });
});
