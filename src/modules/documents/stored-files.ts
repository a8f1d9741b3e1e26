// Every table whose rows name a file in the file storage. The file move, the orphan check and
// anything else that walks the store against the database take the list from here, so a new kind
// of attachment is added once.
import { inArray, sql } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { organizationFiles } from "../organizations/activation.schema.ts";
import { supportAttachments } from "../support/support.schema.ts";
import { documents } from "./documents.schema.ts";

export const storedFileTables = [documents, organizationFiles, supportAttachments] as const;

const BATCH = 500;

/**
 * Every storage key named by a row, in byte order (COLLATE "C", the order of the store's listing):
 * each table read in keyset pages along its byte-order index, the tables merged here, so memory
 * and each query stay bounded however many files there are.
 */
export async function* rowStorageKeys(db: DbExecutor): AsyncGenerator<string> {
  const streams = storedFileTables.map((table) => tableKeys(db, table)[Symbol.asyncIterator]());
  const heads = await Promise.all(streams.map((stream) => stream.next()));
  for (;;) {
    let smallest = -1;
    heads.forEach((head, index) => {
      const current = heads[smallest];
      if (!head.done && (!current || current.done || head.value < current.value)) smallest = index;
    });
    const head = heads[smallest];
    const stream = streams[smallest];
    if (!head || head.done || !stream) return;
    yield head.value;
    heads[smallest] = await stream.next();
  }
}

async function* tableKeys(db: DbExecutor, table: (typeof storedFileTables)[number]): AsyncGenerator<string> {
  const inByteOrder = sql`${table.storageKey} collate "C"`;
  let after = "";
  for (;;) {
    const rows = await db
      .select({ key: table.storageKey })
      .from(table)
      .where(sql`${inByteOrder} > ${after}`)
      .orderBy(inByteOrder)
      .limit(BATCH);
    for (const row of rows) yield row.key;
    const last = rows.at(-1);
    if (rows.length < BATCH || !last) return;
    after = last.key;
  }
}

/** The keys among `keys` that some row names (the orphan check's second look). */
export async function keysWithRows(db: DbExecutor, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < keys.length; start += BATCH) {
    const batch = keys.slice(start, start + BATCH);
    for (const table of storedFileTables) {
      const rows = await db
        .select({ key: table.storageKey })
        .from(table)
        .where(inArray(table.storageKey, batch));
      for (const row of rows) found.add(row.key);
    }
  }
  return found;
}
