// C8 / issue 15.5: the orphan check finds files without a row and rows whose file is missing, on
// the file system and on S3; staging leftovers older than an hour are removed, younger ones (an
// upload in progress) and young files (a row about to commit) are left alone.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { after, before, test } from "node:test";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { createTestDatabase } from "../../../test/support/db.ts";
import { startTestS3, type TestS3 } from "../../../test/support/s3.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { users } from "../identity/identity.schema.ts";
import { documents } from "./documents.schema.ts";
import { createFsStorage } from "./fs-storage.ts";
import { findOrphans } from "./orphans.ts";
import { createS3Storage } from "./s3-storage.ts";
import { type FileStorage, newStorageKey } from "./storage.ts";
import { lastStorageCheck, runStorageCheck } from "./storage-checks.ts";
import { rowStorageKeys } from "./stored-files.ts";

const HOUR = 60 * 60_000;
let database: DatabaseHandle;
let s3: TestS3;
let dir: string;
let userId: string;

before(async () => {
  database = await createTestDatabase();
  s3 = await startTestS3("frmr-orphans");
  dir = await mkdtemp(join(tmpdir(), "frmr-orphans-"));
  const [user] = await database.db
    .insert(users)
    .values({ esiaOid: "2000002", lastName: "Петров", firstName: "Пётр" })
    .returning();
  userId = user?.id ?? "";
});
after(async () => {
  await database.close();
  await s3.close();
  await rm(dir, { recursive: true, force: true });
});

async function storedFile(storage: FileStorage): Promise<string> {
  const key = newStorageKey();
  await (await storage.stage(Readable.from([randomBytes(64)]))).commit(key);
  return key;
}

/** A document row whose file is stored under `storageKey`. */
const documentRow = (storageKey: string) => ({
  userId,
  typeCode: "diploma",
  originalName: "диплом.pdf",
  mediaType: "application/pdf",
  sizeBytes: 64,
  sha256: "0".repeat(64),
  storageKey,
  uploadedAt: new Date(),
});

async function row(key: string): Promise<void> {
  await database.db.insert(documents).values(documentRow(key));
}

test("file system: orphans both ways, old staging leftovers removed, young work left alone", async () => {
  const root = join(dir, "files");
  const storage = createFsStorage(root);
  const now = new Date(Date.now() + 2 * HOUR);
  const healthy = await storedFile(storage);
  await row(healthy);
  const orphanFile = await storedFile(storage);
  const youngFile = await storedFile(storage);
  await utimes(join(root, youngFile), now, now);
  const missing = newStorageKey();
  await row(missing);
  // What a crash in the middle of an upload leaves, and an upload in progress.
  await mkdir(join(root, "staging"), { recursive: true });
  const stale = `${randomBytes(16).toString("hex")}.part`;
  const inFlight = `${randomBytes(16).toString("hex")}.part`;
  await writeFile(join(root, "staging", stale), "partial");
  await writeFile(join(root, "staging", inFlight), "partial");
  await utimes(join(root, "staging", inFlight), now, now);

  const report = await findOrphans(database.db, storage, now);
  assert.deepEqual(report.filesWithoutRow, [orphanFile]);
  assert.deepEqual(report.rowsWithoutFile, [missing]);
  assert.equal(report.stagingRemoved, 1);
  assert.equal(report.stagingInFlight, 1);
  const left: string[] = [];
  for await (const entry of storage.staging()) left.push(entry.key);
  assert.deepEqual(left, [inFlight]);

  // The recorded result is what the status page reads.
  await storage.remove(orphanFile);
  await runStorageCheck(database.db, storage, now);
  const last = await lastStorageCheck(database.db);
  assert.equal(last?.filesWithoutRow, 0);
  assert.equal(last?.rowsWithoutFile, 1);
  assert.deepEqual(last?.sample.rowsWithoutFile, [missing]);
  assert.equal(last?.checkedAt.getTime(), now.getTime());
  await database.db.delete(documents);
});

test("S3: the same check against a bucket, staging objects included", async () => {
  const storage = createS3Storage({
    bucket: s3.bucket,
    endpoint: s3.endpoint,
    region: "us-east-1",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  });
  const healthy = await storedFile(storage);
  await row(healthy);
  const orphanFile = await storedFile(storage);
  const missing = newStorageKey();
  await row(missing);
  const stale = `staging/${randomBytes(16).toString("hex")}`;
  await storage.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: stale, Body: "partial" }));

  const fresh = await findOrphans(database.db, storage, new Date());
  assert.deepEqual(fresh.filesWithoutRow, [], "a file younger than an hour may still get its row");
  assert.equal(fresh.stagingInFlight, 1);

  const report = await findOrphans(database.db, storage, new Date(Date.now() + 2 * HOUR));
  assert.deepEqual(report.filesWithoutRow, [orphanFile]);
  assert.deepEqual(report.rowsWithoutFile, [missing]);
  assert.equal(report.stagingRemoved, 1);
  for await (const _entry of storage.staging()) assert.fail("the stale staging object is gone");
});

test("rows are read in the store's byte order across pages", async () => {
  const keys = Array.from({ length: 1200 }, () => newStorageKey());
  await database.db.insert(documents).values(keys.map(documentRow));
  const read: string[] = [];
  for await (const key of rowStorageKeys(database.db)) read.push(key);
  const existing = read.filter((key) => keys.includes(key));
  assert.equal(existing.length, keys.length, "every row once, over three pages");
  assert.deepEqual(read, [...read].sort(), "ascending byte order, as the store lists its files");
  await database.db.delete(documents);
});
