// Download and delete, the lock set by submitted applications, the worker-only section; another
// user sees nothing.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq, sql } from "drizzle-orm";
import { cookiesFrom, csrfTokenIn } from "../../../test/support/platform.ts";
import { auditEvents } from "../audit/audit.schema.ts";
import { lockDocuments } from "./documents.repository.ts";
import { documents } from "./documents.schema.ts";
import {
  type DocumentsTestApp,
  documentForm,
  people,
  postUpload,
  samplePdf,
  samplePng,
  startDocumentsApp,
} from "./test-support.ts";

let t: DocumentsTestApp;
let owner: { cookie: string; userId: string };
let stranger: { cookie: string; userId: string };

before(async () => {
  t = await startDocumentsApp();
  owner = await t.signIn(people.ivanova);
  stranger = await t.signIn(people.petrova);
});
after(() => t.close());

const upload = (cookie: string, filename: string, content: Buffer, documentType?: string) =>
  postUpload(t.app, cookie, documentForm(filename, content, documentType));

async function uploaded(filename: string, content: Buffer, documentType?: string) {
  const response = await upload(owner.cookie, filename, content, documentType);
  assert.equal(response.statusCode, 303);
  const [row] = await t.deps.database.db.select().from(documents).where(eq(documents.originalName, filename));
  assert.ok(row);
  return row;
}

async function postDelete(cookie: string, id: string) {
  const page = await t.app.inject({ url: "/lk", headers: { cookie } });
  return t.app.inject({
    method: "POST",
    url: `/lk/documents/${id}/delete`,
    headers: { cookie: cookiesFrom(page.headers["set-cookie"], cookie) },
    payload: { _csrf: csrfTokenIn(page.body) },
  });
}

const deniedCount = async (userId: string) =>
  (
    await t.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, userId), eq(auditEvents.event, "access.denied")))
  ).length;

/** A GET by a signed-in person. */
const getAs = (who: { cookie: string }, url: string) =>
  t.app.inject({ url, headers: { cookie: who.cookie } });

describe("view in the browser", () => {
  test("«Просмотреть» shows the owner's PDF inline under a policy without scripts; the list links to it in a new tab", async () => {
    const content = samplePdf();
    const row = await uploaded("Просмотр.pdf", content, "education_diploma");
    const response = await getAs(owner, `/lk/documents/${row.id}/view`);
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.rawPayload, content);
    assert.equal(response.headers["content-type"], "application/pdf");
    assert.match(String(response.headers["content-disposition"]), /^inline; filename=/);
    assert.equal(response.headers["x-content-type-options"], "nosniff");
    const policy = String(response.headers["content-security-policy"]);
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /(^|; )sandbox($|;)/);
    assert.doesNotMatch(policy, /script-src(?! 'none')/);
    assert.match(String(response.headers["cache-control"]), /no-store/);
    const list = await getAs(owner, "/lk/documents");
    assert.match(
      list.body,
      new RegExp(`<a href="/lk/documents/${row.id}/view" target="_blank" rel="noopener">`),
    );
    const [audit] = await t.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, owner.userId), eq(auditEvents.event, "document.viewed")));
    assert.equal((audit?.details as { documentId?: string } | undefined)?.documentId, row.id);
  });

  test("an image is shown with its sniffed type, whatever its name claims", async () => {
    const row = await uploaded("фото.pdf", samplePng(), "snils");
    const response = await getAs(owner, `/lk/documents/${row.id}/view`);
    assert.equal(response.headers["content-type"], "image/png");
    assert.match(String(response.headers["content-disposition"]), /^inline; .*\.pdf\.png$/);
  });

  test("access is exactly the download's: another user gets 404 (audited), a bad id 404, no session 401", async () => {
    const row = await uploaded("чужой просмотр.pdf", samplePdf());
    const before = await deniedCount(stranger.userId);
    const foreign = await getAs(stranger, `/lk/documents/${row.id}/view`);
    assert.equal(foreign.statusCode, 404);
    assert.doesNotMatch(foreign.body, /чужой/);
    assert.equal(await deniedCount(stranger.userId), before + 1);
    const bad = await getAs(owner, "/lk/documents/1/view");
    assert.equal(bad.statusCode, 404);
    const anonymous = await t.app.inject({ url: `/lk/documents/${row.id}/view` });
    assert.equal(anonymous.statusCode, 401);
  });
});

describe("download", () => {
  test("the owner gets the same bytes as an attachment that is never sniffed", async () => {
    const content = samplePdf();
    const row = await uploaded("Диплом врача (копия) 'заверенная'.pdf", content, "education_diploma");
    const response = await getAs(owner, `/lk/documents/${row.id}/download`);
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.rawPayload, content);
    assert.equal(response.headers["content-type"], "application/pdf");
    assert.equal(response.headers["x-content-type-options"], "nosniff");
    assert.equal(
      response.headers["content-disposition"],
      `attachment; filename="______ _____ (_____) '__________'.pdf"; filename*=UTF-8''${encodeURIComponent("Диплом врача")}%20%28${encodeURIComponent("копия")}%29%20%27${encodeURIComponent("заверенная")}%27.pdf`,
    );
    assert.match(String(response.headers["cache-control"]), /no-store/);
  });

  test("a file whose name claims another format is downloaded with the right extension", async () => {
    const row = await uploaded("скан.pdf", samplePng(), "snils");
    const response = await getAs(owner, `/lk/documents/${row.id}/download`);
    assert.equal(response.headers["content-type"], "image/png");
    assert.match(String(response.headers["content-disposition"]), /\.pdf\.png$/);
  });

  test("another user gets 404, and the attempt is audited as access.denied", async () => {
    const row = await uploaded("чужой.pdf", samplePdf());
    const before = await deniedCount(stranger.userId);
    const response = await getAs(stranger, `/lk/documents/${row.id}/download`);
    assert.equal(response.statusCode, 404);
    assert.doesNotMatch(response.body, /чужой/);
    assert.equal(await deniedCount(stranger.userId), before + 1);
  });

  test("an unknown or malformed id is a plain 404", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "../../etc/passwd", "1"]) {
      const response = await getAs(owner, `/lk/documents/${id}/download`);
      assert.equal(response.statusCode, 404, id);
    }
  });

  test("signed in for another role (here the commission's back office), the section is closed", async () => {
    const commission = await t.signIn(people.sidorov, "commission");
    for (const url of ["/lk/documents", "/lk/documents/upload"]) {
      const response = await t.app.inject({ url, headers: { cookie: commission.cookie } });
      assert.equal(response.statusCode, 403, url);
    }
    const denied = await upload(commission.cookie, "роль.pdf", samplePdf());
    assert.equal(denied.statusCode, 403);
    assert.match(denied.body, /Раздел недоступен при текущем входе/);
    const rows = await t.deps.database.db
      .select()
      .from(documents)
      .where(eq(documents.userId, commission.userId));
    assert.deepEqual(rows, []);
  });

  test("without a session the page asks to sign in", async () => {
    const response = await t.app.inject({ url: "/lk/documents" });
    assert.equal(response.statusCode, 401);
  });
});

describe("delete", () => {
  test("a confirmation page, then the row and the file are gone", async () => {
    const row = await uploaded("удалить.pdf", samplePdf());
    const confirm = await getAs(owner, `/lk/documents/${row.id}/delete`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Удалить документ\?/);
    assert.match(confirm.body, new RegExp(`action="/lk/documents/${row.id}/delete"`));

    const response = await postDelete(owner.cookie, row.id);
    assert.equal(response.statusCode, 303);
    assert.deepEqual(await t.deps.database.db.select().from(documents).where(eq(documents.id, row.id)), []);
    assert.ok(!(await t.storedFiles()).includes(row.storageKey));
    const [audit] = await t.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.event, "document.deleted"), eq(auditEvents.outcome, "success")));
    assert.equal(audit?.details.documentId, row.id);
  });

  test("another user gets 404 and the document stays", async () => {
    const row = await uploaded("не трогать.pdf", samplePdf());
    const before = await deniedCount(stranger.userId);
    assert.equal((await getAs(stranger, `/lk/documents/${row.id}/delete`)).statusCode, 404);
    assert.equal((await postDelete(stranger.cookie, row.id)).statusCode, 404);
    assert.equal(
      (await t.deps.database.db.select().from(documents).where(eq(documents.id, row.id))).length,
      1,
    );
    assert.ok((await t.storedFiles()).includes(row.storageKey));
    assert.equal(await deniedCount(stranger.userId), before + 2);
  });

  test("a document attached to a submitted application cannot be deleted", async () => {
    const row = await uploaded("в заявке.pdf", samplePdf());
    await t.deps.database.db.transaction((tx) => lockDocuments(tx, owner.userId, [row.id], new Date()));
    const list = await getAs(owner, "/lk/documents");
    assert.match(list.body, /прикреплён к поданной заявке/);

    const response = await postDelete(owner.cookie, row.id);
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /Документ нельзя удалить/);
    assert.equal(
      (await t.deps.database.db.select().from(documents).where(eq(documents.id, row.id))).length,
      1,
    );
    assert.ok((await t.storedFiles()).includes(row.storageKey));
  });

  test("a document still referenced by another table (a draft's attachment) is refused, not a 500", async () => {
    const row = await uploaded("в черновике.pdf", samplePdf());
    await t.deps.database.db.execute(
      sql`create table test_attachments (document_id uuid references documents(id))`,
    );
    await t.deps.database.db.execute(sql`insert into test_attachments values (${row.id})`);
    const response = await postDelete(owner.cookie, row.id);
    assert.equal(response.statusCode, 409);
    assert.equal(
      (await t.deps.database.db.select().from(documents).where(eq(documents.id, row.id))).length,
      1,
    );
    const denials = await t.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.event, "document.deleted"), eq(auditEvents.outcome, "denied")));
    assert.ok(
      denials.some((audit) => audit.details.documentId === row.id),
      "the refusal is audited",
    );
    await t.deps.database.db.execute(sql`drop table test_attachments`);
  });

  test("lockDocuments ignores another user's documents", async () => {
    const row = await uploaded("мой.png", samplePng());
    const locked = await t.deps.database.db.transaction((tx) =>
      lockDocuments(tx, stranger.userId, [row.id], new Date()),
    );
    assert.deepEqual(locked, []);
  });
});
