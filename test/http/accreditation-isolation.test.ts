// Isolation (DESIGN: every query scoped by the actor): another worker, the head of another
// organization, an employee, a worker who is not an operator — none can read or change an
// application that is not theirs to see; refusals look like «not found» and are audited.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { applications } from "../../src/modules/applications/applications.schema.ts";
import { auditEvents } from "../../src/modules/audit/audit.schema.ts";
import { egrulRegionalHospital } from "../../src/modules/egrul/egrul.standin-data.ts";
import {
  type AccreditationHarness,
  applicationIdFrom,
  startAccreditation,
  type Visitor,
} from "../support/accreditation.ts";
import { csrfTokenIn } from "../support/platform.ts";

let harness: AccreditationHarness;
let ivanova: Visitor;
let draftId: string;
let sentId: string;

before(async () => {
  harness = await startAccreditation();
  ivanova = await harness.enter("ivanova", "worker");
  const create = async (specialtyCode: string, kind: string) =>
    applicationIdFrom(
      await ivanova.submit("/lk/applications/new", "/lk/applications", { kind, specialtyCode }),
    );
  draftId = await create("27", "primary");
  sentId = await create("76", "periodic");
  // Her periodic application goes to the clinic's head (status awaiting_head), set directly.
  const opened = await ivanova.get(`/lk/applications/${sentId}/report`);
  const organizationId = /<option value="([0-9a-f-]{36})"[^>]*>ГБУЗ/.exec(opened.body)?.[1] ?? "";
  await ivanova.submit(`/lk/applications/${sentId}`, `/lk/applications/${sentId}/agreement`, {
    agreementMode: "head",
    organizationId,
  });
  await harness.deps.database.db
    .update(applications)
    .set({ status: "awaiting_head" })
    .where(eq(applications.id, sentId));
});
after(() => harness.close());

const statusOf = async (id: string) =>
  (await harness.deps.database.db.select().from(applications).where(eq(applications.id, id)))[0]?.status;

/** Posts with a valid CSRF token of the visitor's own session. */
async function post(visitor: Visitor, home: string, action: string, fields: Record<string, string> = {}) {
  const token = csrfTokenIn((await visitor.get(home)).body);
  return visitor.post(action, { _csrf: token, ...fields });
}

describe("another worker", () => {
  test("Петрова cannot open, change, submit, withdraw or download Иванова's application", async () => {
    const petrova = await harness.enter("petrova", "worker");
    for (const id of [draftId, sentId]) {
      assert.equal((await petrova.get(`/lk/applications/${id}`)).statusCode, 404);
      assert.equal((await petrova.get(`/lk/applications/${id}/submit`)).statusCode, 404);
      assert.equal((await petrova.get(`/lk/applications/${id}/extract.pdf`)).statusCode, 404);
      for (const action of [
        "report",
        "agreement",
        "attachments",
        "portfolio",
        "send-to-head",
        "submit",
        "withdraw",
        "recall",
      ]) {
        const response = await post(petrova, "/lk/applications", `/lk/applications/${id}/${action}`, {
          workplace: "x",
          agreementMode: "not_working",
        });
        assert.equal(response.statusCode, 404, `${action} on ${id}`);
      }
    }
    assert.equal(await statusOf(draftId), "draft");
    assert.equal(await statusOf(sentId), "awaiting_head");
    assert.doesNotMatch((await petrova.get("/lk/applications")).body, /Терапия|Лечебное дело/);
    const denials = await harness.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.event, "access.denied")));
    assert.ok(
      denials.some((row) => row.details.applicationId === draftId && row.details.reason === "foreign"),
    );
  });

  test("an id that is not a uuid is simply not found", async () => {
    assert.equal((await ivanova.get("/lk/applications/not-an-id")).statusCode, 404);
  });
});

describe("organizations", () => {
  test("the head of another organization neither lists nor opens nor agrees it", async () => {
    const otherHead = await harness.enter("smirnov", "head", egrulRegionalHospital.ogrn);
    const queue = await otherHead.get("/org/approvals");
    assert.equal(queue.statusCode, 200);
    assert.doesNotMatch(queue.body, /Иванова/);
    assert.equal((await otherHead.get(`/org/approvals/${sentId}`)).statusCode, 404);
    assert.equal((await otherHead.get(`/org/approvals/${sentId}/report`)).statusCode, 404);
    assert.equal((await post(otherHead, "/org/approvals", `/org/approvals/${sentId}/agree`)).statusCode, 404);
    assert.equal(
      (
        await post(otherHead, "/org/approvals", `/org/approvals/${sentId}/refuse`, {
          reason: "Не наш сотрудник",
        })
      ).statusCode,
      404,
    );
    assert.equal(await statusOf(sentId), "awaiting_head");
  });

  test("the clinic's head sees the sent application but never a draft", async () => {
    const head = await harness.enter("smirnov", "head");
    assert.equal((await head.get(`/org/approvals/${sentId}`)).statusCode, 200);
    await harness.deps.database.db
      .update(applications)
      .set({
        organizationId: (
          await harness.deps.database.db.select().from(applications).where(eq(applications.id, sentId))
        )[0]?.organizationId,
      })
      .where(eq(applications.id, draftId));
    assert.equal((await head.get(`/org/approvals/${draftId}`)).statusCode, 404);
  });

  test("an employee of the clinic cannot reach «Одобрение заявок»", async () => {
    const employee = await harness.enter("kuznetsova", "employee");
    assert.equal((await employee.get("/org/approvals")).statusCode, 403);
    assert.equal((await employee.get(`/org/approvals/${sentId}`)).statusCode, 403);
  });

  test("a worker session cannot use the organization's routes, nor a head session the worker's", async () => {
    assert.equal((await ivanova.get("/org/approvals")).statusCode, 403);
    const head = await harness.enter("smirnov", "head");
    assert.equal((await head.get(`/lk/applications/${sentId}`)).statusCode, 403);
  });
});

describe("the commission", () => {
  test("a worker cannot open /review; a forged commission context of a non-operator is refused", async () => {
    assert.equal((await ivanova.get("/review")).statusCode, 403);
    const petrova = await harness.enter("petrova", "commission");
    assert.equal((await petrova.get("/review")).statusCode, 403);
    assert.equal((await petrova.get(`/review/applications/${sentId}`)).statusCode, 404);
  });

  test("operators see filed applications only: drafts and the head's stage stay private", async () => {
    const orlov = await harness.enter("orlov", "commission");
    assert.equal((await orlov.get(`/review/applications/${draftId}`)).statusCode, 404);
    assert.equal((await orlov.get(`/review/applications/${sentId}`)).statusCode, 404);
    assert.equal(
      (await post(orlov, "/review", `/review/applications/${sentId}/start-review`)).statusCode,
      404,
    );
    assert.doesNotMatch((await orlov.get("/review")).body, /Иванова/);
  });
});
