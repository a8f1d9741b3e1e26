// ESIA slow or down: the person gets «Госуслуги не отвечают» quickly, never a hung request (W19, E-3).
import assert from "node:assert/strict";
import { createServer, type Socket } from "node:net";
import { test } from "node:test";
import { FormClient } from "../support/http-client.ts";
import { startTestSystem } from "../support/system.ts";

test("ESIA down after the login page: a clear page instead of an error", async () => {
  const system = await startTestSystem({ listen: true });
  try {
    const client = new FormClient();
    client.stopBefore = /\/auth\/esia\/callback/;
    const loginPage = await client.get(`${system.cabinetUrl}/auth/esia/login`);
    const next = await client.submit(loginPage, "/login", { login: "+79001000002", password: "Test-1234" });
    const callback = /action="\/consent"/.test(next.html)
      ? await client.submit(next, "/consent", { decision: "grant" })
      : next;
    await system.standin.close();
    client.stopBefore = undefined;
    const page = await client.get(callback.url);
    assert.equal(page.status, 502);
    assert.match(page.html, /Госуслуги не отвечают/);
    assert.match(page.html, /Попробовать снова/);
  } finally {
    await system.close();
  }
});

test("ESIA that accepts connections but never answers is given up after the timeout", async () => {
  const sockets = new Set<Socket>();
  const silent = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const port = (silent.address() as { port: number }).port;
  const system = await startTestSystem({
    env: { ESIA_URL: `http://127.0.0.1:${port}`, ESIA_TIMEOUT_MS: "300" },
  });
  try {
    const start = await system.app.inject({ url: "/auth/esia/login" });
    const state = new URL(String(start.headers.location)).searchParams.get("state");
    const cookie = String(start.headers["set-cookie"]).split(";")[0];
    const began = Date.now();
    const callback = await system.app.inject({
      url: `/auth/esia/callback?code=some-code&state=${state}`,
      headers: { cookie },
    });
    // The outcome is shown at a clean address, without the one-time code.
    assert.equal(callback.statusCode, 303);
    assert.equal(callback.headers.location, "/auth/esia/result");
    const renewed = callback.headers["set-cookie"]
      ? String(callback.headers["set-cookie"]).split(";")[0]
      : cookie;
    const page = await system.app.inject({ url: "/auth/esia/result", headers: { cookie: renewed } });
    assert.equal(page.statusCode, 502);
    assert.match(page.body, /Госуслуги не отвечают/);
    assert.ok(Date.now() - began < 3000, `answered in ${Date.now() - began} ms`);
  } finally {
    await system.close();
    for (const socket of sockets) socket.destroy();
    silent.close();
  }
});
