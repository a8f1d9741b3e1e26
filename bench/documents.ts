// «Мои документы» under load: rounds of 20 concurrent 5 MB uploads over loopback to a fresh server
// process (throughput, and the server's resident memory from before the first upload to its peak),
// then the list page of a worker with 500 documents against the baseline.
import { eq } from "drizzle-orm";
import { standinAccounts } from "../src/esia-standin/seed.ts";
import { documents } from "../src/modules/documents/documents.schema.ts";
import { newStorageKey } from "../src/modules/documents/storage.ts";
import { multipartBody, samplePdfOfSize } from "../src/modules/documents/test-support.ts";
import { MAX_FILE_BYTES } from "../src/modules/documents/upload-rules.ts";
import { users } from "../src/modules/identity/identity.schema.ts";
import { cookiesFrom, csrfTokenIn } from "../test/support/platform.ts";
import type { TestSystem } from "../test/support/system.ts";
import type { BenchServer } from "./child.ts";
import { signInWorker } from "./login.ts";
import { measure, megabytes, printTable, serverTime } from "./measure.ts";
import type { BenchContext } from "./scenarios.ts";

const CONCURRENT = 20;
const LISTED_DOCUMENTS = 500;

export async function documentsServer(system: TestSystem) {
  const db = system.deps.database.db;
  return {
    clear: async () => {
      await db.delete(documents);
      return null;
    },
    /** The rows only: the list page never reads the files. */
    insertDocuments: async () => {
      const [user] = await db
        .select()
        .from(users)
        .where(eq(users.esiaOid, String(standinAccounts.petrova.oid)));
      if (!user) throw new Error("the worker has not signed in");
      const now = Date.now();
      await db.insert(documents).values(
        Array.from({ length: LISTED_DOCUMENTS }, (_, i) => ({
          userId: user.id,
          typeCode: i % 3 === 0 ? "qualification_certificate" : "other",
          originalName: `Петрова А.С. удостоверение о повышении квалификации № ${i + 1} на 2 л.pdf`,
          mediaType: "application/pdf",
          sizeBytes: 200_000 + i,
          sha256: "0".repeat(64),
          storageKey: newStorageKey(),
          uploadedAt: new Date(now - i * 60_000),
        })),
      );
      return null;
    },
  };
}

interface UploadFigures {
  uploads: number;
  seconds: number;
  rss: { before: number; peak: number; after: number };
}

async function measureUploads(server: BenchServer, cookie: string, rounds: number): Promise<UploadFigures> {
  const base = server.url;
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
  // No warm-up round: the growth is counted from the fresh process, as a real first burst would see it.
  const before = server.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, server.rss());
  }, 20);
  let busy = 0;
  try {
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      await Promise.all(Array.from({ length: CONCURRENT }, uploadOne));
      busy += performance.now() - started;
      await server.call("clear");
    }
  } finally {
    clearInterval(sampler);
  }
  const after = server.rss();
  return {
    uploads: CONCURRENT * rounds,
    seconds: busy / 1000,
    rss: { before, peak: Math.max(peak, after), after },
  };
}

export async function documentsBench({ label, server, baseline }: BenchContext): Promise<void> {
  const cookie = await signInWorker(server.url);
  const uploads = await measureUploads(server, cookie, server.details.quick ? 1 : 5);
  const throughput = (uploads.uploads * MAX_FILE_BYTES) / 1024 / 1024 / uploads.seconds;
  console.log(
    `\nDocuments on ${label}: ${CONCURRENT} concurrent 5 MB uploads × ${uploads.uploads / CONCURRENT} rounds`,
  );
  console.log("| figure | value |");
  console.log("|---|---:|");
  console.log(`| throughput, MB/s | ${throughput.toFixed(1)} |`);
  console.log(
    `| server RSS before / peak / after, MB | ${megabytes(uploads.rss.before)} / ${megabytes(uploads.rss.peak)} / ${megabytes(uploads.rss.after)} |`,
  );
  console.log(`| server RSS growth to the peak, MB | ${megabytes(uploads.rss.peak - uploads.rss.before)} |`);

  await server.call("insertDocuments");
  const list = `${server.url}/lk/documents`;
  console.log(
    `${label}: /lk/documents with ${LISTED_DOCUMENTS} documents, server time p50 ${(await serverTime(list, cookie)).toFixed(1)} ms`,
  );
  const rows = [await measure(`/lk/documents, ${LISTED_DOCUMENTS} documents`, list, { cookie })];
  printTable(`Documents list on ${label}`, await baseline(), rows);
}
