import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { generateDrizzleJson, generateMigration } from "drizzle-kit/api";
import { migrationsFolder } from "./client.ts";
import { schema } from "./schema.ts";

test("the committed migrations produce exactly the schema in code", async () => {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, "utf8")) as {
    entries: { idx: number; tag: string }[];
  };
  const last = journal.entries.at(-1);
  assert.ok(last, "there is at least one migration");
  const snapshotFile = `${migrationsFolder}/meta/${String(last.idx).padStart(4, "0")}_snapshot.json`;
  const committed = JSON.parse(readFileSync(snapshotFile, "utf8"));
  const current = generateDrizzleJson(schema, committed.id);
  const pending = await generateMigration(committed, current);
  assert.deepEqual(pending, [], "schema code has changes without a migration: run `npm run db:generate`");
});
