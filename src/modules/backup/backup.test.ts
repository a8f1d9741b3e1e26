// C8 backup and restore, on PGlite by default and on PostgreSQL with TEST_DATABASE_URL: rows and
// files in → backup → empty database and store → restore → the same rows, the same file hashes, an
// intact audit chain. Restore refuses a damaged backup, a newer schema and a non-empty target.
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { after, before, test } from "node:test";
import { asc, sql } from "drizzle-orm";
import pg from "pg";
import { testDatabaseUrl } from "../../../test/support/db.ts";
import { startTestS3, type TestS3 } from "../../../test/support/s3.ts";
import { type DatabaseHandle, openDatabase } from "../../db/client.ts";
import { verifyChain } from "../audit/audit.chain.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { auditEvents } from "../audit/audit.schema.ts";
import { documents } from "../documents/documents.schema.ts";
import { createFsStorage } from "../documents/fs-storage.ts";
import { createS3Storage } from "../documents/s3-storage.ts";
import { type FileStorage, newStorageKey } from "../documents/storage.ts";
import { users } from "../identity/identity.schema.ts";
import { runBackupCommand, runRestoreCommand } from "./backup.command.ts";
import type { BackupSite } from "./backup.ts";
import { MANIFEST, type Manifest } from "./manifest.ts";

let work: string;
let s3: TestS3;
const cleanups: (() => Promise<void>)[] = [];
const now = new Date("2026-12-02T08:00:00Z");

before(async () => {
  work = await mkdtemp(join(tmpdir(), "frmr-backup-"));
  s3 = await startTestS3("frmr-restored");
});
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await s3.close();
  await rm(work, { recursive: true, force: true });
});

/** An empty database: a new PostgreSQL database, or a PGlite directory not yet created. */
async function emptySite(name: string, storage: FileStorage): Promise<BackupSite> {
  const pgliteDir = join(work, name, "pg");
  if (!testDatabaseUrl) return { database: { pgliteDir }, storage };
  const database = `frmr_restore_${randomBytes(6).toString("hex")}`;
  await admin(`create database ${database}`);
  cleanups.push(() => admin(`drop database if exists ${database} with (force)`));
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${database}`;
  return { database: { url: url.toString(), pgliteDir }, storage };
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

async function open(site: BackupSite): Promise<DatabaseHandle> {
  return openDatabase({ url: site.database.url, pgliteDir: site.database.pgliteDir });
}

/** A migrated database with a worker, two documents whose files are in the store, and journal records. */
async function populatedSite(): Promise<{ site: BackupSite; hashes: Map<string, string> }> {
  const site = await emptySite("source", createFsStorage(join(work, "source", "files")));
  const database = await open(site);
  const hashes = new Map<string, string>();
  try {
    await database.migrate();
    const [user] = await database.db
      .insert(users)
      .values({ esiaOid: "1000001", lastName: "Иванова", firstName: "Мария" })
      .returning();
    assert.ok(user);
    for (const name of ["диплом.pdf", "паспорт.pdf"]) {
      const bytes = randomBytes(70_000);
      const key = newStorageKey();
      const staged = await site.storage.stage(Readable.from([bytes]));
      await staged.commit(key);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      hashes.set(key, sha256);
      await database.db.insert(documents).values({
        userId: user.id,
        typeCode: "diploma",
        originalName: name,
        mediaType: "application/pdf",
        sizeBytes: bytes.length,
        sha256,
        storageKey: key,
        uploadedAt: now,
      });
      await writeAudit(database.db, {
        event: "document.uploaded",
        outcome: "success",
        userId: user.id,
        details: { sizeBytes: bytes.length },
      });
    }
  } finally {
    await database.close();
  }
  return { site, hashes };
}

async function snapshot(site: BackupSite) {
  const database = await open(site);
  try {
    const { db } = database;
    return {
      users: await db.select().from(users).orderBy(asc(users.id)),
      documents: await db.select().from(documents).orderBy(asc(documents.storageKey)),
      audit: await db.select().from(auditEvents).orderBy(asc(auditEvents.id)),
      chain: await verifyChain(db),
    };
  } finally {
    await database.close();
  }
}

async function storedHashes(storage: FileStorage): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for await (const { key } of storage.files()) {
    const hash = createHash("sha256");
    for await (const chunk of await storage.open(key)) hash.update(chunk as Buffer);
    hashes.set(key, hash.digest("hex"));
  }
  return hashes;
}

let source: { site: BackupSite; hashes: Map<string, string> };
let backupDir: string;

test("a backup holds the database dump, every file and a manifest of their hashes", async () => {
  source = await populatedSite();
  backupDir = join(work, "backup-1");
  const result = await runBackupCommand(source.site, ["--out", backupDir], now);
  assert.ok(result.ok, result.lines.join("\n"));
  const manifest = JSON.parse(await readFile(join(backupDir, MANIFEST), "utf8")) as Manifest;
  assert.equal(manifest.createdAt, now.toISOString());
  assert.equal(manifest.database, testDatabaseUrl ? "postgres" : "pglite");
  assert.match(manifest.schema.migration, /^\d{4}_/, "the last applied migration by name");
  assert.equal(manifest.parts.length, 3, "the dump and two files");
  for (const [key, sha256] of source.hashes)
    assert.equal(manifest.parts.find((part) => part.path === `files/${key}`)?.sha256, sha256);

  const again = await runBackupCommand(source.site, ["--out", backupDir], now);
  assert.equal(again.ok, false, "an existing backup is not overwritten");
  assert.match(again.lines[0] ?? "", /not empty/);
});

test("restore into an empty database and an empty S3 bucket gives the same rows and file hashes", async () => {
  const target = await emptySite("restored", createS3Storage(settingsOf(s3)));
  const result = await runRestoreCommand(target, [backupDir]);
  assert.ok(result.ok, result.lines.join("\n"));
  assert.match(result.lines[0] ?? "", /2 file/);

  const before = await snapshot(source.site);
  const restored = await snapshot(target);
  assert.equal(restored.users.length, 1);
  assert.equal(restored.documents.length, 2);
  assert.deepEqual(restored, before);
  assert.ok(restored.chain.ok && restored.chain.rowsChecked === 2, "the journal's chain survives intact");
  assert.deepEqual(await storedHashes(target.storage), source.hashes);

  const twice = await runRestoreCommand(target, [backupDir]);
  assert.equal(twice.ok, false, "never over a database in use");
  assert.match(twice.lines[0] ?? "", /not empty/);
});

test("a damaged part or manifest is refused before anything is written", async () => {
  const target = await emptySite("damaged", createFsStorage(join(work, "damaged", "files")));
  const manifest = JSON.parse(await readFile(join(backupDir, MANIFEST), "utf8")) as Manifest;
  const filePart = manifest.parts.find((part) => part.path.startsWith("files/"));
  assert.ok(filePart);
  const original = await readFile(join(backupDir, filePart.path));
  const flipped = Buffer.from(original);
  flipped[100] = (flipped[100] ?? 0) ^ 0xff;
  await writeFile(join(backupDir, filePart.path), flipped);
  try {
    const result = await runRestoreCommand(target, [backupDir]);
    assert.equal(result.ok, false);
    assert.equal(
      result.lines[0],
      `refused: the backup is damaged: ${filePart.path} does not match its SHA-256`,
    );
    await assertStillEmpty(target);
  } finally {
    await writeFile(join(backupDir, filePart.path), original);
  }

  const broken = join(work, "backup-broken");
  await rm(broken, { recursive: true, force: true });
  const written = await runBackupCommand(source.site, ["--out", broken], now);
  assert.ok(written.ok);
  await writeFile(join(broken, MANIFEST), "{ not json");
  const result = await runRestoreCommand(target, [broken]);
  assert.deepEqual(result.lines, ["refused: manifest.json is damaged (not JSON)"]);
  const missing = await runRestoreCommand(target, [join(work, "nowhere")]);
  assert.match(missing.lines[0] ?? "", /no manifest\.json/);
  await assertStillEmpty(target);
});

/** An empty site named `name`, and the restore there of a fresh backup whose manifest `edit` changed. */
async function restoreEdited(name: string, edit: (manifest: Manifest) => void) {
  const target = await emptySite(name, createFsStorage(join(work, name, "files")));
  const dir = join(work, `backup-${name}`);
  assert.ok((await runBackupCommand(source.site, ["--out", dir], now)).ok);
  const manifest = JSON.parse(await readFile(join(dir, MANIFEST), "utf8")) as Manifest;
  edit(manifest);
  await writeFile(join(dir, MANIFEST), JSON.stringify(manifest));
  return { target, result: await runRestoreCommand(target, [dir]) };
}

test("a backup of a newer schema than this code knows is refused", async () => {
  const { target, result } = await restoreEdited("newer", (manifest) => {
    manifest.schema = { migration: "0099_from_the_future", when: manifest.schema.when + 86_400_000 };
  });
  assert.equal(result.ok, false);
  assert.match(result.lines[0] ?? "", /newer schema \(0099_from_the_future\).*update the cabinet first/);
  await assertStillEmpty(target);
});

test("a backup of the other database kind is refused with the setting to change", async () => {
  const { target, result } = await restoreEdited("other-kind", (manifest) => {
    manifest.database = manifest.database === "pglite" ? "postgres" : "pglite";
  });
  assert.equal(result.ok, false);
  assert.match(result.lines[0] ?? "", /restore it with DATABASE_URL (empty|set)/);
  assert.deepEqual((await runRestoreCommand(target, [])).lines, ["Usage: npm run cli -- restore <dir>"]);
  assert.deepEqual((await runBackupCommand(target, [], now)).lines, [
    "Usage: npm run cli -- backup --out <dir>",
  ]);
  await assertStillEmpty(target);
});

async function assertStillEmpty(site: BackupSite): Promise<void> {
  for await (const _file of site.storage.files()) assert.fail("no file was restored");
  if (!site.database.url) return;
  const database = await open(site);
  try {
    const result = await database.db.execute(
      sql`select count(*)::int as count from pg_tables where schemaname = 'public'`,
    );
    assert.equal((result.rows[0] as { count: number }).count, 0, "no table was restored");
  } finally {
    await database.close();
  }
}

function settingsOf(server: TestS3) {
  return {
    bucket: server.bucket,
    endpoint: server.endpoint,
    region: "us-east-1",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  };
}
