import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createTestDatabase } from "../../../test/support/db.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { runSupportCommand } from "./support.command.ts";
import { supportOperators } from "./support.schema.ts";

let database: DatabaseHandle;
before(async () => {
  database = await createTestDatabase();
});
after(() => database?.close());

test("support add gives the role by СНИЛС, refuses a wrong one", async () => {
  const now = new Date("2026-11-23T09:00:00Z");
  assert.equal((await runSupportCommand(database.db, ["add"], now)).ok, false);
  assert.match(
    (await runSupportCommand(database.db, ["add", "--snils", "11223344596"], now)).message,
    /Invalid/,
  );
  const added = await runSupportCommand(database.db, ["add", "--snils", "112-233-445 95", "--senior"], now);
  assert.equal(added.ok, true);
  const rows = await database.db.select().from(supportOperators);
  assert.deepEqual(
    rows.map((row) => [row.snils, row.senior]),
    [["11223344595", true]],
  );
});
