// The orphan check (C8): walks the file store and the rows that name its files side by side, both
// in key order, and reports files without a row (a crash between storing a file and committing its
// row) and rows whose file is missing (a lost or wrongly restored store). Upload leftovers in the
// staging area older than an hour are removed: no upload takes that long, so nothing waits for them.
// Anything younger than an hour is left alone, since an upload may be between its two steps.
import type { DbExecutor } from "../../db/client.ts";
import type { FileStorage, StoredObject } from "./storage.ts";
import { keysWithRows, rowStorageKeys } from "./stored-files.ts";

export const STALE_AFTER_MS = 60 * 60_000;

export interface OrphanReport {
  filesWithoutRow: string[];
  rowsWithoutFile: string[];
  stagingRemoved: number;
  stagingInFlight: number;
}

/** Removes staging leftovers older than an hour; returns how many went and how many are in flight. */
export async function sweepStaging(
  storage: FileStorage,
  now: Date,
): Promise<Pick<OrphanReport, "stagingRemoved" | "stagingInFlight">> {
  const cutoff = now.getTime() - STALE_AFTER_MS;
  let stagingRemoved = 0;
  let stagingInFlight = 0;
  for await (const entry of storage.staging()) {
    if (entry.modifiedAt.getTime() < cutoff) {
      await storage.removeStaging(entry.key);
      stagingRemoved++;
    } else stagingInFlight++;
  }
  return { stagingRemoved, stagingInFlight };
}

export async function findOrphans(db: DbExecutor, storage: FileStorage, now: Date): Promise<OrphanReport> {
  const cutoff = now.getTime() - STALE_AFTER_MS;
  const fileCandidates: string[] = [];
  const rowCandidates: string[] = [];
  const rows = rowStorageKeys(db)[Symbol.asyncIterator]();
  const files = storage.files()[Symbol.asyncIterator]();
  let row = await rows.next();
  let file: IteratorResult<StoredObject> = await files.next();
  // A merge of two sorted lists: a key on one side only is a candidate orphan.
  while (!row.done || !file.done) {
    if (file.done || (!row.done && row.value < file.value.key)) {
      rowCandidates.push(row.value as string);
      row = await rows.next();
    } else if (row.done || file.value.key < row.value) {
      if (file.value.modifiedAt.getTime() < cutoff) fileCandidates.push(file.value.key);
      file = await files.next();
    } else {
      row = await rows.next();
      file = await files.next();
    }
  }
  // A second look: an upload or a removal that happened while the two lists were read is no orphan.
  const named = await keysWithRows(db, fileCandidates);
  const filesWithoutRow = fileCandidates.filter((key) => !named.has(key));
  const stillNamed = await keysWithRows(db, rowCandidates);
  const rowsWithoutFile: string[] = [];
  for (const key of rowCandidates)
    if (stillNamed.has(key) && !(await exists(storage, key))) rowsWithoutFile.push(key);
  return { filesWithoutRow, rowsWithoutFile, ...(await sweepStaging(storage, now)) };
}

async function exists(storage: FileStorage, key: string): Promise<boolean> {
  try {
    const stream = await storage.open(key);
    stream.destroy();
    return true;
  } catch {
    return false;
  }
}
