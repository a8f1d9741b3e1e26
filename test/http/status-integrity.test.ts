// C5, C8 on /status: the rows of the orphan check and of the audit chain verification show what the
// last periodic run found and when it ran; findings and stale results are shown but fail neither
// /status nor /readyz (only the database does).
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { after, before, test } from "node:test";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../src/deps.ts";
import { auditEvents } from "../../src/modules/audit/audit.schema.ts";
import { newStorageKey } from "../../src/modules/documents/storage.ts";
import { jobs } from "../../src/modules/jobs/jobs.schema.ts";
import {
  AUDIT_VERIFY_JOB,
  STORAGE_CHECK_JOB,
  startMaintenance,
} from "../../src/modules/status/maintenance.jobs.ts";
import { fakeClock } from "../../src/shared/clock.ts";
import { buildPlatformApp } from "../support/platform.ts";

const HOUR = 60 * 60_000;
const clock = fakeClock("2026-12-02T21:30:00Z");
const silent = { warn: () => {}, error: () => {} };
let app: FastifyInstance;
let deps: Deps;
let dataDir: string;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "frmr-status-integrity-"));
  ({ app, deps } = await buildPlatformApp({ clock, env: { DATA_DIR: dataDir } }));
});
after(async () => {
  await app.close();
  deps.transports.close();
  await rm(dataDir, { recursive: true, force: true });
});

const maintenance = () => ({ db: deps.database.db, clock, storage: deps.fileStorage });

async function statusRow(name: string): Promise<string> {
  clock.advance(61_000); // past the status page's cache
  const page = await app.inject({ url: "/status" });
  assert.equal(page.statusCode, 200, "integrity findings never fail the page");
  const start = page.body.indexOf(`<td>${name}</td>`);
  assert.ok(start >= 0, `row ${name}`);
  return page.body.slice(start, page.body.indexOf("</tr>", start)).replace(/<[^>]+>/g, "|");
}

async function pending(kind: string) {
  return deps.database.db
    .select({ runAt: jobs.runAt })
    .from(jobs)
    .where(and(eq(jobs.kind, kind), eq(jobs.status, "pending")));
}

test("before the first run the rows say so; after the jobs, their results and times", async () => {
  assert.match(
    await statusRow("Сверка файлов с записями"),
    /Ещё не проверялось\|.*Сверка ещё не проводилась/,
  );
  assert.match(
    await statusRow("Журнал аудита"),
    /Ещё не проверялось\|.*Проверка целостности ещё не проводилась/,
  );

  // What a crash in the middle of an upload left behind: the start removes it at once.
  const staging = join(dataDir, "files", "staging");
  const leftover = join(staging, `${randomBytes(16).toString("hex")}.part`);
  await mkdir(staging, { recursive: true });
  await writeFile(leftover, "partial");
  const old = new Date(clock.now().getTime() - 2 * HOUR);
  await utimes(leftover, old, old);
  await startMaintenance(maintenance(), silent);
  await assert.rejects(stat(leftover), "stale staging files go at start");
  await startMaintenance(maintenance(), silent);
  assert.equal((await pending(STORAGE_CHECK_JOB)).length, 1, "a second start adds no second check");
  const ranAt = clock.now();
  await deps.jobWorker.drain();

  assert.match(
    await statusRow("Сверка файлов с записями"),
    /Работает\|+03\.12\.2026 00:3\d\|+Расхождений нет\|/,
  );
  assert.match(
    await statusRow("Журнал аудита"),
    /Работает\|+03\.12\.2026 00:3\d\|+Цепочка цела, проверено записей: \d+/,
  );
  // Each run scheduled the next: the orphan check in an hour, the verification in a day.
  const [nextCheck] = await pending(STORAGE_CHECK_JOB);
  const [nextVerify] = await pending(AUDIT_VERIFY_JOB);
  assert.equal(nextCheck?.runAt.getTime(), ranAt.getTime() + HOUR);
  assert.equal(nextVerify?.runAt.getTime(), ranAt.getTime() + 24 * HOUR);
});

test("stale results say so, findings need attention; /readyz stays ready", async () => {
  // No worker for four days: the last results are shown as stale.
  clock.advance(4 * 24 * HOUR);
  assert.match(await statusRow("Сверка файлов с записями"), /С перебоями\|.*Сверка давно не выполнялась/);
  assert.match(await statusRow("Журнал аудита"), /С перебоями\|.*Проверка давно не выполнялась/);

  // A file a crash left without its row, and a record slipped into the journal outside the chain.
  const key = newStorageKey();
  await (await deps.fileStorage.stage(Readable.from([randomBytes(32)]))).commit(key);
  const old = new Date(clock.now().getTime() - 2 * HOUR);
  await utimes(join(dataDir, "files", key), old, old);
  await deps.database.db
    .insert(auditEvents)
    .values({ event: "forged", outcome: "success", details: {}, prevHash: "0", hash: "0" });
  await deps.jobWorker.drain();
  const storageRow = await statusRow("Сверка файлов с записями");
  assert.match(storageRow, /Требует внимания\|.*\|Файлов без записи: 1\|/);
  assert.doesNotMatch(storageRow, new RegExp(key), "storage keys stay off the public page");
  const auditRow = await statusRow("Журнал аудита");
  assert.match(auditRow, /Требует внимания\|.*Нарушена целостность журнала/);

  // A broken chain stays in view however long ago it was found.
  clock.advance(4 * 24 * HOUR);
  assert.match(await statusRow("Журнал аудита"), /Требует внимания/);
  const ready = await app.inject({ url: "/readyz" });
  assert.equal(ready.statusCode, 200, "readiness depends on the database only");
});
