// W19 over HTTP: an outdated browser gets «Ваш браузер устарел» with the supported browsers instead of
// the page; «Продолжить на свой страх и риск» sets a cookie, returns to the page, and is remembered.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { fakeClock } from "../../src/shared/clock.ts";
import { buildPlatformApp, cookiesFrom } from "../support/platform.ts";

const ie11 = "Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko";
const firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
let app: FastifyInstance;
before(async () => {
  ({ app } = await buildPlatformApp({ clock: fakeClock() }));
});
after(() => app.close());

test("Internet Explorer gets the page naming the supported browsers", async () => {
  const page = await app.inject({ url: "/help", headers: { "user-agent": ie11 } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Ваш браузер устарел/);
  assert.match(page.body, /Internet Explorer/);
  assert.match(page.body, /Mozilla Firefox версии 115 и новее/);
  assert.match(page.body, /href="\/browser\/continue\?next=%2Fhelp"[^>]*>\s*Продолжить на свой страх и риск/);
});

test("a current browser sees the page itself", async () => {
  const page = await app.inject({ url: "/", headers: { "user-agent": firefox } });
  assert.doesNotMatch(page.body, /Ваш браузер устарел/);
});

test("continuing at one's own risk is remembered and returns to the page asked for", async () => {
  const go = await app.inject({ url: "/browser/continue?next=%2F", headers: { "user-agent": ie11 } });
  assert.equal(go.statusCode, 303);
  assert.equal(go.headers.location, "/");
  const cookie = cookiesFrom(go.headers["set-cookie"]);
  assert.match(cookie, /frmr_old_browser_ok=1/);
  const page = await app.inject({ url: "/", headers: { "user-agent": ie11, cookie } });
  assert.doesNotMatch(page.body, /Ваш браузер устарел/);
});

test("the return address stays on this site", async () => {
  const go = await app.inject({ url: "/browser/continue?next=%2F%2Fevil.example%2F" });
  assert.equal(go.headers.location, "/");
});

test("machine endpoints and the login round trip are never interrupted", async () => {
  const health = await app.inject({ url: "/healthz", headers: { "user-agent": ie11 } });
  assert.equal(health.statusCode, 200);
  assert.doesNotMatch(health.body, /браузер/);
});
