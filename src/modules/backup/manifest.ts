// The manifest of a backup: when it was taken, from which kind of database and schema version, and
// the SHA-256 of every part. It is written last, so a directory without one is an unfinished backup;
// restore checks every part against it before it touches anything.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { BackupError } from "./backup.errors.ts";
import type { SchemaVersion } from "./schema-version.ts";

export const MANIFEST = "manifest.json";
const FORMAT = 1;

export interface BackupPart {
  /** Relative to the backup directory: the database dump or `files/<storage key>`. */
  path: string;
  sha256: string;
  bytes: number;
}

export interface Manifest {
  format: typeof FORMAT;
  createdAt: string;
  database: "postgres" | "pglite";
  schema: SchemaVersion;
  parts: BackupPart[];
}

// Only names a backup writes: an edited manifest cannot point restore outside its directory.
const partPath = /^(database\.pgdump|database\.tar\.gz|files\/[0-9a-f]{2}\/[0-9a-f]{32})$/;

export async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(path), hash);
  return { sha256: hash.digest("hex"), bytes: (await stat(path)).size };
}

export async function describePart(dir: string, path: string): Promise<BackupPart> {
  return { path, ...(await hashFile(join(dir, path))) };
}

export async function writeManifest(dir: string, manifest: Omit<Manifest, "format">): Promise<Manifest> {
  const complete: Manifest = { format: FORMAT, ...manifest };
  await writeFile(join(dir, MANIFEST), `${JSON.stringify(complete, null, 2)}\n`, { flag: "wx" });
  return complete;
}

export async function readManifest(dir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST), "utf8");
  } catch {
    throw new BackupError(`no ${MANIFEST} in ${dir}: not a backup, or an unfinished one`);
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    throw new BackupError(`${MANIFEST} is damaged (not JSON)`);
  }
  const valid =
    manifest?.format === FORMAT &&
    (manifest.database === "postgres" || manifest.database === "pglite") &&
    typeof manifest.schema?.when === "number" &&
    Array.isArray(manifest.parts) &&
    manifest.parts.every(
      (part) =>
        typeof part.path === "string" && partPath.test(part.path) && /^[0-9a-f]{64}$/.test(part.sha256),
    );
  if (!valid) throw new BackupError(`${MANIFEST} is damaged or of an unknown format`);
  return manifest;
}

/** Refuses a backup any part of which is missing or differs from its recorded SHA-256. */
export async function verifyParts(dir: string, manifest: Manifest): Promise<void> {
  for (const part of manifest.parts) {
    const actual = await hashFile(join(dir, part.path)).catch(() => undefined);
    if (!actual) throw new BackupError(`the backup is damaged: ${part.path} is missing`);
    if (actual.sha256 !== part.sha256)
      throw new BackupError(`the backup is damaged: ${part.path} does not match its SHA-256`);
  }
}
