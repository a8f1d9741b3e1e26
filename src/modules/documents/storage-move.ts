// `npm run cli -- files move --from fs --to s3`: copies every stored file (workers' documents,
// organizations' and support requests' attachments) to the other store, checking each copy against
// the SHA-256 recorded at upload. The source is left as it was: switch FILE_STORAGE once the run reports no problems,
// then remove the old files. Running it again copies everything again, harmlessly.
import { createHash } from "node:crypto";
import { PassThrough, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { asc, gt } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import type { FileStorage } from "./storage.ts";
import { storedFileTables } from "./stored-files.ts";

export interface MoveReport {
  copied: number;
  /** Keys whose file is absent from the source store. */
  missing: string[];
  /** Keys whose bytes do not match the recorded SHA-256 (not copied). */
  damaged: string[];
}

const BATCH = 200;

export async function moveFiles(db: DbExecutor, from: FileStorage, to: FileStorage): Promise<MoveReport> {
  const report: MoveReport = { copied: 0, missing: [], damaged: [] };
  for (const table of storedFileTables) {
    // Keyset paging over the unique storage key: bounded memory however many files there are.
    let after = "";
    for (;;) {
      const rows = await db
        .select({ key: table.storageKey, sha256: table.sha256 })
        .from(table)
        .where(gt(table.storageKey, after))
        .orderBy(asc(table.storageKey))
        .limit(BATCH);
      for (const row of rows) await copyOne(row.key, row.sha256, from, to, report);
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1]?.key ?? after;
    }
  }
  return report;
}

async function copyOne(key: string, sha256: string, from: FileStorage, to: FileStorage, report: MoveReport) {
  let source: NodeJS.ReadableStream;
  try {
    source = await from.open(key);
  } catch {
    report.missing.push(key);
    return;
  }
  const hash = createHash("sha256");
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const through = new PassThrough();
  const [staged] = await Promise.all([to.stage(through), pipeline(source, hashing, through)]);
  if (hash.digest("hex") !== sha256) {
    await staged.discard();
    report.damaged.push(key);
    return;
  }
  await staged.commit(key);
  report.copied++;
}
