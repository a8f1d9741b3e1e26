// «Мои заявки» by keyset (issue 9): twenty a page, newest first, the next page after the last one shown.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { applications } from "../../src/modules/applications/applications.schema.ts";
import {
  type DocumentsTestApp,
  people,
  startDocumentsApp,
} from "../../src/modules/documents/test-support.ts";

let t: DocumentsTestApp;
before(async () => {
  t = await startDocumentsApp();
});
after(() => t.close());

test("a long list of applications is split into pages of 20, the next one read after a cursor", async () => {
  const reader = await t.signIn(people.sidorov);
  // Two share a creation time: the number breaks the tie, so neither page loses or repeats one.
  const created = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, i === 5 ? 6 : i));
  await t.deps.database.db.insert(applications).values(
    Array.from({ length: 25 }, (_, i) => ({
      userId: reader.userId,
      kind: "periodic" as const,
      specialtyCode: "27",
      specialtyName: "Лечебное дело",
      status: "rejected" as const,
      createdAt: created(i),
      updatedAt: created(i),
    })),
  );
  const page = async (query: string) =>
    (await t.app.inject({ url: `/lk/applications${query}`, headers: { cookie: reader.cookie } })).body;
  const numbers = (html: string) => [...html.matchAll(/>№ (\d+)<\/a>/g)].map((match) => Number(match[1]));
  const first = await page("");
  assert.equal(numbers(first).length, 20);
  assert.doesNotMatch(first, /rel="first"/);
  const next = first.match(/href="\/lk\/applications(\?after=[^"]+)" rel="next"/)?.[1];
  assert.ok(next, "the next page starts at a keyset cursor");
  const second = await page(next.replaceAll("&amp;", "&"));
  assert.equal(numbers(second).length, 5);
  assert.match(second, /href="\/lk\/applications" rel="first">← К новейшим/);
  assert.doesNotMatch(second, /rel="next"/);
  const all = [...numbers(first), ...numbers(second)];
  assert.equal(new Set(all).size, 25, "every application once");
});
