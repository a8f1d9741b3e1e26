// The file part of a backup, through the storage port, so the same code copies a directory or an
// S3 bucket: every committed file to `files/<key>` (hashed on the way for the manifest), and back.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FileStorage } from "../documents/storage.ts";
import { BackupError } from "./backup.errors.ts";
import type { BackupPart } from "./manifest.ts";

export async function dumpFiles(storage: FileStorage, dir: string): Promise<BackupPart[]> {
  const parts: BackupPart[] = [];
  for await (const { key } of storage.files()) {
    const path = `files/${key}`;
    const target = join(dir, path);
    await mkdir(dirname(target), { recursive: true });
    const hash = createHash("sha256");
    let bytes = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    await pipeline(await storage.open(key), hashing, createWriteStream(target, { flags: "wx", mode: 0o600 }));
    parts.push({ path, sha256: hash.digest("hex"), bytes });
  }
  return parts;
}

export async function assertStoreEmpty(storage: FileStorage): Promise<void> {
  for await (const _file of storage.files())
    throw new BackupError("the file store is not empty: restore goes into an empty store");
}

/** Puts every file part back under its key; the parts were verified against the manifest before. */
export async function restoreFiles(
  storage: FileStorage,
  dir: string,
  parts: readonly BackupPart[],
): Promise<number> {
  let restored = 0;
  for (const part of parts) {
    if (!part.path.startsWith("files/")) continue;
    const staged = await storage.stage(createReadStream(join(dir, part.path)));
    await staged.commit(part.path.slice("files/".length));
    restored++;
  }
  return restored;
}
