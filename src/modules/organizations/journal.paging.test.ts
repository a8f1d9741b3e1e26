// The organization's journal pages by keyset, newest first: walking the «Следующая страница» cursors
// shows every record of the organization once (records written in the same millisecond included),
// none of another organization's, and a filter holds on every page.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createTestDatabase } from "../../../test/support/db.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { countJournal, type JournalFilter, listJournal } from "./journal.repository.ts";
import { formatJournalCursor, parseJournalCursor } from "./views/journal.view.ts";

let database: DatabaseHandle;
const ORG = "00000000-0000-4000-8000-000000000001";
const OTHER = "00000000-0000-4000-8000-000000000002";

before(async () => {
  database = await createTestDatabase();
  for (let index = 0; index < 45; index++) {
    await writeAudit(database.db, {
      event: index % 3 === 0 ? "staff.imported" : "journal.exported",
      outcome: "success",
      organizationId: index % 9 === 8 ? OTHER : ORG,
      details: { index },
    });
  }
});
after(() => database?.close());

async function walk(filter: JournalFilter, size: number) {
  const seen: number[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const rows = await listJournal(database.db, filter, size + 1, parseJournalCursor(cursor));
    const shown = rows.slice(0, size);
    seen.push(...shown.map((row) => (row.details as { index: number }).index));
    const last = shown.at(-1);
    if (rows.length <= size || !last) break;
    cursor = formatJournalCursor(last);
    assert.ok(parseJournalCursor(cursor), `cursor ${cursor} parses`);
  }
  return seen;
}

test("pages of any size show each of the organization's records once, newest first", async () => {
  const all = await walk({ organizationId: ORG }, 1000);
  const expected = Array.from({ length: 45 }, (_, index) => index)
    .filter((index) => index % 9 !== 8)
    .reverse();
  assert.deepEqual(all, expected);
  for (const size of [1, 4, 7, 50])
    assert.deepEqual(await walk({ organizationId: ORG }, size), expected, `size ${size}`);
  assert.equal(await countJournal(database.db, { organizationId: ORG }), expected.length);
});

test("a filter holds on every page; malformed cursors start at the newest", async () => {
  const imports = await walk({ organizationId: ORG, event: "staff.imported" }, 2);
  assert.deepEqual(
    imports,
    Array.from({ length: 45 }, (_, index) => index)
      .filter((index) => index % 9 !== 8 && index % 3 === 0)
      .reverse(),
  );
  for (const odd of [
    "",
    "x",
    "12",
    "12_",
    "12_yesterday",
    "a_2026-11-23 09:00:00+00",
    "1_2026-11-23T09:00:00Z",
  ])
    assert.equal(parseJournalCursor(odd), undefined, odd);
  assert.deepEqual(parseJournalCursor("7_2026-11-23 09:00:00.123456+03"), {
    id: 7,
    at: "2026-11-23 09:00:00.123456+03",
  });
});
