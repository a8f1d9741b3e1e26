// `npm run cli -- backup --out <dir>` and `npm run cli -- restore <dir>` (C8): the database and the
// file store together, with a manifest of SHA-256 sums. Restore checks everything it can before it
// writes anything: a whole, undamaged backup, of a schema this code knows, into an empty database
// and an empty store. A backup of an older schema is brought up to date by the migrations.
import { mkdir, readdir } from "node:fs/promises";
import { openDatabase } from "../../db/client.ts";
import type { FileStorage } from "../documents/storage.ts";
import { BackupError } from "./backup.errors.ts";
import {
  assertDatabaseEmpty,
  type DatabaseTarget,
  dumpDatabase,
  dumpName,
  kindOf,
  restoreDatabase,
} from "./database-dump.ts";
import { assertStoreEmpty, dumpFiles, restoreFiles } from "./file-dump.ts";
import { describePart, type Manifest, readManifest, verifyParts, writeManifest } from "./manifest.ts";
import { codeSchemaVersion, schemaVersionAt } from "./schema-version.ts";

export interface BackupSite {
  database: DatabaseTarget;
  storage: FileStorage;
}

export async function createBackup(site: BackupSite, dir: string, now: Date): Promise<Manifest> {
  await mkdir(dir, { recursive: true });
  if ((await readdir(dir)).length > 0)
    throw new BackupError(`${dir} is not empty: back up into a new directory`);
  // The database first: a file uploaded meanwhile is then at worst an orphan, found by the orphan check.
  const when = await dumpDatabase(site.database, dir);
  const databasePart = await describePart(dir, dumpName(site.database));
  const fileParts = await dumpFiles(site.storage, dir);
  return writeManifest(dir, {
    createdAt: now.toISOString(),
    database: kindOf(site.database),
    schema: schemaVersionAt(when),
    parts: [databasePart, ...fileParts],
  });
}

export interface RestoreResult {
  manifest: Manifest;
  files: number;
}

export async function restoreBackup(site: BackupSite, dir: string): Promise<RestoreResult> {
  const manifest = await readManifest(dir);
  if (manifest.database !== kindOf(site.database))
    throw new BackupError(
      `the backup is of ${manifest.database === "pglite" ? "embedded PGlite" : "PostgreSQL"}: ` +
        `restore it with ${manifest.database === "pglite" ? "DATABASE_URL empty" : "DATABASE_URL set"}`,
    );
  const known = codeSchemaVersion();
  if (manifest.schema.when > known.when)
    throw new BackupError(
      `the backup has a newer schema (${manifest.schema.migration}) than this version of the cabinet ` +
        `(${known.migration}): update the cabinet first`,
    );
  if (!manifest.parts.some((part) => part.path === dumpName(site.database)))
    throw new BackupError("the backup is damaged: the database dump is not in the manifest");
  await verifyParts(dir, manifest);
  await assertDatabaseEmpty(site.database);
  await assertStoreEmpty(site.storage);

  await restoreDatabase(site.database, dir);
  const files = await restoreFiles(site.storage, dir, manifest.parts);
  const database = await openDatabase({ url: site.database.url, pgliteDir: site.database.pgliteDir });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
  return { manifest, files };
}
