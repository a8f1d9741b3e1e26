// `npm run worker` as a real process on PostgreSQL (PGlite belongs to one process, so these tests
// skip without TEST_DATABASE_URL): a worker killed with SIGKILL in the middle of sending a letter is
// replaced by another once the lease runs out, and the letter arrives exactly once; SIGTERM lets the
// job in hand finish and the process exit cleanly.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, beforeEach, describe, test } from "node:test";
import type { DatabaseHandle } from "../../src/db/client.ts";
import { jobs } from "../../src/modules/jobs/jobs.schema.ts";
import { sendMessage } from "../../src/modules/notifications/notifications.repository.ts";
import { outboxMessages } from "../../src/modules/notifications/notifications.schema.ts";
import { createTestDatabase, testDatabaseUrl } from "../support/db.ts";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp.ts";
import { waitFor } from "../support/wait.ts";

const root = new URL("../..", import.meta.url).pathname;

describe("the worker process", { skip: testDatabaseUrl ? false : "needs TEST_DATABASE_URL" }, () => {
  let database: DatabaseHandle & { url?: string };
  let smtp: TestSmtpServer;
  let dataDir: string;
  const children: ChildProcess[] = [];

  before(async () => {
    [database, smtp, dataDir] = await Promise.all([
      createTestDatabase(),
      startTestSmtpServer(),
      mkdtemp(join(tmpdir(), "frmr-worker-")),
    ]);
  });
  after(async () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    await Promise.all([database.close(), smtp.close(), rm(dataDir, { recursive: true, force: true })]);
  });
  beforeEach(async () => {
    smtp.reset();
    await database.db.delete(jobs);
    await database.db.delete(outboxMessages);
  });

  function startWorker(env: Record<string, string> = {}): ChildProcess {
    const child = spawn(process.execPath, ["--import", "tsx", "src/worker.ts"], {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "test",
        LOG_LEVEL: "warn",
        DATA_DIR: dataDir,
        DATABASE_URL: database.url ?? "",
        SMTP_URL: smtp.url,
        SMTP_CA_PEM: smtp.caPem,
        JOBS_LEASE_MS: "3000",
        JOBS_POLL_MS: "100",
        ...env,
      },
    });
    children.push(child);
    return child;
  }

  const queueLetter = (body: string) =>
    sendMessage(database.db, {
      userId: null,
      channel: "email",
      to: "ivanova@example.ru",
      subject: "Проверка",
      body,
    });

  test("killed mid-letter, the job is taken over after its lease and delivered exactly once", async () => {
    smtp.behave({ kind: "stall" });
    await queueLetter("Письмо, которое переживёт падение");
    const first = startWorker({ SMTP_TIMEOUT_MS: "60000" });
    await waitFor(() => smtp.dataStarted > 0, 60_000, "the first worker reached DATA");
    first.kill("SIGKILL");
    await once(first, "exit");
    smtp.behave({ kind: "accept" });
    const [held] = await database.db.select().from(jobs);
    assert.equal(held?.status, "running", "the dead worker's claim stays until the lease runs out");

    const second = startWorker();
    await waitFor(
      async () => (await database.db.select().from(jobs))[0]?.status === "done",
      60_000,
      "taken over",
    );
    // Another pass or two of the poll: nothing is sent again.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(smtp.received.length, 1);
    assert.equal(smtp.received[0]?.parsed.text?.includes("Письмо, которое переживёт падение"), true);
    const [job] = await database.db.select().from(jobs);
    assert.equal(job?.attempts, 2);
    const [message] = await database.db.select().from(outboxMessages);
    assert.ok(message?.sentAt);
    second.kill("SIGTERM");
    assert.deepEqual(await once(second, "exit"), [0, null]);
  });

  test("SIGTERM: the job in hand finishes, then the process exits with 0", async () => {
    smtp.behave({ kind: "stall" });
    await queueLetter("Письмо во время остановки");
    const worker = startWorker({ SMTP_TIMEOUT_MS: "1500" });
    await waitFor(() => smtp.dataStarted > 0, 60_000, "the worker reached DATA");
    worker.kill("SIGTERM");
    const [code] = await once(worker, "exit");
    assert.equal(code, 0);
    const [job] = await database.db.select().from(jobs);
    // The send timed out and was recorded as a failed try: nothing is left claimed by a dead worker.
    assert.equal(job?.status, "pending");
    assert.equal(job?.lockedUntil, null);
    assert.match(job?.lastError ?? "", /SMTP/);
  });
});
