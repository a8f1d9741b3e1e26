// The durable job queue on PGlite and PostgreSQL: transactional enqueue, retries with backoff,
// giving up, concurrent workers and crashed workers.
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { createTestDatabase } from "../../../test/support/db.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { fakeClock } from "../../shared/clock.ts";
import { claimDueJobs, countJobs, enqueueJob } from "./jobs.repository.ts";
import { jobs } from "./jobs.schema.ts";
import { createJobWorker, type JobWorkerOptions, PermanentJobError, retryDelayMs } from "./jobs.worker.ts";

let database: DatabaseHandle;
const clock = fakeClock("2026-03-02T09:00:00Z");

before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());
beforeEach(async () => {
  await database.db.delete(jobs);
});

const enqueue = (kind: string, payload: Record<string, unknown> = {}, maxAttempts?: number) =>
  enqueueJob(database.db, { kind, payload, runAt: clock.now(), ...(maxAttempts ? { maxAttempts } : {}) });

/** A worker on the test database and clock. */
const workerWith = (options: Omit<JobWorkerOptions, "db" | "clock">) =>
  createJobWorker({ db: database.db, clock, ...options });

/** A worker whose only handler, for `kind`, always throws `error`. */
const failingWorker = (kind: string, error: Error) =>
  workerWith({
    handlers: {
      [kind]: async () => {
        throw error;
      },
    },
  });

describe("enqueue", () => {
  test("a job written in a transaction that rolls back does not exist", async () => {
    await assert.rejects(
      database.db.transaction(async (tx) => {
        await enqueueJob(tx, { kind: "test", payload: {}, runAt: clock.now() });
        throw new Error("the business change failed");
      }),
    );
    assert.equal(await countJobs(database.db, "pending"), 0);
  });

  test("a job is not due before its time", async () => {
    await enqueueJob(database.db, {
      kind: "later",
      payload: {},
      runAt: new Date(clock.now().getTime() + 60_000),
    });
    const seen: string[] = [];
    const worker = workerWith({ handlers: { later: async () => void seen.push("ran") } });
    assert.equal(await worker.drain(), 0);
    clock.advance(60_000);
    assert.equal(await worker.drain(), 1);
    assert.deepEqual(seen, ["ran"]);
  });
});

describe("running", () => {
  test("each job runs once with its payload and is then done", async () => {
    await enqueue("greet", { name: "Мария" });
    await enqueue("greet", { name: "Алексей" });
    const seen: unknown[] = [];
    const worker = workerWith({ handlers: { greet: async (payload) => void seen.push(payload.name) } });
    assert.equal(await worker.drain(), 2);
    assert.equal(await worker.drain(), 0);
    assert.deepEqual(seen, ["Мария", "Алексей"]);
    assert.equal(await countJobs(database.db, "done"), 2);
  });

  test("a failure is retried after the backoff, and succeeds later", async () => {
    await enqueue("flaky");
    let calls = 0;
    const worker = workerWith({
      handlers: {
        flaky: async () => {
          calls++;
          if (calls < 3) throw new Error("SMTP is down");
        },
      },
    });
    await worker.drain();
    assert.equal(calls, 1);
    const [job] = await database.db.select().from(jobs);
    assert.equal(job?.status, "pending");
    assert.equal(job?.lastError, "SMTP is down");
    clock.advance(retryDelayMs(1) - 1);
    assert.equal(await worker.drain(), 0, "not before the backoff");
    clock.advance(1);
    await worker.drain();
    clock.advance(retryDelayMs(2));
    await worker.drain();
    assert.equal(calls, 3);
    assert.equal(await countJobs(database.db, "done"), 1);
  });

  test("after the last attempt the job is given up, and an unknown kind at once", async () => {
    await enqueue("broken", {}, 2);
    await enqueue("nobody-handles-this");
    const worker = failingWorker("broken", new Error("always"));
    await worker.drain();
    clock.advance(retryDelayMs(1));
    await worker.drain();
    assert.equal(await countJobs(database.db, "dead"), 2);
    assert.equal(retryDelayMs(30), 60 * 60_000, "the delay is capped at an hour");
  });
});

describe("several workers", () => {
  test("concurrent workers never run the same job twice", async () => {
    for (let index = 0; index < 30; index++) await enqueue("count", { index });
    const runs: number[] = [];
    const handlers = {
      count: async (payload: Record<string, unknown>) => void runs.push(Number(payload.index)),
    };
    const workers = [1, 2, 3].map(() => workerWith({ handlers, batchSize: 4 }));
    await Promise.all(workers.map((worker) => worker.drain()));
    assert.equal(runs.length, 30);
    assert.equal(new Set(runs).size, 30);
  });

  test("a job whose worker died is taken over once its lease runs out", async () => {
    await enqueue("orphan");
    // A worker claims it and dies without finishing.
    const claimed = await claimDueJobs(
      database.db,
      clock.now(),
      new Date(clock.now().getTime() + 60_000),
      10,
    );
    assert.equal(claimed.length, 1);
    let ran = 0;
    const worker = workerWith({ handlers: { orphan: async () => void ran++ } });
    assert.equal(await worker.drain(), 0, "still leased");
    clock.advance(60_001);
    assert.equal(await worker.drain(), 1);
    assert.equal(ran, 1);
    assert.equal(await countJobs(database.db, "done"), 1);
  });

  test("start and stop: the loop runs due jobs until stopped", async () => {
    await enqueue("tick");
    let ticks = 0;
    const worker = workerWith({
      pollIntervalMs: 10,
      handlers: { tick: async () => void ticks++ },
    });
    worker.start();
    for (let wait = 0; wait < 100 && ticks === 0; wait++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await worker.stop();
    assert.equal(ticks, 1);
    await enqueue("tick");
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(ticks, 1, "a stopped worker takes nothing");
  });

  test("stopping: the job in hand finishes, the rest of the batch goes back to the queue", async () => {
    for (let index = 0; index < 3; index++) await enqueue("slow", { index });
    const ran: number[] = [];
    let stopping: Promise<void> | undefined;
    const worker = workerWith({
      batchSize: 3,
      handlers: {
        slow: async (payload) => {
          ran.push(Number(payload.index));
          stopping ??= worker.stop();
        },
      },
    });
    worker.start();
    for (let wait = 0; wait < 200 && !stopping; wait++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await stopping;
    assert.deepEqual(ran, [0]);
    const rows = await database.db.select().from(jobs);
    assert.deepEqual(rows.map((row) => [row.status, row.attempts]).sort(), [
      ["done", 1],
      ["pending", 0],
      ["pending", 0],
    ]);
    assert.equal(await worker.drain(), 2, "released jobs are due at once");
  });

  test("a permanent failure is given up at once", async () => {
    await enqueue("refused");
    const worker = failingWorker("refused", new PermanentJobError("550 no such mailbox"));
    await worker.drain();
    const [job] = await database.db.select().from(jobs);
    assert.equal(job?.status, "dead");
    assert.equal(job?.attempts, 1);
  });
});
