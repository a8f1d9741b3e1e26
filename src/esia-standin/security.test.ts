// Госуслуги-like account security on the stand-in (E2–E4, E7): lockout and unlock by SMS, password
// recovery, two-step login by SMS or authenticator app, rate limits and the development outbox.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Browser, latestCode, location, loginAt } from "./test-browser.ts";
import { acParams, acUrl, buildTestStandin, type TestStandin } from "./test-support.ts";
import { totp } from "./totp.ts";

async function outbox(t: TestStandin) {
  return (await t.app.inject({ url: "/outbox.json" })).json().messages as {
    channel: string;
    to: string;
    text: string;
  }[];
}

async function startLogin(t: TestStandin, browser: Browser, login: string, password = "Test-1234") {
  return loginAt(browser, location(await browser.get(acUrl(acParams(t)))), login, password);
}

describe("lockout after 5 failures", () => {
  /** Five wrong passwords, waiting out the growing pause after each. */
  async function fail5(t: TestStandin, browser: Browser, login: string) {
    let last = await startLogin(t, browser, login, "Wrong-1234");
    for (let i = 0; i < 4; i++) {
      t.clock.advance(10);
      last = await startLogin(t, browser, login, "Wrong-1234");
    }
    return last;
  }

  test("the fifth wrong password locks the account for 30 minutes, even for the right password", async () => {
    const t = await buildTestStandin();
    const browser = new Browser(t.app);
    for (let i = 1; i <= 4; i++) {
      assert.equal((await startLogin(t, browser, "+79001000002", "Wrong-1234")).statusCode, 200);
      t.clock.advance(10);
    }
    const fifth = await startLogin(t, browser, "+79001000002", "Wrong-1234");
    assert.equal(fifth.statusCode, 423);
    assert.ok(fifth.body.includes("Учётная запись временно заблокирована"));
    assert.ok(fifth.body.includes("30 минут"));
    assert.equal((await startLogin(t, browser, "+79001000002")).statusCode, 423);
    t.clock.advance(29 * 60);
    assert.equal((await startLogin(t, browser, "+79001000002")).statusCode, 423);
    t.clock.advance(60);
    assert.match(location(await startLogin(t, browser, "+79001000002")), /^\/consent/);
  });

  test("failures are slowed by growing pauses: an attempt too soon is not even checked", async () => {
    const t = await buildTestStandin();
    const browser = new Browser(t.app);
    await startLogin(t, browser, "+79001000002", "Wrong-1234");
    await startLogin(t, browser, "+79001000002", "Wrong-1234");
    // After the second failure the next attempt waits a second, even with the right password.
    const soon = await startLogin(t, browser, "+79001000002");
    assert.equal(soon.statusCode, 200);
    assert.ok(soon.body.includes("Подождите 1 секунду"));
    t.clock.advance(1);
    assert.equal((await startLogin(t, browser, "+79001000002", "Wrong-1234")).statusCode, 200);
    const later = await startLogin(t, browser, "+79001000002");
    assert.ok(later.body.includes("Подождите 2 секунды"));
    t.clock.advance(2);
    assert.match(location(await startLogin(t, browser, "+79001000002")), /^\/consent/);
  });

  test("a stranger elsewhere cannot lock the person out", async () => {
    const t = await buildTestStandin();
    const stranger = new Browser(t.app, "198.51.100.7");
    assert.equal((await fail5(t, stranger, "+79001000002")).statusCode, 423);
    const owner = new Browser(t.app, "203.0.113.20");
    assert.match(location(await startLogin(t, owner, "+79001000002")), /^\/consent/);
  });

  test("a locked unknown account answers exactly like a locked known one", async () => {
    const t = await buildTestStandin();
    const shape = (body: string, login: string) =>
      body
        .replaceAll(login, "L")
        .replace(/name="(csrf|request)" value="[^"]*"/g, "")
        .replace(/request=[\w-]+/g, "");
    const known = await fail5(t, new Browser(t.app), "+79001000002");
    const guesser = new Browser(t.app);
    const unknown = await fail5(t, guesser, "+79001009999");
    assert.equal(unknown.statusCode, 423);
    assert.equal(shape(unknown.body, "+79001009999"), shape(known.body, "+79001000002"));
    // The SMS unlock of an unknown login looks the same too, and nothing is sent.
    const before = (await outbox(t)).length;
    const sent = await guesser.submit(unknown, "/unlock");
    assert.match(location(sent), /^\/unlock\/code\?flow=/);
    assert.equal((await outbox(t)).length, before);
  });

  test("or is unlocked earlier by a code sent by SMS", async () => {
    const t = await buildTestStandin();
    const browser = new Browser(t.app);
    const locked = await fail5(t, browser, "8 900 100-00-02");
    assert.equal(locked.statusCode, 423);
    const sent = await browser.submit(locked, "/unlock");
    assert.match(location(sent), /^\/unlock\/code\?flow=/);
    const [sms] = await outbox(t);
    assert.equal(sms?.channel, "sms");
    assert.equal(sms?.to, "+7 900 100-00-02");
    const codePage = await browser.get(location(sent));
    const wrong = await browser.submit(codePage, "/unlock/code", {
      code: "000000" === (await latestCode(t.app)) ? "111111" : "000000",
    });
    assert.ok(wrong.body.includes("Неверный код"));
    const done = await browser.submit(codePage, "/unlock/code", { code: await latestCode(t.app) });
    assert.ok(done.body.includes("Учётная запись разблокирована"));
    assert.match(location(await startLogin(t, browser, "+79001000002")), /^\/consent/);
  });
});

describe("«Забыли пароль?»", () => {
  test("a code to the phone, password rules, then the new password works and the old one does not", async () => {
    const t = await buildTestStandin();
    const browser = new Browser(t.app);
    const start = await browser.get("/recovery");
    const sent = await browser.submit(start, "/recovery", { contact: "+7 900 100-00-05" });
    const page = await browser.get(location(sent));
    assert.ok(page.body.includes("мы отправили на них код"));
    const code = await latestCode(t.app);
    const attempt = (fields: Record<string, string>) => browser.submit(page, "/recovery/code", fields);
    const cases: [Record<string, string>, string][] = [
      [{ code, password: "Short1", password2: "Short1" }, "не менее 8 символов"],
      [{ code, password: "nodigitsHere", password2: "nodigitsHere" }, "хотя бы одну цифру"],
      [{ code, password: "lowercase123", password2: "lowercase123" }, "строчные и заглавные"],
      [{ code, password: "Новый-Пароль1", password2: "Другой-Пароль1" }, "Пароли не совпадают"],
    ];
    for (const [fields, message] of cases) assert.ok((await attempt(fields)).body.includes(message), message);
    const done = await attempt({ code, password: "Новый-Пароль1", password2: "Новый-Пароль1" });
    assert.ok(done.body.includes("Пароль изменён"), done.body.slice(0, 500));
    assert.ok(
      (await attempt({ code, password: "Новый-Пароль1", password2: "Новый-Пароль1" })).body.includes(
        "Код устарел",
      ),
      "single use",
    );
    assert.ok((await startLogin(t, browser, "+79001000005")).body.includes("Неверный логин или пароль"));
    assert.match(location(await startLogin(t, browser, "+79001000005", "Новый-Пароль1")), /^\/consent/);
  });

  test("by e-mail; a code expires after 10 minutes; an unknown contact sends nothing and says the same", async () => {
    const t = await buildTestStandin();
    const browser = new Browser(t.app);
    const sent = await browser.submit(await browser.get("/recovery"), "/recovery", {
      contact: "anna.petrova@example.org",
    });
    const [mail] = await outbox(t);
    assert.equal(mail?.channel, "email");
    assert.equal(mail?.to, "anna.petrova@example.org");
    const page = await browser.get(location(sent));
    t.clock.advance(601);
    const late = await browser.submit(page, "/recovery/code", {
      code: await latestCode(t.app),
      password: "Новый-Пароль1",
      password2: "Новый-Пароль1",
    });
    assert.ok(late.body.includes("Код устарел"));

    const unknown = await browser.submit(await browser.get("/recovery"), "/recovery", {
      contact: "nobody@example.org",
    });
    assert.match(location(unknown), /^\/recovery\/code\?flow=/);
    assert.equal((await outbox(t)).length, 1);
    const unknownPage = await browser.get(location(unknown));
    assert.ok(unknownPage.body.includes("мы отправили на них код"));
  });
});

async function enableSecondFactor(t: TestStandin, login: string, method: "sms" | "totp") {
  const browser = new Browser(t.app);
  const direct = await browser.get("/login");
  const loggedIn = await browser.submit(direct, "/login", { login, password: "Test-1234" });
  assert.equal(location(loggedIn), "/settings/security");
  const settings = await browser.get("/settings/security");
  assert.ok(settings.body.includes("Двухэтапная проверка"));
  const saved = await browser.submit(settings, "/settings/security/second-factor", { method });
  return { browser, saved };
}

describe("two-step login", () => {
  test("by SMS code, with a backup contact", async () => {
    const t = await buildTestStandin();
    const { browser, saved } = await enableSecondFactor(t, "+79001000005", "sms");
    assert.equal(location(saved), "/settings/security?saved=sms");
    const settings = await browser.get(location(saved));
    assert.ok(settings.body.includes("Двухэтапная проверка включена"));
    const bad = await browser.submit(settings, "/settings/security/backup", { backup: "not a contact" });
    assert.ok(bad.body.includes('href="#backup"'));
    await browser.submit(settings, "/settings/security/backup", { backup: "olga.backup@example.org" });
    await browser.get("/idp/ext/Logout");

    const afterPassword = await startLogin(t, browser, "+79001000005");
    assert.match(location(afterPassword), /^\/login\/code\?flow=/);
    const codePage = await browser.get(location(afterPassword));
    assert.ok(codePage.body.includes("в SMS на номер +7 *** ***-00-05"));
    const wrong = await browser.submit(codePage, "/login/code", { code: "12345" });
    assert.ok(wrong.body.includes("Неверный код"));
    const backup = await browser.submit(codePage, "/login/code/resend", { channel: "backup" });
    const [mail] = await outbox(t);
    assert.equal(mail?.to, "olga.backup@example.org");
    const backupPage = await browser.get(location(backup));
    assert.ok(backupPage.body.includes("на адрес o***@example.org"));
    const done = await browser.submit(backupPage, "/login/code", { code: await latestCode(t.app) });
    assert.match(location(done), /^\/consent\?request=/);
  });

  test("by an authenticator app (TOTP); a code is not accepted twice", async () => {
    const t = await buildTestStandin();
    const { browser, saved } = await enableSecondFactor(t, "+79001000006", "totp");
    const setup = await browser.get(location(saved));
    const secret = /<span class="secret">([A-Z2-7 ]+)<\/span>/
      .exec(setup.body)?.[1]
      ?.replace(/ /g, "") as string;
    assert.ok(secret);
    const qr = await browser.get(
      /src="(\/settings\/security\/totp\/qr\.svg\?flow=[^"]+)"/.exec(setup.body)?.[1] as string,
    );
    assert.equal(qr.headers["content-type"], "image/svg+xml");
    assert.ok(
      (
        await browser.submit(setup, "/settings/security/totp", {
          code: "000000" === totp(secret, t.clock.now().getTime()) ? "111111" : "000000",
        })
      ).body.includes("Код не подошёл"),
    );
    const enabled = await browser.submit(setup, "/settings/security/totp", {
      code: totp(secret, t.clock.now().getTime()),
    });
    assert.equal(location(enabled), "/settings/security?saved=totp");
    await browser.get("/idp/ext/Logout");

    t.clock.advance(30);
    const codePage = await browser.get(location(await startLogin(t, browser, "+79001000006")));
    assert.ok(codePage.body.includes("приложения-аутентификатора"));
    const code = totp(secret, t.clock.now().getTime());
    assert.match(location(await browser.submit(codePage, "/login/code", { code })), /^\/consent/);
    await browser.get("/idp/ext/Logout");
    const again = await browser.get(location(await startLogin(t, browser, "+79001000006")));
    assert.ok(
      (await browser.submit(again, "/login/code", { code })).body.includes("Неверный код"),
      "replay refused",
    );
  });
});

describe("limits and the outbox", () => {
  test("login forms are rate-limited per IP", async () => {
    const t = await buildTestStandin({ formRateLimitPerMinute: 3 });
    const browser = new Browser(t.app);
    const loginUrl = location(await browser.get(acUrl(acParams(t))));
    for (let i = 0; i < 3; i++)
      assert.notEqual((await loginAt(browser, loginUrl, "+79001000001", "Wrong-1")).statusCode, 429);
    const limited = await loginAt(browser, loginUrl, "+79001000001", "Wrong-1");
    assert.equal(limited.statusCode, 429);
    assert.ok(limited.body.includes("Слишком много попыток"));
  });

  test("codes per account are limited to 5 in 15 minutes", async () => {
    const t = await buildTestStandin();
    const browser = new Browser(t.app);
    const start = await browser.get("/recovery");
    for (let i = 0; i < 7; i++) await browser.submit(start, "/recovery", { contact: "+79001000001" });
    assert.equal((await outbox(t)).length, 5);
    t.clock.advance(15 * 60 + 1);
    await browser.submit(start, "/recovery", { contact: "+79001000001" });
    assert.equal((await outbox(t)).length, 6);
  });

  test("the outbox page shows messages with their codes, newest first", async () => {
    const t = await buildTestStandin();
    const browser = new Browser(t.app);
    await browser.submit(await browser.get("/recovery"), "/recovery", { contact: "+79001000004" });
    const page = await t.app.inject({ url: "/outbox" });
    assert.ok(page.body.includes("SMS: +7 900 100-00-04"));
    assert.ok(page.body.includes(await latestCode(t.app)));
  });
});
