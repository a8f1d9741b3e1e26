// «Мои документы» under load, on PGlite and (when TEST_DATABASE_URL is set) PostgreSQL:
// 1. rounds of 20 concurrent 5 MB uploads over loopback: throughput and the process's memory growth;
// 2. the list page of a user with 500 documents: server time against a bare Fastify handler.
import { performance } from "node:perf_hooks";
import Fastify, { type FastifyInstance } from "fastify";
import type { Database } from "../src/db/client.ts";
import { documents } from "../src/modules/documents/documents.schema.ts";
import { newStorageKey } from "../src/modules/documents/storage.ts";
import {
  multipartBody,
  people,
  samplePdfOfSize,
  startDocumentsApp,
} from "../src/modules/documents/test-support.ts";
import { MAX_FILE_BYTES } from "../src/modules/documents/upload-rules.ts";
import { testDatabaseUrl } from "../test/support/db.ts";
import { cookiesFrom, csrfTokenIn } from "../test/support/platform.ts";

const CONCURRENT = 20;
const ROUNDS = 5;
const LISTED_DOCUMENTS = 500;
const PAGE_REQUESTS = 200;
const MB = 1024 * 1024;

async function benchDocuments(label: string): Promise<void> {
  const rssAtStart = process.memoryUsage().rss;
  const serverTimes = new Map<string, number[]>();
  const t = await startDocumentsApp({
    // One client sending many requests: the per-IP limits and the quota would cut the run short.
    env: {
      RATE_LIMIT_PER_MINUTE: "100000000",
      DOCUMENTS_UPLOADS_PER_MINUTE: "100000000",
      DOCUMENTS_QUOTA_MB: "1000000",
      DOCUMENTS_QUOTA_FILES: "1000000",
    },
    extend: (app) => recordServerTimes(app, serverTimes),
  });
  const base = await t.app.listen({ port: 0, host: "127.0.0.1" });
  try {
    const user = await signIn(base);
    const uploads = await measureUploads(base, user.cookie, async () => {
      await t.deps.database.db.delete(documents);
    });
    await insertDocuments(t.deps.database.db, user.userId);
    const page = await timePage(`${base}/lk/documents`, user.cookie, serverTimes, "/lk/documents");
    const baseline = await measureBareBaseline();
    printResults(label, rssAtStart, uploads, page, baseline);
  } finally {
    await t.close();
  }
}

async function signIn(base: string): Promise<{ cookie: string; userId: string }> {
  const response = await fetch(`${base}/test/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(people.ivanova),
  });
  const { userId } = (await response.json()) as { userId: string };
  return { cookie: cookiesFrom(response.headers.getSetCookie()), userId };
}

interface UploadFigures {
  uploads: number;
  seconds: number;
  rss: { before: number; peak: number; after: number };
  heap: { before: number; after: number };
}

async function measureUploads(
  base: string,
  cookie: string,
  clear: () => Promise<void>,
): Promise<UploadFigures> {
  const form = await fetch(`${base}/lk/documents/upload`, { headers: { cookie } });
  const formCookie = cookiesFrom(form.headers.getSetCookie(), cookie);
  const url = `${base}/lk/documents/upload?_csrf=${encodeURIComponent(csrfTokenIn(await form.text()))}`;
  // One body for every request, so that the client's own buffers do not grow with the run.
  const { payload, contentType } = multipartBody([
    { name: "documentType", value: "education_diploma" },
    { name: "file", filename: "диплом.pdf", content: samplePdfOfSize(MAX_FILE_BYTES) },
  ]);
  const body = new Uint8Array(payload);
  const uploadOne = async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { cookie: formCookie, "content-type": contentType },
      body,
      redirect: "manual",
    });
    await response.arrayBuffer();
    if (response.status !== 303) throw new Error(`upload answered ${response.status}`);
  };
  const round = () => Promise.all(Array.from({ length: CONCURRENT }, uploadOne));

  await round(); // warm-up: JIT, pools, directories
  await clear();
  globalThis.gc?.(); // with `node --expose-gc`, growth is measured from a collected heap
  const before = process.memoryUsage();
  let peak = before.rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  let busy = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    await round();
    busy += performance.now() - started;
    await clear();
  }
  clearInterval(sampler);
  const after = process.memoryUsage();
  return {
    uploads: CONCURRENT * ROUNDS,
    seconds: busy / 1000,
    rss: { before: before.rss, peak: Math.max(peak, after.rss), after: after.rss },
    heap: { before: before.heapUsed, after: after.heapUsed },
  };
}

/** The rows only: the list page never reads the files. */
async function insertDocuments(db: Database, userId: string): Promise<void> {
  const now = Date.now();
  const rows = Array.from({ length: LISTED_DOCUMENTS }, (_, i) => ({
    userId,
    typeCode: i % 3 === 0 ? "qualification_certificate" : "other",
    originalName: `Иванова М.П. удостоверение о повышении квалификации № ${i + 1} на 2 л.pdf`,
    mediaType: "application/pdf",
    sizeBytes: 200_000 + i,
    sha256: "0".repeat(64),
    storageKey: newStorageKey(),
    uploadedAt: new Date(now - i * 60_000),
  }));
  await db.insert(documents).values(rows);
}

function recordServerTimes(app: FastifyInstance, into: Map<string, number[]>): void {
  app.addHook("onResponse", async (request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    const times = into.get(path) ?? [];
    times.push(reply.elapsedTime);
    into.set(path, times);
  });
}

interface PageFigures {
  p50: number;
  p99: number;
  bytes: number;
}

async function timePage(
  url: string,
  cookie: string,
  serverTimes: Map<string, number[]>,
  path: string,
): Promise<PageFigures> {
  let bytes = 0;
  for (let i = 0; i < 20 + PAGE_REQUESTS; i++) {
    if (i === 20) serverTimes.set(path, []); // the first 20 warm up
    const response = await fetch(url, { headers: { cookie } });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    bytes = Buffer.byteLength(text);
  }
  const times = [...(serverTimes.get(path) ?? [])].sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99), bytes };
}

/** A bare Fastify handler returning a fixed string, timed the same way in the same run. */
async function measureBareBaseline(): Promise<PageFigures> {
  const serverTimes = new Map<string, number[]>();
  const bare = Fastify();
  recordServerTimes(bare, serverTimes);
  bare.get("/", async () => "ok");
  const address = await bare.listen({ port: 0, host: "127.0.0.1" });
  try {
    return await timePage(`${address}/`, "", serverTimes, "/");
  } finally {
    await bare.close();
  }
}

const percentile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

function printResults(
  label: string,
  rssAtStart: number,
  uploads: UploadFigures,
  page: PageFigures,
  baseline: PageFigures,
): void {
  const mb = (bytes: number) => (bytes / MB).toFixed(1);
  const megabytes = (uploads.uploads * MAX_FILE_BYTES) / MB;
  console.log(`\nDocuments on ${label}`);
  console.log(`| uploads (${CONCURRENT} concurrent × ${ROUNDS} rounds, 5 MB each) | value |`);
  console.log("|---|---:|");
  console.log(`| throughput, MB/s | ${(megabytes / uploads.seconds).toFixed(1)} |`);
  console.log(`| uploads/s | ${(uploads.uploads / uploads.seconds).toFixed(1)} |`);
  console.log(
    `| RSS when the benchmark started (client and server share the process), MB | ${mb(rssAtStart)} |`,
  );
  console.log(
    `| RSS before / peak / after the timed rounds, MB | ${mb(uploads.rss.before)} / ${mb(uploads.rss.peak)} / ${mb(uploads.rss.after)} |`,
  );
  console.log(
    `| heap used before / after the timed rounds, MB | ${mb(uploads.heap.before)} / ${mb(uploads.heap.after)} |`,
  );
  console.log(`\n| server time, ${PAGE_REQUESTS} requests | p50 ms | p99 ms | p50 vs baseline | page KB |`);
  console.log("|---|---:|---:|---:|---:|");
  console.log(
    `| bare Fastify (baseline) | ${baseline.p50.toFixed(2)} | ${baseline.p99.toFixed(2)} | 1 | — |`,
  );
  console.log(
    `| /lk/documents, ${LISTED_DOCUMENTS} documents (first page) | ${page.p50.toFixed(2)} | ${page.p99.toFixed(2)} | ${(page.p50 / baseline.p50).toFixed(1)} | ${(page.bytes / 1024).toFixed(0)} |`,
  );
}

export async function run(): Promise<void> {
  await benchDocuments("PGlite");
  if (testDatabaseUrl) await benchDocuments("PostgreSQL");
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
