// The commission's queue holds filed applications only, and the operator who takes one becomes its
// «Ответственный»: a draft the worker withdrew before filing is «Отозвано» but never the commission's.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eq } from "drizzle-orm";
import { applications } from "../../src/modules/applications/applications.schema.ts";
import { auditEvents } from "../../src/modules/audit/audit.schema.ts";
import { users } from "../../src/modules/identity/identity.schema.ts";
import {
  type AccreditationHarness,
  applicationIdFrom,
  startAccreditation,
} from "../support/accreditation.ts";

let harness: AccreditationHarness;
before(async () => {
  harness = await startAccreditation();
});
after(() => harness.close());

const rowOf = async (id: string) =>
  (await harness.deps.database.db.select().from(applications).where(eq(applications.id, id)))[0];

async function draft(specialtyCode: string) {
  const ivanova = await harness.enter("ivanova", "worker");
  const id = applicationIdFrom(
    await ivanova.submit("/lk/applications/new", "/lk/applications", { kind: "primary", specialtyCode }),
  );
  return { ivanova, id, number: (await rowOf(id))?.number };
}

test("a draft withdrawn before filing is not under «Все поданные» and cannot be opened by the commission", async () => {
  const { ivanova, id, number } = await draft("27");
  const page = `/lk/applications/${id}`;
  const withdrawn = await ivanova.submit(`${page}/withdraw`, `${page}/withdraw`, { reason: "Передумала" });
  assert.equal(withdrawn.statusCode, 303);
  assert.equal((await rowOf(id))?.status, "withdrawn");

  const orlov = await harness.enter("orlov", "commission");
  for (const query of ["?status=all", "?status=withdrawn"]) {
    const queue = await orlov.get(`/review${query}`);
    assert.equal(queue.statusCode, 200);
    assert.doesNotMatch(queue.body, new RegExp(`href="/review/applications/${id}"`), query);
    assert.doesNotMatch(queue.body, new RegExp(`№&nbsp;${number}\\b|№ ${number}<`), query);
  }
  assert.equal((await orlov.get(`/review/applications/${id}`)).statusCode, 404);
});

test("the operator who takes an application for review becomes its «Ответственный»", async () => {
  const { id } = await draft("76");
  // Filed as the worker's submission leaves it (the submission itself is tested in the flow test).
  await harness.deps.database.db
    .update(applications)
    .set({ status: "submitted", submittedAt: harness.clock.now(), stageDueOn: "2026-12-21" })
    .where(eq(applications.id, id));
  const orlov = await harness.enter("orlov", "commission");
  const review = `/review/applications/${id}`;
  assert.equal((await orlov.submit(review, `${review}/start-review`)).statusCode, 303);
  const [operator] = await harness.deps.database.db.select().from(users).where(eq(users.lastName, "Орлов"));
  const row = await rowOf(id);
  assert.equal(row?.status, "under_review");
  assert.equal(row?.assigneeId, operator?.id);
  const queue = await orlov.get("/review");
  const line = new RegExp(`href="/review/applications/${id}"[\\s\\S]*?</tr>`).exec(queue.body)?.[0] ?? "";
  assert.match(line, /Орлов Дмитрий/);
  const assigned = await harness.deps.database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.event, "application.assigned"));
  assert.ok(assigned.some((event) => event.details.applicationId === id));
});
