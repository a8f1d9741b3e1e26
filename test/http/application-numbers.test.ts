// Application numbers come from a gap-free counter per year: a creation rolled back gives its number
// back (a sequence would skip it, and after a crash skip its whole cache), concurrent creations get
// consecutive numbers, and a new year in Moscow starts again from 1.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { insertApplication } from "../../src/modules/applications/applications.repository.ts";
import { users } from "../../src/modules/identity/identity.schema.ts";
import { createTestDatabase } from "../support/db.ts";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let userId: string;
before(async () => {
  database = await createTestDatabase();
  const [user] = await database.db
    .insert(users)
    .values({ esiaOid: "1000009001", lastName: "Нумерова", firstName: "Анна" })
    .returning();
  userId = user?.id ?? "";
});
after(() => database?.close());

let specialty = 0;
const create = (createdAt: Date) =>
  database.db.transaction((tx) =>
    insertApplication(tx, {
      userId,
      kind: "periodic",
      // One open application per specialty and person: each test case takes another specialty.
      specialtyCode: String(++specialty),
      specialtyName: "Терапия",
      status: "draft",
      createdAt,
      updatedAt: createdAt,
    }),
  );

test("a rolled-back creation leaves no gap; concurrent ones are consecutive; a new year restarts", async () => {
  const at = new Date("2026-11-21T09:00:00Z");
  assert.equal((await create(at)).number, 2026_000001);
  await assert.rejects(
    database.db.transaction(async (tx) => {
      await insertApplication(tx, {
        userId,
        kind: "periodic",
        specialtyCode: "rolled-back",
        specialtyName: "Терапия",
        status: "draft",
        createdAt: at,
        updatedAt: at,
      });
      throw new Error("the filing failed after the number was taken");
    }),
    /filing failed/,
  );
  assert.equal((await create(at)).number, 2026_000002, "the rolled-back number is given again");
  const parallel = await Promise.all(Array.from({ length: 6 }, () => create(at)));
  assert.deepEqual(
    parallel.map((row) => row.number).sort((a, b) => a - b),
    [3, 4, 5, 6, 7, 8].map((n) => 2026_000000 + n),
  );
  // 31.12.2026 23:30 UTC is already 01.01.2027 in Moscow.
  assert.equal((await create(new Date("2026-12-31T21:30:00Z"))).number, 2027_000001);
  assert.equal((await create(at)).number, 2026_000009);
});
