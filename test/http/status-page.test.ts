// C6: /status lists every dependency with its state and the time it was checked; a dead SMS gateway
// or a lagging job queue shows there but does not make /status or /readyz fail (only the database does).
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { jobs } from "../../src/modules/jobs/jobs.schema.ts";
import { fakeClock } from "../../src/shared/clock.ts";
import { freePort } from "../support/keys.ts";
import { buildPlatformApp } from "../support/platform.ts";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp.ts";

const clock = fakeClock("2026-12-02T21:30:00Z");
let app: FastifyInstance;
let smtp: TestSmtpServer;
let dataDir: string;
const esiaRequests: string[] = [];
// ESIA's /aas answers 404 to a bare GET: any answer shows it is reachable.
const esia = createServer((request, response) => {
  esiaRequests.push(request.url ?? "");
  response.writeHead(404).end();
});

before(async () => {
  smtp = await startTestSmtpServer();
  dataDir = await mkdtemp(join(tmpdir(), "frmr-status-"));
  await new Promise<void>((resolve) => esia.listen(0, "127.0.0.1", resolve));
  const esiaPort = (esia.address() as AddressInfo).port;
  ({ app } = await buildPlatformApp({
    clock,
    env: {
      DATA_DIR: dataDir,
      ESIA_URL: `http://127.0.0.1:${esiaPort}`,
      SMTP_URL: smtp.url,
      SMTP_CA_PEM: smtp.caPem,
      SMS_GATEWAY_URL: `http://127.0.0.1:${await freePort()}/send`,
    },
  }));
});
after(async () => {
  await app.close();
  app.deps.transports.close();
  await smtp.close();
  esia.close();
  await rm(dataDir, { recursive: true, force: true });
});

const rowOf = (html: string, name: string) => {
  const start = html.indexOf(`<td>${name}</td>`);
  assert.ok(start >= 0, `row ${name}`);
  return html.slice(start, html.indexOf("</tr>", start)).replace(/<[^>]+>/g, "|");
};

test("every dependency with its state, check time and details", async () => {
  const { db } = app.deps.database;
  const at = (minutesAgo: number) => new Date(clock.now().getTime() - minutesAgo * 60_000);
  await db.insert(jobs).values([
    { kind: "outbox.deliver", payload: {}, maxAttempts: 8, runAt: at(7), createdAt: at(7) },
    {
      kind: "outbox.deliver",
      payload: {},
      maxAttempts: 8,
      runAt: at(90),
      createdAt: at(90),
      status: "dead",
      finishedAt: at(60),
    },
  ]);
  const page = await app.inject({ url: "/status" });
  assert.equal(page.statusCode, 200, "a dead SMS gateway does not fail the page");
  const html = page.body;
  assert.match(html, /Сервис работает с перебоями/);
  assert.match(rowOf(html, "База данных"), /Работает\|+03\.12\.2026 00:30/);
  assert.match(rowOf(html, "Госуслуги (ЕСИА)"), /Работает/);
  assert.deepEqual(esiaRequests, ["/aas/oauth2/ac"]);
  assert.match(rowOf(html, "Электронная почта (SMTP)"), /Работает/);
  assert.match(rowOf(html, "SMS-шлюз"), /Не отвечает/);
  assert.match(rowOf(html, "ЕГРЮЛ/ЕГРИП"), /Работает/);
  assert.match(rowOf(html, "Хранилище файлов"), /Работает/);
  const queue = rowOf(html, "Очередь фоновых заданий");
  assert.match(queue, /С перебоями/);
  assert.match(queue, /Старейшее задание ждёт 7 минут; сбоев за сутки: 1/);
  assert.match(queue, /03\.12\.2026 00:30/, "Moscow time of the check");

  const ready = await app.inject({ url: "/readyz" });
  assert.equal(ready.statusCode, 200, "readiness depends on the database only");
});

test("results are reused for a while instead of asking ESIA on every visit", async () => {
  await app.inject({ url: "/status" });
  assert.equal(esiaRequests.length, 1);
  clock.advance(61_000);
  await app.inject({ url: "/status" });
  assert.equal(esiaRequests.length, 2);
});
