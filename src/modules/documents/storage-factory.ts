// Builds the configured file store; also used by `npm run cli -- files move` to open both stores.
import { join } from "node:path";
import type { Config } from "../../config/config.ts";
import { createFsStorage } from "./fs-storage.ts";
import { createS3Storage } from "./s3-storage.ts";
import type { FileStorage } from "./storage.ts";

export function createFileStorage(
  config: Config,
  kind: Config["fileStorage"] = config.fileStorage,
): FileStorage {
  // Files under DATA_DIR/files are never under a directory served as static assets.
  return kind === "s3" ? createS3Storage(config.s3) : createFsStorage(join(config.dataDir, "files"));
}
