// The staff list pages by keyset over the organization's cards in name order: walking the pages
// shows each current worker once (one row per person, however many cards), none skipped, in name
// order with ties broken by id; dismissed on request; a renamed person moves to their new place;
// another organization's staff never appear; the count agrees with the pages; the copy of the name
// stays out of the cards' change history.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createTestDatabase } from "../../../test/support/db.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { snilsFrom } from "../../esia-standin/seed-ids.ts";
import { resourceVersions } from "../api/api.schema.ts";
import { insertRecord } from "../register/record.repository.ts";
import { registerPersons } from "../register/register.schema.ts";
import { countStaff, listStaff, type StaffQuery } from "./staff.repository.ts";

let database: DatabaseHandle;
const OID = "1.2.643.5.1.13.13.12.2.77.1";
const OTHER = "1.2.643.5.1.13.13.12.2.77.2";
const card = (oid: string, post: string, endDate: string | null = null) => ({
  oid,
  organization: "Поликлиника",
  postId: post,
  postName: post === "1" ? "врач-терапевт" : "медицинская сестра",
  positionTypeId: "main",
  positionTypeName: "Основное место работы",
  rate: 1,
  beginDate: "2021-01-01",
  endDate,
});
const lastNames = ["Петрова", "Иванова", "Сидорова", "Иванова", "Абрамова"];

before(async () => {
  database = await createTestDatabase();
  for (let index = 0; index < 37; index++) {
    await insertRecord(database.db, {
      person: {
        snils: snilsFrom(String(700_000_000 + index)),
        // Repeated full names, so that the person's id decides the order among namesakes.
        lastName: lastNames[index % lastNames.length] as string,
        firstName: index % 3 === 0 ? "Анна" : "Мария",
        patronymic: index % 4 === 0 ? null : "Ивановна",
      },
      cards:
        index === 36
          ? [card(OID, "1", "2025-12-31")] // dismissed
          : index % 6 === 0
            ? [card(OID, "1"), card(OID, "2")] // two positions: still one row
            : index % 10 === 9
              ? [card(OTHER, "1")]
              : [card(OID, "1")],
    });
  }
});
after(() => database?.close());

const base: Omit<StaffQuery, "limit"> = {
  organizationOid: OID,
  today: "2026-12-01",
  includeDismissed: false,
};

async function walk(query: Omit<StaffQuery, "limit" | "after">, limit: number) {
  const rows: Awaited<ReturnType<typeof listStaff>>["rows"] = [];
  let after: StaffQuery["after"];
  for (let page = 0; page < 100; page++) {
    const result = await listStaff(database.db, { ...query, limit, after });
    assert.ok(result.rows.length <= limit);
    rows.push(...result.rows);
    const last = result.rows.at(-1);
    if (!result.hasNext || !last) break;
    after = { name: last.sortName, personId: last.personId };
  }
  return rows;
}

test("pages of any size show each current worker once, in name order", async () => {
  const all = await walk(base, 1000);
  const expected = Array.from({ length: 36 }, (_, index) => index).filter((index) => index % 10 !== 9).length;
  assert.equal(all.length, expected);
  assert.equal(new Set(all.map((row) => row.personId)).size, all.length);
  // Last names in order (any collation agrees on these); the full key order is the database's.
  const surnames = all.map((row) => row.lastName);
  assert.deepEqual(surnames, [...surnames].sort());
  assert.equal(all[0]?.lastName, "Абрамова");
  assert.ok(all.some((row) => row.posts === "врач-терапевт, медицинская сестра"));
  for (const size of [1, 5, 8, 25]) {
    assert.deepEqual(
      (await walk(base, size)).map((row) => row.personId),
      all.map((row) => row.personId),
      `page size ${size}`,
    );
  }
  assert.equal(await countStaff(database.db, base), all.length);
  assert.equal(await countStaff(database.db, { ...base, includeDismissed: true }), all.length + 1);
});

test("search by words of the name or by СНИЛС, on every page", async () => {
  const ivanova = await walk({ ...base, search: "иванова анна" }, 2);
  assert.ok(ivanova.length > 0);
  assert.ok(ivanova.every((row) => row.lastName === "Иванова" && row.firstName === "Анна"));
  assert.equal(ivanova.length, await countStaff(database.db, { ...base, search: "иванова анна" }));
  const bySnils = await walk({ ...base, search: snilsFrom("700000012").slice(0, 9) }, 3);
  assert.deepEqual(
    bySnils.map((row) => row.snils),
    [snilsFrom("700000012")],
  );
  assert.deepEqual(await walk({ ...base, search: "%" }, 10), []);
  assert.deepEqual(await walk({ ...base, organizationOid: OTHER, search: "петрова" }, 10), []);
});

test("a renamed person is listed under the new name (the cards' copy follows the register)", async () => {
  const [person] = await database.db
    .select({ id: registerPersons.id })
    .from(registerPersons)
    .where(eq(registerPersons.snils, snilsFrom("700000001")));
  const cardVersions = async () =>
    (
      await database.db
        .select({ data: resourceVersions.data })
        .from(resourceVersions)
        .where(
          and(eq(resourceVersions.resourceType, "card"), eq(resourceVersions.personId, person?.id as string)),
        )
    ).map((row) => row.data);
  const history = await cardVersions();
  await database.db
    .update(registerPersons)
    .set({ lastName: "Яковлева" })
    .where(eq(registerPersons.id, person?.id as string));
  const all = await walk(base, 7);
  assert.equal(all.at(-1)?.lastName, "Яковлева");
  assert.equal(all.at(-1)?.personId, person?.id);
  assert.deepEqual(
    (await walk({ ...base, search: "яковлева" }, 5)).map((row) => row.personId),
    [person?.id],
  );
  // The cards' copy of the name is not part of a card's change history.
  assert.deepEqual(await cardVersions(), history);
  assert.ok(history.length > 0 && history.every((data) => !("person_name" in data)));
});
