// The commission's queue pages by keyset: every page starts after the previous page's last row, in
// (deadline, nulls last, number) order, so walking the pages shows each application once, none
// skipped, drafts never, and filters apply to every page.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createTestDatabase } from "../../../test/support/db.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { applications } from "../applications/applications.schema.ts";
import type { ApplicationStatus } from "../applications/applications.status.ts";
import { users } from "../identity/identity.schema.ts";
import { formatQueueCursor, parseQueueCursor, type QueueFilter, queuePage } from "./review.repository.ts";

let database: DatabaseHandle;
const now = new Date("2026-11-23T09:00:00Z");
const statuses: ApplicationStatus[] = [
  "submitted",
  "under_review",
  "with_commission",
  "documents_requested",
  "draft",
];

before(async () => {
  database = await createTestDatabase();
  const [user] = await database.db
    .insert(users)
    .values({ esiaOid: "1000001", lastName: "Иванова", firstName: "Мария" })
    .returning({ id: users.id });
  await database.db.insert(applications).values(
    Array.from({ length: 53 }, (_, index) => ({
      userId: user?.id as string,
      kind: "periodic" as const,
      specialtyCode: `S${index}`,
      specialtyName: "Терапия",
      status: statuses[index % statuses.length] as ApplicationStatus,
      // Triples share a deadline so that the number decides within them; every seventh has none.
      stageDueOn: index % 7 === 0 ? null : `2026-12-${String(1 + Math.floor(index / 3)).padStart(2, "0")}`,
      submittedAt: now,
      createdAt: now,
      updatedAt: now,
    })),
  );
});
after(() => database?.close());

async function walk(filter: Omit<QueueFilter, "after" | "pageSize">, pageSize: number) {
  const seen: { number: number; stageDueOn: string | null; status: string }[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await queuePage(database.db, { ...filter, pageSize, after: parseQueueCursor(cursor) });
    assert.ok(result.rows.length <= pageSize);
    seen.push(...result.rows);
    if (!result.next) {
      assert.equal(result.hasNext, false);
      break;
    }
    cursor = formatQueueCursor(result.next);
  }
  return seen;
}

const order = (
  a: { number: number; stageDueOn: string | null },
  b: { number: number; stageDueOn: string | null },
) =>
  a.stageDueOn === b.stageDueOn
    ? a.number - b.number
    : a.stageDueOn === null
      ? 1
      : b.stageDueOn === null
        ? -1
        : a.stageDueOn < b.stageDueOn
          ? -1
          : 1;

test("keyset pages of every size cover the filed queue once, in deadline order, nulls last", async () => {
  const all = await walk({ status: "all", today: "2026-12-01" }, 1000);
  const filed = Array.from({ length: 53 }, (_, index) => index % statuses.length !== 4).filter(
    Boolean,
  ).length;
  assert.equal(all.length, filed);
  assert.ok(all.every((row) => row.status !== "draft"));
  assert.deepEqual(all, [...all].sort(order));
  for (const size of [1, 4, 7, 25]) {
    const paged = await walk({ status: "all", today: "2026-12-01" }, size);
    assert.deepEqual(
      paged.map((row) => row.number),
      all.map((row) => row.number),
      `page size ${size}`,
    );
  }
});

test("a filter holds on every page; an exact page size leaves no empty next page", async () => {
  const inWork = await walk({ today: "2026-12-01" }, 3);
  assert.ok(inWork.length > 0);
  assert.ok(inWork.every((row) => row.status !== "draft"));
  const status = await walk({ status: "under_review", today: "2026-12-01" }, 2);
  assert.ok(status.every((row) => row.status === "under_review"));
  assert.equal(status.length, (await walk({ status: "under_review", today: "2026-12-01" }, 100)).length);
  const exact = await queuePage(database.db, {
    status: "under_review",
    today: "2026-12-01",
    pageSize: status.length,
  });
  assert.equal(exact.hasNext, false);
  assert.equal(exact.next, undefined);
});

test("malformed cursors are ignored, never an error", () => {
  for (const text of [
    "",
    "x",
    "2026-12-01",
    "2026-12-01.",
    "-.abc",
    "2026-1-01.5",
    "-.99999999999999999",
    undefined,
  ]) {
    assert.equal(parseQueueCursor(text), undefined, String(text));
  }
  assert.deepEqual(parseQueueCursor("-.17"), { stageDueOn: null, number: 17 });
  assert.deepEqual(parseQueueCursor("2026-12-05.3"), { stageDueOn: "2026-12-05", number: 3 });
});
