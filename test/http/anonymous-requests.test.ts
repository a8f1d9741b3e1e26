// No work for nothing: an anonymous visitor reading a page without a form gets no session row and no
// CSRF cookie; a page with a form still gets its token.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { sessions } from "../../src/modules/identity/identity.schema.ts";
import { buildPlatformApp } from "../support/platform.ts";

let app: FastifyInstance;
before(async () => {
  ({ app } = await buildPlatformApp());
});
after(() => app?.close());

test("the landing page sets no cookie and stores no session", async () => {
  const response = await app.inject({ url: "/" });
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers["set-cookie"], undefined);
  assert.equal((await app.deps.database.db.select().from(sessions)).length, 0);
});

test("a page with a form carries a CSRF token and its cookie", async () => {
  const response = await app.inject({ url: "/verify" });
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /name="_csrf" value="[^"]+"/);
  assert.match(String(response.headers["set-cookie"]), /csrf=/);
  assert.equal((await app.deps.database.db.select().from(sessions)).length, 0);
});

test("pages and styles are compressed with brotli or gzip", async () => {
  const brotli = await app.inject({ url: "/", headers: { "accept-encoding": "br, gzip" } });
  assert.equal(brotli.headers["content-encoding"], "br");
  const css = await app.inject({ url: "/assets/app.css", headers: { "accept-encoding": "gzip" } });
  assert.equal(css.headers["content-encoding"], "gzip");
});

test("the stylesheet has a content-hashed URL, cached for a year", async () => {
  const page = await app.inject({ url: "/" });
  const href = page.body.match(/<link rel="stylesheet" href="([^"]+)"/)?.[1];
  assert.match(href ?? "", /^\/assets\/app\.css\?v=[\w-]{12}$/);
  const css = await app.inject({ url: href ?? "" });
  assert.equal(css.statusCode, 200);
  assert.equal(css.headers["cache-control"], "public, max-age=31536000, immutable");
  const bare = await app.inject({ url: "/assets/app.css" });
  assert.equal(bare.headers["cache-control"], "public, max-age=3600");
});
