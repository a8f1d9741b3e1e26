// The operators' queue: nearest due time first, keyset pages that neither repeat nor skip a row,
// filters, and closed requests left out unless asked for.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createTestDatabase } from "../../../test/support/db.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { cursorOf } from "./support.desk.ts";
import { queuePage } from "./support.repository.ts";
import { supportRequests } from "./support.schema.ts";

let database: DatabaseHandle;
const now = new Date("2026-11-23T09:00:00Z");

before(async () => {
  database = await createTestDatabase();
  await database.db.insert(supportRequests).values(
    Array.from({ length: 30 }, (_, index) => {
      // Pairs share a due time, so that the id decides the order within a pair.
      const dueAt = new Date(now.getTime() + Math.floor(index / 2) * 60_000);
      return {
        number: `SUP-2026-${String(index + 1).padStart(6, "0")}`,
        kind: index % 3 === 0 ? "signature" : "login",
        channel: "public",
        senderName: `Отправитель ${index}`,
        description: "…",
        priority: index % 2 === 0 ? "simple" : "blocked",
        line: "first",
        status: index === 29 ? "closed" : "new",
        createdAt: now,
        firstAnswerDueAt: dueAt,
        resolutionDueAt: dueAt,
        dueAt,
      };
    }),
  );
});
after(() => database?.close());

test("keyset pages cover the open queue once, in due order", async () => {
  const seen: string[] = [];
  let after: { dueAt: Date; id: string } | undefined;
  for (let page = 0; page < 5; page++) {
    const result = await queuePage(database.db, { limit: 10, after });
    seen.push(...result.rows.map((row) => row.number));
    const last = result.rows.at(-1);
    if (!result.hasNext || !last) break;
    const [time, id] = cursorOf(last).split("_");
    after = { dueAt: new Date(Number(time)), id: id ?? "" };
  }
  assert.equal(seen.length, 29, "the closed request is left out");
  assert.equal(new Set(seen).size, 29, "no row twice");
  const all = await queuePage(database.db, { limit: 100 });
  assert.deepEqual(
    all.rows.map((row) => row.dueAt.getTime()),
    [...all.rows.map((row) => row.dueAt.getTime())].sort((a, b) => a - b),
  );
});

test("filters", async () => {
  const blocked = await queuePage(database.db, { limit: 100, priority: "blocked" });
  assert.ok(blocked.rows.every((row) => row.priority === "blocked"));
  assert.equal(blocked.rows.length, 14);
  const closed = await queuePage(database.db, { limit: 100, status: "closed" });
  assert.deepEqual(
    closed.rows.map((row) => row.number),
    ["SUP-2026-000030"],
  );
  const signature = await queuePage(database.db, { limit: 100, kind: "signature" });
  assert.equal(signature.rows.length, 10);
});
