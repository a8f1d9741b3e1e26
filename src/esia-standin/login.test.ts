// The login and consent pages (E2, E5): login by phone, e-mail or СНИЛС, one message for every wrong
// credential, consent and refusal, the SSO session, CSRF protection and logout.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { decodeJwt } from "jose";
import { formatSnils } from "../shared/identifiers.ts";
import { standinAccounts } from "./seed.ts";
import { authorize, Browser, bearer, location, loginAt, obtainTokens, postForm } from "./test-browser.ts";
import { acParams, acUrl, buildTestStandin, REDIRECT_URI, type TestStandin } from "./test-support.ts";

const { ivanova, sidorov, egorov } = standinAccounts;

let t: TestStandin;
before(async () => {
  t = await buildTestStandin();
});

/** Each of `texts` is somewhere in the page; the message names the one that is not. */
function assertShows(body: string, ...texts: string[]) {
  for (const text of texts) assert.ok(body.includes(text), text);
}

async function loginPage(browser: Browser) {
  return location(await browser.get(acUrl(acParams(t))));
}

describe("login names", () => {
  const ivanovaSnils = ivanova.snils as string;
  const names = [
    "+79001000001",
    "8 900 100-00-01",
    "8(900)1000001",
    "+7 (900) 100-00-01",
    "89001000001",
    "9001000001",
    "Maria.Ivanova@Example.org",
    formatSnils(ivanovaSnils),
    ivanovaSnils,
  ];
  for (const name of names) {
    test(`«${name}» logs in as Иванова`, async () => {
      const browser = new Browser(t.app);
      const response = await loginAt(browser, await loginPage(browser), name);
      assert.equal(response.statusCode, 302, response.body.slice(0, 300));
      assert.match(location(response), /^\/consent\?request=/);
    });
  }
});

describe("wrong credentials", () => {
  test("unknown login and wrong password give the same message; the login stays, the password does not", async () => {
    const bodies: string[] = [];
    for (const [login, password] of [
      ["+79009999999", "Test-1234"],
      ["+79001000001", "wrong-Password1"],
    ] as const) {
      const browser = new Browser(t.app);
      const response = await loginAt(browser, await loginPage(browser), login, password);
      assert.equal(response.statusCode, 200);
      assert.ok(response.body.includes("Неверный логин или пароль"));
      assert.ok(response.body.includes(`value="${login}"`));
      assert.match(response.body, /name="password" type="password" autocomplete/);
      bodies.push(response.body.replace(/value="[^"]*"/g, "").replace(/request=[0-9a-f-]{36}/g, ""));
    }
    assert.equal(bodies[0], bodies[1], "the pages do not tell which accounts exist");
  });

  test("empty fields: an error summary linked to each field", async () => {
    const browser = new Browser(t.app);
    const response = await loginAt(browser, await loginPage(browser), "", "");
    assertShows(
      response.body,
      'class="error-summary"',
      'href="#login"',
      'href="#password"',
      'aria-describedby="login-hint login-error"',
    );
  });
});

describe("consent", () => {
  test("lists the scopes in Russian; «Отказать» returns ESIA-007004 with the state", async () => {
    const browser = new Browser(t.app);
    const params = acParams(t, { scope: "openid fullname snils" });
    const consent = await browser.get(
      location(await loginAt(browser, location(await browser.get(acUrl(params))), "+79001000001")),
    );
    for (const text of [
      "Предоставление прав доступа",
      "Фамилия, имя и отчество",
      "СНИЛС",
      "Предоставить",
      "Отказать",
    ]) {
      assert.ok(consent.body.includes(text), text);
    }
    const refused = await browser.submit(consent, "/consent", { decision: "deny" });
    const target = new URL(location(refused));
    assert.equal(`${target.origin}${target.pathname}`, REDIRECT_URI);
    assert.equal(target.searchParams.get("error"), "access_denied");
    assert.match(target.searchParams.get("error_description") ?? "", /^ESIA-007004: /);
    assert.equal(target.searchParams.get("state"), params.state);
    assert.equal(target.searchParams.get("code"), null);
  });

  test("the SSO session skips the password; granted scopes are not asked again, new ones are", async () => {
    const browser = new Browser(t.app);
    await authorize(t, browser, "+79001000001", { scope: "openid fullname" });
    const again = await browser.get(acUrl(acParams(t, { scope: "openid fullname" })));
    assert.ok(location(again).startsWith(`${REDIRECT_URI}?code=`));
    const wider = await browser.get(acUrl(acParams(t, { scope: "openid fullname snils" })));
    assert.match(location(wider), /^\/consent\?request=/);
  });

  test("the session cookie is HttpOnly and SameSite=Lax, and named apart from the cabinet's", async () => {
    const browser = new Browser(t.app);
    const response = await loginAt(browser, await loginPage(browser), "+79001000001");
    const cookie = ([] as string[])
      .concat(response.headers["set-cookie"] as string | string[])
      .find((c) => c.startsWith("standin_sso="));
    assert.ok(cookie);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
  });
});

describe("account levels", () => {
  test("an unconfirmed (standard) account gets tokens with is_tru false; the stand-in does not refuse it", async () => {
    const tokens = await obtainTokens(t, "+79001000003", { scope: "openid fullname snils" });
    const sbj = decodeJwt(tokens.id_token as string)["urn:esia:sbj"] as Record<string, unknown>;
    assert.equal(sbj["urn:esia:sbj:is_tru"], false);
    const person = (await bearer(t.app, `/rs/prns/${sidorov.oid}`, tokens.access_token)).json();
    assert.equal(person.trusted, false);
    assert.equal(person.lastName, "Сидоров");
  });

  test("a simplified account without e-mail or СНИЛС logs in by phone", async () => {
    const tokens = await obtainTokens(t, "8 900 100 00 07", { scope: "openid fullname snils email" });
    const person = (
      await bearer(t.app, `/rs/prns/${egorov.oid}?embed=(contacts.elements)`, tokens.access_token)
    ).json();
    assert.equal(person.trusted, false);
    assert.equal(person.snils, undefined);
    assert.equal(person.contacts.size, 0, "email scope, but no e-mail contact to show");
  });
});

describe("forms and pages", () => {
  test("a POST without the anti-CSRF token, or with another browser's, is refused", async () => {
    const browser = new Browser(t.app);
    const page = await browser.get(await loginPage(browser));
    assert.equal(
      (await browser.post("/login", { login: "+79001000001", password: "Test-1234" })).statusCode,
      403,
    );
    const other = new Browser(t.app);
    const otherPage = await other.get(await loginPage(other));
    const stolen = /name="csrf" value="([^"]+)"/.exec(otherPage.body)?.[1] as string;
    const fields = /name="request" value="([^"]+)"/.exec(page.body)?.[1] as string;
    assert.equal(
      (
        await browser.post("/login", {
          csrf: stolen,
          request: fields,
          login: "+79001000001",
          password: "Test-1234",
        })
      ).statusCode,
      403,
    );
    assert.equal((await postForm(t.app, "/consent", { decision: "grant" })).statusCode, 403);
  });

  test("pages are Russian, strict-CSP, without inline script or style, and the font is served", async () => {
    const browser = new Browser(t.app);
    const page = await browser.get(await loginPage(browser));
    assert.match(page.body, /^<!doctype html><html lang="ru">/);
    assert.match(String(page.headers["content-security-policy"]), /default-src 'self'/);
    assert.match(
      String(page.headers["content-security-policy"]),
      /form-action 'self' http:\/\/localhost:3000/,
    );
    assert.ok(!/<script|style=/.test(page.body));
    assert.ok(page.body.includes('<label for="login">'));
    const css = await t.app.inject({ url: "/assets/standin.css" });
    assert.equal(css.statusCode, 200);
    assert.ok(css.body.includes("pt-sans-cyrillic-400-normal.woff2"));
    const font = await t.app.inject({ url: "/assets/fonts/pt-sans-cyrillic-400-normal.woff2" });
    assert.equal(font.statusCode, 200);
    assert.equal(font.headers["content-type"], "font/woff2");
    assert.equal((await t.app.inject({ url: "/assets/fonts/..%2Fpackage.json" })).statusCode, 404);
  });

  test("the certificates are served for relying parties", async () => {
    const rsa = await t.app.inject({ url: "/certificates/esia-rsa.pem" });
    assert.equal(rsa.body, t.keys.standin.rsaCertificatePem);
    const gost = await t.app.inject({ url: "/certificates/esia-gost.pem" });
    assert.equal(gost.body, t.keys.standin.gostCertificatePem);
  });

  test("the home page lists the test accounts", async () => {
    const home = await t.app.inject({ url: "/" });
    assertShows(home.body, "Иванова Мария Петровна", "+7 900 100-00-01", "Test-1234");
  });
});

describe("logout", () => {
  test("ends the session and returns only to a registered URL", async () => {
    const browser = new Browser(t.app);
    await authorize(t, browser, "+79001000001");
    const out = await browser.get(
      "/idp/ext/Logout?client_id=FRMRLK&redirect_url=http%3A%2F%2Flocalhost%3A3000%2Fauth%2Flogged-out",
    );
    assert.equal(out.statusCode, 302);
    assert.equal(location(out), "http://localhost:3000/auth/logged-out");
    assert.match(
      location(await browser.get(acUrl(acParams(t)))),
      /^\/login\?request=/,
      "the password is asked again",
    );
    for (const target of [
      "https://evil.example/",
      "http://localhost:3000.evil.example/",
      "http://localhost:3000@evil.example/",
    ]) {
      const response = await browser.get(
        `/idp/ext/Logout?client_id=FRMRLK&redirect_url=${encodeURIComponent(target)}`,
      );
      assert.equal(response.statusCode, 200, target);
      assert.ok(response.body.includes("Вы вышли из тестового стенда ЕСИА"));
    }
    const sameOrigin = await browser.get(
      `/idp/ext/Logout?client_id=FRMRLK&redirect_url=${encodeURIComponent("http://localhost:3000/")}`,
    );
    assert.equal(location(sameOrigin), "http://localhost:3000/");
  });
});
