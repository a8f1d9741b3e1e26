// `api-client operator --snils …`: the right to manage API clients in the back office, by СНИЛС,
// before or after the person's first login; once only, with its audit record.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eq } from "drizzle-orm";
import { createTestDatabase } from "../../../test/support/db.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { formatSnils } from "../../shared/identifiers.ts";
import { insertOrlovUser } from "../../test-support/command-user.ts";
import { auditEvents } from "../audit/audit.schema.ts";
import { createOrganizationsDirectory } from "../organizations/organizations.directory.ts";
import { runApiClientCommand } from "./clients.command.ts";
import { type ApiClientsService, createApiClientsService } from "./clients.service.ts";

let database: DatabaseHandle;
let clients: ApiClientsService;
before(async () => {
  database = await createTestDatabase();
  clients = createApiClientsService({
    db: database.db,
    organizations: createOrganizationsDirectory({ db: database.db }),
  });
});
after(() => database.close());

const now = new Date("2026-11-23T09:00:00Z");

test("refuses a missing or wrong СНИЛС with the usage", async () => {
  for (const args of [["operator"], ["operator", "--snils"], ["operator", "--snils", "197-706-052 00"]]) {
    const result = await runApiClientCommand(clients, args, now);
    assert.equal(result.ok, false, args.join(" "));
    assert.match(result.lines[0] ?? "", /^Usage: .*api-client operator --snils/);
  }
});

test("gives the right once; the person then may manage clients", async () => {
  const { userId, snils } = await insertOrlovUser(database.db);
  assert.equal(await clients.mayManage(userId), false);
  const added = await runApiClientCommand(clients, ["operator", "--snils", formatSnils(snils)], now);
  assert.equal(added.ok, true);
  assert.match(added.lines[0] ?? "", /may now manage API clients/);
  assert.equal(await clients.mayManage(userId), true);
  const again = await runApiClientCommand(clients, ["operator", "--snils", snils], now);
  assert.match(again.lines[0] ?? "", /had the right already/);
  const audit = await database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.event, "api.operator_added"));
  assert.equal(audit.length, 1);
});
