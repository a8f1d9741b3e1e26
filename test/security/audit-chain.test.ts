// C5: the journal is tamper-evident. Records are chained by hash, written with the change, the
// database refuses UPDATE and DELETE on them, and `audit verify` names the first broken record
// (here the table is altered with the trigger switched off, as a superuser could).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { asc, sql } from "drizzle-orm";
import type { DatabaseHandle } from "../../src/db/client.ts";
import { lastVerification, recordVerification, verifyChain } from "../../src/modules/audit/audit.chain.ts";
import { writeAudit } from "../../src/modules/audit/audit.repository.ts";
import { auditEvents } from "../../src/modules/audit/audit.schema.ts";
import { createTestDatabase } from "../support/db.ts";

let database: DatabaseHandle;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const write = (n: number) =>
  writeAudit(database.db, {
    event: "auth.login",
    outcome: "success",
    details: { n, nested: { b: 1, a: [n] } },
  });

async function ids(): Promise<number[]> {
  const rows = await database.db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .orderBy(asc(auditEvents.id));
  return rows.map((row) => row.id);
}

/** Runs a statement with the append-only trigger switched off, as an attacker with superuser rights could. */
async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_no_change`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_events enable trigger audit_events_no_change`);
  });
}

test("records written concurrently, in and out of transactions, form one unbroken chain", async () => {
  await Promise.all(Array.from({ length: 20 }, (_, n) => write(n)));
  await database.db.transaction(async (tx) => {
    await writeAudit(tx, { event: "consent.granted", outcome: "success" });
    await writeAudit(tx, { event: "consent.revoked", outcome: "success" });
  });
  const result = await verifyChain(database.db, 7);
  assert.deepEqual(result, { ok: true, rowsChecked: 22, brokenId: null });
});

test("the database refuses to change or delete a journal record", async () => {
  const refused = (error: Error) => /append-only/.test(String((error.cause as Error | undefined)?.message));
  await assert.rejects(database.db.execute(sql`update audit_events set outcome = 'failure'`), refused);
  await assert.rejects(database.db.execute(sql`delete from audit_events`), refused);
  await assert.rejects(database.db.execute(sql`truncate audit_events`), refused);
  assert.equal((await ids()).length, 22);
});

test("a changed record is named by verify, and so is the one after a deleted record", async () => {
  const [, , third, fourth, fifth] = await ids();
  await tamper(sql`update audit_events set details = '{"n": 99}' where id = ${third}`);
  assert.deepEqual(await verifyChain(database.db), { ok: false, rowsChecked: 3, brokenId: third ?? 0 });

  // Rewriting the record's own hash does not help: the next record's link no longer matches.
  await tamper(sql`update audit_events set hash = 'forged' where id = ${third}`);
  assert.equal((await verifyChain(database.db)).brokenId, third);

  await tamper(sql`delete from audit_events where id = ${fourth}`);
  const result = await verifyChain(database.db, 2);
  assert.equal(result.ok, false);
  assert.ok(result.brokenId === third || result.brokenId === fifth);
  await recordVerification(database.db, result, new Date("2026-12-01T10:00:00Z"));
  const last = await lastVerification(database.db);
  assert.equal(last?.ok, false);
  assert.equal(last?.brokenId, result.brokenId);
});
