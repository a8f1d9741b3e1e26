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
 * Every storage key named by a row, in byte order (COLLATE "C", the order of the store's listing),
 * read in keyset pages so memory stays bounded however many files there are.
 */
export async function* rowStorageKeys(db: DbExecutor): AsyncGenerator<string> {
  const union = sql.join(
    storedFileTables.map((table) => sql`select ${table.storageKey} as key from ${table}`),
    sql` union all `,
  );
  let after = "";
  for (;;) {
    const result = await db.execute(sql`
      select key from (${union}) as stored
      where key collate "C" > ${after}
      order by key collate "C"
      limit ${BATCH}`);
    const keys = (result.rows as { key: string }[]).map((row) => row.key);
    yield* keys;
    const last = keys.at(-1);
    if (keys.length < BATCH || last === undefined) return;
    after = last;
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
