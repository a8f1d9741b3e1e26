import assert from "node:assert/strict";
import { test } from "node:test";
import { buildStaffListView, pageNumber, parseStaffCursor } from "./staff-list.view.ts";

const id = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`;
const row = (index: number) => ({
  personId: id(index),
  sortName: "соколова елена ",
  snils: "11223344595",
  lastName: "Соколова",
  firstName: "Елена",
  patronymic: null,
  posts: "врач-терапевт",
  departments: null,
});

test("page links keep the search and the dismissed filter and carry the last row as the cursor", () => {
  const view = buildStaffListView(
    { rows: [row(1)], hasNext: true },
    { search: "соколова", includeDismissed: true, page: 2, canEdit: false },
  );
  const q = "q=%D1%81%D0%BE%D0%BA%D0%BE%D0%BB%D0%BE%D0%B2%D0%B0&dismissed=1";
  assert.equal(view.firstHref, `/org/staff?${q}`);
  const next = new URL(view.nextHref ?? "", "http://x").searchParams;
  assert.equal(next.get("page"), "3");
  assert.deepEqual(parseStaffCursor(next.get("after") ?? ""), { personId: id(1), name: "соколова елена " });
  assert.equal(view.total, undefined);
  assert.match(view.countHref, /count=1/);
  assert.deepEqual(view.rows[0], {
    href: `/org/staff/${id(1)}`,
    fullName: "Соколова Елена",
    snils: "112-233-445 95",
    posts: "врач-терапевт",
    departments: "—",
  });
});

test("the first and the only page have no links beyond them; odd page numbers and cursors are ignored", () => {
  const view = buildStaffListView(
    { rows: [], hasNext: false, total: 0 },
    { search: "", includeDismissed: false, page: 1, canEdit: true },
  );
  assert.deepEqual([view.total, view.firstHref, view.nextHref], [0, undefined, undefined]);
  for (const odd of [undefined, "0", "-2", "1.5", "abc", "9999999"])
    assert.equal(pageNumber(odd), 1, String(odd));
  assert.equal(pageNumber("7"), 7);
  for (const odd of [
    undefined,
    "",
    "x",
    `${id(1)}`,
    `${id(1)}-x`,
    `not-a-uuid-0000-0000-000000000000:a`,
    `${id(1)}:${"a".repeat(400)}`,
  ])
    assert.equal(parseStaffCursor(odd), undefined, String(odd));
});
