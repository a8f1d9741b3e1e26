// File system adapter of the storage port. Files live under `root` (DATA_DIR/files), outside any
// static root, named by random keys; uploads are written to `root/staging` and renamed on commit,
// which is atomic because both are on the same file system.
import { randomBytes } from "node:crypto";
import { constants, createWriteStream } from "node:fs";
import { access, mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { assertStorageKey, type FileStorage, type StagedFile, type StoredObject } from "./storage.ts";

const stagingName = /^[0-9a-f]{32}\.part$/;
const shardName = /^[0-9a-f]{2}$/;
const fileName = /^[0-9a-f]{32}$/;

export function createFsStorage(root: string): FileStorage {
  const stagingDir = join(root, "staging");
  const pathOf = (key: string): string => {
    assertStorageKey(key);
    return join(root, key);
  };

  return {
    async stage(source) {
      await mkdir(stagingDir, { recursive: true });
      const stagedPath = join(stagingDir, `${randomBytes(16).toString("hex")}.part`);
      const discard = () => rm(stagedPath, { force: true });
      try {
        // 0o600: uploaded documents are readable by the service account only.
        await pipeline(source, createWriteStream(stagedPath, { flags: "wx", mode: 0o600 }));
      } catch (error) {
        await discard();
        throw error;
      }
      return stagedFile(stagedPath, pathOf, discard);
    },

    async open(key) {
      // Opening first turns a missing file into a rejected promise instead of a stream error.
      const handle = await open(pathOf(key), "r");
      return handle.createReadStream();
    },

    async remove(key) {
      await rm(pathOf(key), { force: true });
    },

    async check() {
      await mkdir(stagingDir, { recursive: true });
      await access(stagingDir, constants.W_OK);
    },

    async *files() {
      for (const shard of await names(root, shardName))
        for (const name of await names(join(root, shard), fileName)) {
          const key = `${shard}/${name}`;
          const entry = await described(join(root, key), key);
          if (entry) yield entry;
        }
    },

    async *staging() {
      for (const name of await names(stagingDir, stagingName)) {
        const entry = await described(join(stagingDir, name), name);
        if (entry) yield entry;
      }
    },

    async removeStaging(name) {
      if (!stagingName.test(name)) throw new Error("invalid staging name");
      await rm(join(stagingDir, name), { force: true });
    },
  };
}

/** The entries of `dir` matching `pattern`, sorted; none when the directory does not exist yet. */
async function names(dir: string, pattern: RegExp): Promise<string[]> {
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [] as string[];
    throw error;
  });
  return entries.filter((name) => pattern.test(name)).sort();
}

/** A file that vanished between listing and stat (removed meanwhile) is skipped. */
async function described(path: string, key: string): Promise<StoredObject | undefined> {
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() ? { key, modifiedAt: info.mtime } : undefined;
}

function stagedFile(
  stagedPath: string,
  pathOf: (key: string) => string,
  discard: () => Promise<void>,
): StagedFile {
  return {
    async commit(key) {
      const target = pathOf(key);
      await mkdir(dirname(target), { recursive: true });
      await rename(stagedPath, target);
    },
    discard,
  };
}
