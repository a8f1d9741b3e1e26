// A database unreachable at start: the process listens, says why on /readyz and in a clear log line,
// retries with growing pauses and becomes ready as soon as the database answers.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import type { DatabaseHandle } from "../../src/db/client.ts";
import { databaseTarget, waitForDatabase } from "../../src/db/wait.ts";
import { createTestDatabase, testDatabaseUrl } from "../support/db.ts";
import { buildPlatformApp } from "../support/platform.ts";
import { startTcpProxy } from "../support/tcp-proxy.ts";

const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5"), { code: "ECONNREFUSED" });

test("waiting: growing pauses, the reason for /readyz, one warning per attempt; other errors are thrown", async () => {
  let failures = 3;
  const handle = {
    ping: async () => {
      if (failures-- > 0) throw refused;
    },
  } as unknown as DatabaseHandle;
  const pauses: number[] = [];
  const reasons: string[] = [];
  const warnings: string[] = [];
  await waitForDatabase(
    handle,
    { info: () => {}, warn: (_details, message) => void warnings.push(message) },
    {
      target: databaseTarget("postgres://frmr:secret@db.internal:6432/frmr"),
      sleep: async (ms) => void pauses.push(ms),
      onWaiting: (reason) => void reasons.push(reason),
    },
  );
  assert.deepEqual(pauses, [500, 1000, 2000]);
  assert.equal(warnings.length, 3);
  assert.equal(
    reasons[0],
    "waiting for the database db.internal:6432/frmr (ECONNREFUSED), attempt 1, next in 0.5 s",
  );
  assert.doesNotMatch(reasons.join(), /secret|frmr:/, "no credentials");
  const broken = { ping: async () => Promise.reject(new Error("syntax error")) } as unknown as DatabaseHandle;
  await assert.rejects(waitForDatabase(broken, { info() {}, warn() {} }, { target: "x" }), /syntax error/);
});

test("not ready: /readyz says why, /healthz answers, pages get 503 with a Russian page", async () => {
  const { app, deps } = await buildPlatformApp();
  try {
    deps.readiness.notReady("waiting for the database db:5432/frmr (ECONNREFUSED), attempt 2, next in 1 s");
    const ready = await app.inject({ url: "/readyz" });
    assert.equal(ready.statusCode, 503);
    assert.match(ready.json().reason, /waiting for the database db:5432\/frmr/);
    assert.equal((await app.inject({ url: "/healthz" })).statusCode, 200);
    const page = await app.inject({ url: "/" });
    assert.equal(page.statusCode, 503);
    assert.match(page.body, /Сервис временно недоступен/);
    deps.readiness.markReady();
    assert.equal((await app.inject({ url: "/readyz" })).statusCode, 200);
    assert.equal((await app.inject({ url: "/" })).statusCode, 200);
  } finally {
    await app.close();
  }
});

const children: ChildProcess[] = [];
after(() => {
  for (const child of children) child.kill("SIGKILL");
});

test("the cabinet started with the database cut waits, then serves when it comes back", {
  skip: !testDatabaseUrl && "needs TEST_DATABASE_URL",
}, async () => {
  const fresh = await createTestDatabase();
  const target = new URL(fresh.url ?? "");
  const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
  proxy.cut();
  const proxied = new URL(target);
  proxied.host = `127.0.0.1:${proxy.port}`;
  const dataDir = await mkdtemp(join(tmpdir(), "frmr-startup-"));
  const port = 4000 + Math.floor(Math.random() * 100) + 200;
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: new URL("../..", import.meta.url).pathname,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "test",
      LOG_LEVEL: "info",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: proxied.toString(),
      ESIA_STANDIN: "off",
      JOBS_WORKER: "off",
    },
  });
  children.push(child);
  let log = "";
  const collect = (chunk: Buffer) => {
    log += chunk.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const url = `http://127.0.0.1:${port}`;
  const until = async (check: () => Promise<boolean>, what: string) => {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (await check().catch(() => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.fail(`${what}; log:\n${log}`);
  };
  try {
    await until(async () => (await fetch(`${url}/readyz`)).status === 503, "listens while waiting");
    const waiting = await (await fetch(`${url}/readyz`)).json();
    assert.match(
      waiting.reason,
      /^waiting for the database 127\.0\.0\.1:\d+\/frmr_test_\w+ \(.+\), attempt \d+/,
    );
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    await until(async () => /waiting for the database/.test(log), "a clear log line");
    assert.equal(child.exitCode, null, "the process did not exit");
    proxy.restore();
    await until(async () => (await fetch(`${url}/readyz`)).status === 200, "ready once the database is back");
    assert.match(log, /is reachable now/);
    assert.equal((await fetch(`${url}/`)).status, 200);
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    await proxy.close();
    await fresh.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
