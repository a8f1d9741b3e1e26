import assert from "node:assert/strict";
import { test } from "node:test";
import { buildStaffListView, pageNumber } from "./staff-list.view.ts";

const row = (index: number) => ({
  personId: `id-${index}`,
  snils: "11223344595",
  lastName: "Соколова",
  firstName: "Елена",
  patronymic: null,
  posts: "врач-терапевт",
  departments: null,
});

test("page links keep the search and the dismissed filter", () => {
  const view = buildStaffListView(
    { rows: [row(1)], total: 60 },
    { search: "соколова", includeDismissed: true, page: 2, canEdit: false },
  );
  assert.equal(view.pages, 3);
  assert.equal(
    view.previousHref,
    "/org/staff?q=%D1%81%D0%BE%D0%BA%D0%BE%D0%BB%D0%BE%D0%B2%D0%B0&dismissed=1",
  );
  assert.equal(
    view.nextHref,
    "/org/staff?q=%D1%81%D0%BE%D0%BA%D0%BE%D0%BB%D0%BE%D0%B2%D0%B0&dismissed=1&page=3",
  );
  assert.deepEqual(view.rows[0], {
    href: "/org/staff/id-1",
    fullName: "Соколова Елена",
    snils: "112-233-445 95",
    posts: "врач-терапевт",
    departments: "—",
  });
});

test("the first and the only page have no links beyond them; odd page numbers become 1", () => {
  const view = buildStaffListView(
    { rows: [], total: 0 },
    { search: "", includeDismissed: false, page: 1, canEdit: true },
  );
  assert.deepEqual([view.pages, view.previousHref, view.nextHref], [1, undefined, undefined]);
  for (const odd of [undefined, "0", "-2", "1.5", "abc", "999999"])
    assert.equal(pageNumber(odd), 1, String(odd));
  assert.equal(pageNumber("7"), 7);
});
