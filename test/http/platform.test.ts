// The HTTP platform: headers, error pages, CSRF, sessions and operations endpoints.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../src/deps.ts";
import { fakeClock } from "../../src/shared/clock.ts";
import { buildPlatformApp, cookiesFrom, csrfTokenIn } from "../support/platform.ts";
import { giveConsent } from "../support/worker.ts";

const clock = fakeClock();
let app: FastifyInstance;
let deps: Deps;

const person = {
  oid: "1000000001",
  lastName: "Иванова",
  firstName: "Мария",
  middleName: "Петровна",
  snils: "11223344595",
  trusted: true,
  contacts: [],
  documents: [],
  addresses: [],
};

before(async () => {
  ({ app, deps } = await buildPlatformApp({
    clock,
    extraRoutes: (instance) => {
      instance.get("/test/boom", async () => {
        throw new Error("secret internal detail");
      });
      // Stands for a completed ESIA login, so that session rules can be tested on their own.
      instance.get("/test/sign-in", async (request, reply) => {
        const outcome = await instance.deps.identityService.signIn(person, request.ip);
        if (!outcome.ok) throw new Error("not signed in");
        // The session rules are about the cabinet behind the W2 consent gate.
        await giveConsent(instance.deps.database.db, outcome.user.id, clock.now());
        request.session.regenerate({ userId: outcome.user.id, context: { kind: "worker" } }, clock.now());
        return reply.redirect("/lk", 303);
      });
    },
  }));
});
after(() => app.close());

async function signIn(): Promise<string> {
  const response = await app.inject({ url: "/test/sign-in" });
  return cookiesFrom(response.headers["set-cookie"]);
}

describe("security headers", () => {
  test("strict CSP without inline script, HSTS, nosniff, no framing", async () => {
    const response = await app.inject({ url: "/" });
    assert.equal(response.statusCode, 200);
    const csp = String(response.headers["content-security-policy"]);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(String(response.headers["strict-transport-security"]), /max-age=31536000/);
    assert.equal(response.headers["x-content-type-options"], "nosniff");
    assert.equal(response.headers["referrer-policy"], "same-origin");
    assert.doesNotMatch(response.body, /<script(?![^>]*src=)/, "no inline script on the page");
  });
});

describe("error pages", () => {
  test("404 is a Russian page", async () => {
    const response = await app.inject({ url: "/no-such-page" });
    assert.equal(response.statusCode, 404);
    assert.match(response.body, /Страница не найдена/);
  });

  test("500 shows no stack trace or internal message", async () => {
    const response = await app.inject({ url: "/test/boom" });
    assert.equal(response.statusCode, 500);
    assert.match(response.body, /Внутренняя ошибка/);
    assert.doesNotMatch(response.body, /secret internal detail|at .*\.ts/);
  });

  // The integration API under /api answers RFC 9457 problem details instead (test/http/api-*.test.ts).
  test("a JSON request gets {code, message, details}", async () => {
    const response = await app.inject({ url: "/lk/nothing", headers: { accept: "application/json" } });
    assert.equal(response.statusCode, 404);
    assert.deepEqual(Object.keys(response.json()), ["code", "message", "details"]);
    assert.equal(response.json().code, "NOT_FOUND");
  });
});

describe("CSRF", () => {
  test("a form POST without the token gets 403", async () => {
    const cookie = await signIn();
    const response = await app.inject({
      method: "POST",
      url: "/auth/logout",
      headers: { cookie },
      payload: {},
    });
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /Форма устарела/);
  });

  test("a form POST with a token from another browser gets 403", async () => {
    const cookie = await signIn();
    const other = await app.inject({ url: "/" });
    const foreignToken = csrfTokenIn(
      (await app.inject({ url: "/lk", headers: { cookie: await signIn() } })).body,
    );
    assert.ok(other.statusCode === 200);
    const response = await app.inject({
      method: "POST",
      url: "/auth/logout",
      headers: { cookie: cookie.replace(/csrf=[^;]+/, "csrf=forged") },
      payload: { _csrf: foreignToken },
    });
    assert.equal(response.statusCode, 403);
  });

  test("the page's own token lets the logout through and ends the session", async () => {
    let cookie = await signIn();
    const page = await app.inject({ url: "/lk", headers: { cookie } });
    cookie = cookiesFrom(page.headers["set-cookie"], cookie);
    const response = await app.inject({
      method: "POST",
      url: "/auth/logout",
      headers: { cookie },
      payload: { _csrf: csrfTokenIn(page.body) },
    });
    assert.equal(response.statusCode, 303);
    assert.match(String(response.headers.location), /\/idp\/ext\/Logout\?client_id=FRMRLK&redirect_url=/);
    const afterLogout = await app.inject({ url: "/lk", headers: { cookie } });
    assert.equal(afterLogout.statusCode, 401);
  });
});

describe("sessions", () => {
  test("the cookie is HttpOnly and SameSite=Lax, and its value is not what the database stores", async () => {
    const response = await app.inject({ url: "/test/sign-in" });
    const header = [response.headers["set-cookie"] ?? []].flat().find((value) => value.startsWith("sid="));
    assert.ok(header);
    assert.match(header, /HttpOnly/);
    assert.match(header, /SameSite=Lax/);
    const id = header.slice(4, header.indexOf(";"));
    const rows = await deps.database.db.query.sessions.findMany();
    assert.ok(rows.length > 0);
    assert.ok(rows.every((row) => row.idHash !== id && /^[0-9a-f]{64}$/.test(row.idHash)));
  });

  test("a new session id at login", async () => {
    const before = await app.inject({ url: "/" });
    const anonymous = cookiesFrom(before.headers["set-cookie"]);
    const response = await app.inject({ url: "/test/sign-in", headers: { cookie: anonymous } });
    const sid = cookiesFrom(response.headers["set-cookie"]).match(/sid=([^;]+)/)?.[1];
    assert.ok(sid);
    assert.ok(!anonymous.includes(sid));
  });

  test("after 30 idle minutes the cabinet says «Сессия истекла»", async () => {
    const cookie = await signIn();
    assert.equal((await app.inject({ url: "/lk", headers: { cookie } })).statusCode, 200);
    clock.advance(29 * 60 * 1000);
    assert.equal(
      (await app.inject({ url: "/lk", headers: { cookie } })).statusCode,
      200,
      "activity keeps it",
    );
    clock.advance(31 * 60 * 1000);
    const expired = await app.inject({ url: "/lk", headers: { cookie } });
    assert.equal(expired.statusCode, 401);
    assert.match(expired.body, /Сессия истекла/);
    assert.match(expired.body, /href="\/auth\/esia\/login"/);
  });

  test("after 12 hours the session ends even with activity", async () => {
    const cookie = await signIn();
    // A request every quarter of an hour: fine up to 12 hours, refused just past them.
    for (let quarter = 1; quarter <= 48; quarter++) {
      clock.advance(15 * 60 * 1000);
      const response = await app.inject({ url: "/lk", headers: { cookie } });
      assert.equal(response.statusCode, 200, `quarter ${quarter}`);
    }
    clock.advance(1000);
    assert.match((await app.inject({ url: "/lk", headers: { cookie } })).body, /Сессия истекла/);
  });

  test("without a session the cabinet asks to log in", async () => {
    const response = await app.inject({ url: "/lk" });
    assert.equal(response.statusCode, 401);
    assert.match(response.body, /Требуется вход/);
  });

  test("the header shows the name and the previous login", async () => {
    await signIn();
    clock.advance(60 * 60 * 1000);
    const cookie = await signIn();
    const page = await app.inject({ url: "/lk", headers: { cookie } });
    assert.match(page.body, /Иванова Мария Петровна/);
    assert.match(page.body, /Предыдущий вход: \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
    assert.match(page.body, /\*\*\*-\*\*\*-\*45 95/);
  });
});

describe("operations", () => {
  test("/healthz, /readyz and /metrics answer", async () => {
    assert.deepEqual((await app.inject({ url: "/healthz" })).json(), { status: "ok" });
    assert.equal((await app.inject({ url: "/readyz" })).json().database, "ok");
    const metrics = await app.inject({ url: "/metrics" });
    assert.equal(metrics.statusCode, 200);
    assert.match(metrics.body, /http_request_duration_seconds_bucket/);
    assert.match(metrics.body, /process_cpu_user_seconds_total/);
  });

  test("logins and logouts are in the audit table", async () => {
    await signIn();
    const events = await deps.database.db.query.auditEvents.findMany();
    assert.ok(events.some((event) => event.event === "auth.login" && event.outcome === "success"));
    assert.ok(events.some((event) => event.event === "auth.logout"));
  });
});
