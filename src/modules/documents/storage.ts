// The file storage port. The file system adapter serves development and single-node setups;
// an S3-compatible adapter can implement the same contract (stage = upload under a staging
// prefix, commit = copy to the final key) without touching the documents service.
import { randomBytes } from "node:crypto";
import type { Readable } from "node:stream";

/** An uploaded file that is not yet visible under any key; exactly one of commit/discard follows. */
export interface StagedFile {
  /** Makes the file readable under `key`. */
  commit(key: string): Promise<void>;
  /** Removes the staged file; safe to call more than once. */
  discard(): Promise<void>;
}

export interface FileStorage {
  /** Streams `source` into a staging area; rejects (leaving nothing behind) when the stream fails. */
  stage(source: Readable): Promise<StagedFile>;
  /** Opens a committed file; throws when it does not exist. */
  open(key: string): Promise<Readable>;
  /** Removes a committed file; a missing file is not an error. */
  remove(key: string): Promise<void>;
  /** Throws when the store cannot be written to (the status page). */
  check(): Promise<void>;
  /** Every committed file in ascending key order (byte order), for backups and the orphan check. */
  files(): AsyncIterable<StoredObject>;
  /** Uploads still in the staging area: in flight, or left behind by a crash. */
  staging(): AsyncIterable<StoredObject>;
  /** Removes one staging leftover named by `staging()`; a missing one is not an error. */
  removeStaging(key: string): Promise<void>;
}

export interface StoredObject {
  key: string;
  modifiedAt: Date;
}

/** A random storage key: 128 bits, sharded by its first two characters. Never derived from user input. */
export function newStorageKey(): string {
  const name = randomBytes(16).toString("hex");
  return `${name.slice(0, 2)}/${name}`;
}

const keyPattern = /^[0-9a-f]{2}\/[0-9a-f]{32}$/;

export const isStorageKey = (key: string): boolean => keyPattern.test(key);

/** Adapters refuse anything but keys made by newStorageKey, so no key can escape the storage root. */
export function assertStorageKey(key: string): void {
  if (!keyPattern.test(key)) throw new Error("invalid storage key");
}
