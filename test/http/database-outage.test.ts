// While PostgreSQL is unreachable pages answer 503 «Сервис временно недоступен», and the service
// recovers by itself when the database returns. Needs a real server: skipped on PGlite.
import assert from "node:assert/strict";
import { test } from "node:test";
import { openDatabase } from "../../src/db/client.ts";
import { createTestDatabase, testDatabaseUrl } from "../support/db.ts";
import { buildPlatformApp } from "../support/platform.ts";
import { startTcpProxy } from "../support/tcp-proxy.ts";

test("503 during a database outage, then recovery", {
  skip: !testDatabaseUrl && "needs TEST_DATABASE_URL",
}, async () => {
  const fresh = await createTestDatabase();
  const target = new URL(fresh.url ?? "");
  const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
  const proxied = new URL(target);
  proxied.host = `127.0.0.1:${proxy.port}`;
  const database = await openDatabase({ url: proxied.toString(), poolSize: 2 });
  const { app } = await buildPlatformApp({ database });
  try {
    assert.equal((await app.inject({ url: "/readyz" })).statusCode, 200);
    proxy.cut();
    // A request with a session cookie needs the database (the landing page without one does not).
    const page = await app.inject({ url: "/lk", headers: { cookie: "sid=some-session" } });
    assert.equal(page.statusCode, 503);
    assert.match(page.body, /Сервис временно недоступен/);
    assert.equal((await app.inject({ url: "/readyz" })).statusCode, 503);
    assert.equal((await app.inject({ url: "/healthz" })).statusCode, 200, "the process itself is alive");
    const status = await app.inject({ url: "/status" });
    assert.equal(status.statusCode, 503);
    assert.match(status.body, /<td>База данных<\/td><td><span class="badge badge--bad">Не отвечает/);

    proxy.restore();
    assert.equal((await app.inject({ url: "/readyz" })).statusCode, 200);
    assert.equal((await app.inject({ url: "/lk", headers: { cookie: "sid=some-session" } })).statusCode, 401);
  } finally {
    await app.close();
    await proxy.close();
    await fresh.close();
  }
});
