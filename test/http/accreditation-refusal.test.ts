// A refusal is written to the register with its reason (W10): the person's record shows the failed
// procedure and why, while the public lookup keeps showing only passed accreditations (C3).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eq } from "drizzle-orm";
import { standinAccounts } from "../../src/esia-standin/seed.ts";
import { applications } from "../../src/modules/applications/applications.schema.ts";
import { findProceduresBySnils } from "../../src/modules/register/record.repository.ts";
import { registerAccreditationProcedures } from "../../src/modules/register/register-record.schema.ts";
import {
  type AccreditationHarness,
  applicationIdFrom,
  startAccreditation,
} from "../support/accreditation.ts";

let harness: AccreditationHarness;
after(() => harness.close());
before(async () => {
  harness = await startAccreditation();
});

test("Орлов refuses: the register keeps the failed procedure with the reason, the record shows it", async () => {
  const ivanova = await harness.enter("ivanova", "worker");
  const id = applicationIdFrom(
    await ivanova.submit("/lk/applications/new", "/lk/applications", {
      kind: "primary",
      specialtyCode: "27",
    }),
  );
  // Straight to the commission's sitting: the steps before it are covered by the flow test.
  await harness.deps.database.db
    .update(applications)
    .set({ status: "with_commission", submittedAt: new Date("2026-11-20T09:00:00Z") })
    .where(eq(applications.id, id));
  const orlov = await harness.enter("orlov", "commission");
  const review = `/review/applications/${id}`;
  const decided = await orlov.submit(review, `${review}/decide`, {
    decision: "reject",
    protocolNumber: "48/2026",
    protocolDate: "2026-11-23",
    comment: "Не пройден этап тестирования",
  });
  assert.equal(decided.statusCode, 303, decided.body.slice(0, 300));

  const rows = await harness.deps.database.db
    .select()
    .from(registerAccreditationProcedures)
    .where(eq(registerAccreditationProcedures.protocolNumber, "48/2026"));
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.passed, false);
  assert.equal(rows[0]?.failReason, "Не пройден этап тестирования");
  assert.equal(rows[0]?.endDate, null);

  const record = (await ivanova.get("/lk/record")).body;
  assert.match(record, /не пройдена/);
  assert.match(record, /Не пройден этап тестирования/);
  assert.match(record, /23\.11\.2026/);

  const snils = standinAccounts.ivanova.snils ?? "";
  const publicRows = await findProceduresBySnils(harness.deps.database.db, snils, "27");
  assert.equal(publicRows.length, 0, "a refusal is not shown by the public lookup");
});
