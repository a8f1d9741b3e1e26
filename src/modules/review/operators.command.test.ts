import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createTestDatabase } from "../../../test/support/db.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { formatSnils } from "../../shared/identifiers.ts";
import { insertOrlovUser } from "../../test-support/command-user.ts";
import { runOperatorCommand } from "./operators.command.ts";
import { isOperatorUser } from "./review.repository.ts";

let database: DatabaseHandle;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const now = new Date("2026-11-23T09:00:00Z");

test("refuses anything but `add --snils` with a valid СНИЛС", async () => {
  assert.deepEqual(await runOperatorCommand(database.db, ["remove"], now), {
    ok: false,
    message: "Usage: operator add --snils <СНИЛС, 11 цифр>",
  });
  const wrongCheck = await runOperatorCommand(database.db, ["add", "--snils", "197-706-052 00"], now);
  assert.equal(wrongCheck.ok, false);
});

test("adds the operator once, before or after their first login", async () => {
  const { userId, snils } = await insertOrlovUser(database.db);
  assert.equal(await isOperatorUser(database.db, userId), false);
  const added = await runOperatorCommand(database.db, ["add", "--snils", formatSnils(snils)], now);
  assert.deepEqual(added, { ok: true, message: `operator 197-706-052 ${snils.slice(9)} added` });
  assert.equal(await isOperatorUser(database.db, userId), true);
  const again = await runOperatorCommand(database.db, ["add", "--snils", snils], now);
  assert.match(again.message, /already there/);
});
