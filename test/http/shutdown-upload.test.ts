// Issue item 8: SIGTERM to a real cabinet process while an upload is streaming in. The instance stops
// accepting at once; an upload that goes on finishes within SHUTDOWN_TIMEOUT_MS and is stored whole
// (row and file, the same SHA-256) before the process exits 0; an upload that stalls is cut off at the
// timeout and leaves nothing: no row, no staged part, no file in the store. Runs on PGlite (the
// process owns DATA_DIR/pg) and, with TEST_DATABASE_URL, on PostgreSQL.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, test } from "node:test";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import { newChallenge } from "../../src/modules/support/support.challenge.ts";
import { supportAttachments, supportRequests } from "../../src/modules/support/support.schema.ts";
import { startCabinetProcess } from "../support/cabinet-process.ts";
import { createTestDatabase, testDatabaseUrl } from "../support/db.ts";
import { freePort } from "../support/keys.ts";
import { waitFor } from "../support/wait.ts";

const SECRET = "shutdown-test-secret-0123456789abcdef";
// Long enough for the rest of the upload on a loaded machine; short for the stalled one.
const FINISH_TIMEOUT_MS = 30_000;
const STALL_TIMEOUT_MS = 3_000;
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A 3 MB PDF the content check accepts: the bulk is a comment between header and trailer. */
function bigPdf(): Buffer {
  const head = Buffer.from("%PDF-1.4\n1 0 obj << /Title (upload) >> endobj\n", "latin1");
  const filler = Buffer.from(`%${"x".repeat(1022)}\n`.repeat(3 * 1024), "latin1");
  const tail = Buffer.from("trailer << /Root 1 0 R >>\nstartxref\n9\n%%EOF\n", "latin1");
  return Buffer.concat([head, filler, tail]);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

interface Setup {
  dataDir: string;
  env: Record<string, string>;
  /** The database to read afterwards (PGlite: opened once the process has gone). */
  database: () => Promise<DatabaseHandle>;
}

async function setUp(shutdownTimeoutMs: number): Promise<Setup> {
  const dataDir = await mkdtemp(join(tmpdir(), "frmr-shutdown-"));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    SESSION_SECRET: SECRET,
    ESIA_STANDIN: "off",
    SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs),
    LOG_LEVEL: "info",
  };
  if (!testDatabaseUrl)
    return {
      dataDir,
      env,
      database: async () => {
        const handle = await openDatabase({ pgliteDir: join(dataDir, "pg") });
        cleanups.push(() => handle.close());
        return handle;
      },
    };
  const database = await createTestDatabase();
  cleanups.push(() => database.close());
  return { dataDir, env: { ...env, DATABASE_URL: database.url ?? "" }, database: async () => database };
}

/** Opens the public support form's upload on a raw connection and sends the fields and the file's start. */
async function beginUpload(url: string, file: Buffer) {
  const form = await fetch(`${url}/support/new`);
  assert.equal(form.status, 200);
  const cookie = form.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const html = await form.text();
  const csrf = decodeURIComponent(/action="\/support\/new\?_csrf=([^"&]+)"/.exec(html)?.[1] ?? "");
  // A sum shown ten seconds ago, signed with the instance's secret, passes the check at once.
  const challenge = newChallenge(SECRET, new Date(Date.now() - 10_000));
  const [a, b] = challenge.token.split(".").map(Number);
  const boundary = "----frmr-shutdown-boundary";
  const fields: Record<string, string> = {
    name: "Иванова Мария Петровна",
    identifier: "112-233-445 95",
    email: "ivanova@example.ru",
    kind: "login",
    description: "Не могу войти, прикладываю снимок экрана.",
    challenge: challenge.token,
    answer: String((a ?? 0) + (b ?? 0)),
    website: "",
  };
  const head = Buffer.concat([
    ...Object.entries(fields).map(([name, value]) =>
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    ),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="screen.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
  ]);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const target = new URL(`${url}/support/new?_csrf=${encodeURIComponent(csrf)}`);
  const upload = request({
    method: "POST",
    host: target.hostname,
    port: target.port,
    path: `${target.pathname}${target.search}`,
    headers: {
      cookie,
      "content-type": `multipart/form-data; boundary=${boundary}`,
      "content-length": String(head.length + file.length + tail.length),
    },
  });
  const answer = new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
    upload.on("response", (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, location: response.headers.location });
    });
    upload.on("error", reject);
  });
  // The rejection is awaited by the test that expects it; never unhandled meanwhile.
  answer.catch(() => undefined);
  const firstPart = 256 * 1024;
  upload.write(Buffer.concat([head, file.subarray(0, firstPart)]));
  return {
    answer,
    finish: () => upload.end(Buffer.concat([file.subarray(firstPart), tail])),
  };
}

async function startAndUpload(setup: Setup, file: Buffer) {
  const cabinet = await startCabinetProcess(await freePort(), setup.env);
  cleanups.push(async () => void (await cabinet.stop("SIGKILL")));
  const upload = await beginUpload(cabinet.url, file);
  const staging = join(setup.dataDir, "files", "staging");
  await waitFor(
    async () => (await filesUnder(staging)).some((path) => path.endsWith(".part")),
    30_000,
    "the upload is being staged",
  );
  const signalledAt = Date.now();
  cabinet.child.kill("SIGTERM");
  // The instance stops accepting: a new connection is refused (or answered 503 while closing).
  await waitFor(
    async () => {
      const probe = await fetch(`${cabinet.url}/healthz`).catch(() => undefined);
      return probe === undefined || probe.status === 503;
    },
    5_000,
    "new requests are no longer accepted",
  );
  return { cabinet, upload, signalledAt };
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

// Each test starts a process of its own (PGlite and development keys made at its start): minutes on a loaded machine.
const slow = { timeout: 300_000 };

test(
  "an upload in flight at SIGTERM that goes on is stored whole, then the process exits 0",
  slow,
  async () => {
    const setup = await setUp(FINISH_TIMEOUT_MS);
    const file = bigPdf();
    const { cabinet, upload } = await startAndUpload(setup, file);
    upload.finish();
    const answer = await upload.answer.catch((error: Error) => {
      throw new Error(`${error.message}; the cabinet's log:\n${cabinet.output()}`);
    });
    assert.equal(answer.status, 303, cabinet.output());
    assert.equal(answer.location, "/support/sent");
    assert.equal(await cabinet.exited, 0, cabinet.output());

    const { db } = await setup.database();
    const requests = await db.select().from(supportRequests);
    const attachments = await db.select().from(supportAttachments);
    assert.equal(requests.length, 1);
    assert.equal(attachments.length, 1);
    assert.equal(attachments[0]?.sha256, sha256(file));
    const root = join(setup.dataDir, "files");
    const stored = await filesUnder(root);
    assert.deepEqual(
      stored.map((path) => relative(root, path)),
      [attachments[0]?.storageKey],
      "the file under its key, nothing in staging",
    );
    assert.equal(sha256(await readFile(stored[0] ?? "")), sha256(file));
  },
);

test("an upload that stalls is cut off at the timeout and leaves nothing behind", slow, async () => {
  const setup = await setUp(STALL_TIMEOUT_MS);
  const { cabinet, upload, signalledAt } = await startAndUpload(setup, bigPdf());
  await assert.rejects(upload.answer, "the connection is closed without an answer");
  assert.equal(await cabinet.exited, 1, cabinet.output());
  const took = Date.now() - signalledAt;
  assert.ok(took >= STALL_TIMEOUT_MS - 200, `exited after ${took} ms, before the timeout`);
  assert.match(cabinet.output(), /in-flight requests cut off at shutdown/);

  const { db } = await setup.database();
  assert.equal((await db.select().from(supportRequests)).length, 0, "no request");
  assert.equal((await db.select().from(supportAttachments)).length, 0, "no attachment row");
  assert.deepEqual(await filesUnder(join(setup.dataDir, "files")), [], "no staged part, no stray file");
});
