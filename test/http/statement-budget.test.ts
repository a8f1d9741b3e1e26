// The budget of DESIGN.md: at most 3 SQL statements before a handler's own work on a signed-in
// page, and a bounded number for the whole page. Counted at the driver (Drizzle's query logger),
// so that any new query on the hot path fails this test.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { statementListeners } from "../../src/db/client.ts";
import { users } from "../../src/modules/identity/identity.schema.ts";
import {
  type CabinetHarness,
  personas,
  type Session,
  startCabinet,
} from "../support/organization-cabinet.ts";
import { giveConsent } from "../support/worker.ts";

const BEFORE_HANDLER = 3;

let h: CabinetHarness;
let worker: Session;
let head: Session;
// Statements counted so far in the current request, and their number when the handler started.
let statements: string[] = [];
let beforeHandler: number | undefined;

before(async () => {
  h = await startCabinet({
    extend: (app) => {
      // Registered after every plugin: runs after their preHandler hooks, right before the route's own.
      app.addHook("preHandler", async () => {
        beforeHandler ??= statements.length;
      });
    },
  });
  worker = await h.signIn(personas.worker);
  head = await h.signIn(personas.head);
  for (const row of await h.deps.database.db.select().from(users))
    await giveConsent(h.deps.database.db, row.id, h.clock.now());
  statementListeners.add((sql) => statements.push(sql));
});
after(() => h?.close());

async function count(session: Session, url: string): Promise<{ before: number; total: number }> {
  // The first request after sign-in may touch the session; the second one is the steady state.
  await h.send(session, "GET", url);
  statements = [];
  beforeHandler = undefined;
  const response = await h.send(session, "GET", url);
  assert.equal(response.statusCode, 200, `${url} answered ${response.statusCode}`);
  return { before: beforeHandler ?? Number.NaN, total: statements.length };
}

for (const [name, url, session, pageBudget] of [
  // Was 7 and 4: the session and its person are one statement (issue 9).
  ["the worker's home", "/lk", () => worker, 5],
  ["the worker's record", "/lk/record", () => worker, 2],
  ["the organization's staff list", "/org/staff", () => head, 5],
  ["a staff search", `/org/staff?q=${encodeURIComponent("Петрова")}`, () => head, 5],
] as const) {
  test(`${name} runs at most ${BEFORE_HANDLER} statements before its handler and ${pageBudget} in all`, async (t) => {
    const { before, total } = await count(session(), url);
    t.diagnostic(`${before} before the handler, ${total} in all`);
    const shown = statements.map((sql, index) => `${index + 1}. ${sql.slice(0, 160)}`).join("\n");
    assert.ok(before <= BEFORE_HANDLER, `${before} statements before the handler of ${url}:\n${shown}`);
    assert.ok(total <= pageBudget, `${total} statements for ${url}:\n${shown}`);
  });
}
