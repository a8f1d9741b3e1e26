// File system adapter of the storage port. Files live under `root` (DATA_DIR/files), outside any
// static root, named by random keys; uploads are written to `root/staging` and renamed on commit,
// which is atomic because both are on the same file system.
import { randomBytes } from "node:crypto";
import { constants, createWriteStream } from "node:fs";
import { access, mkdir, open, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { assertStorageKey, type FileStorage, type StagedFile } from "./storage.ts";

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
  };
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
