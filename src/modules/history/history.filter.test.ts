import assert from "node:assert/strict";
import { test } from "node:test";
import { pageQuery, parseHistoryFilter } from "./history.filter.ts";

test("a day in the filter is the whole Moscow day", () => {
  const filter = parseHistoryFilter({ from: "2026-11-20", to: "21.11.2026" });
  assert.deepEqual(filter.errors, []);
  assert.equal(filter.since?.toISOString(), "2026-11-19T21:00:00.000Z");
  assert.equal(filter.until?.toISOString(), "2026-11-21T21:00:00.000Z");
  assert.equal(filter.to, "2026-11-21");
});

test("no dates: everything; a bad page number: the first page", () => {
  const filter = parseHistoryFilter({ page: "abc" });
  assert.equal(filter.since, undefined);
  assert.equal(filter.until, undefined);
  assert.equal(filter.page, 1);
  assert.equal(parseHistoryFilter({ page: "-3" }).page, 1);
  // The number only labels a page that starts at a cursor.
  assert.equal(parseHistoryFilter({ page: "3" }).page, 1);
  const cursor = "42_2026-11-05 09:00:00.123456+00";
  const third = parseHistoryFilter({ page: "3", after: cursor });
  assert.equal(third.page, 3);
  assert.deepEqual(third.after, { id: "42", at: "2026-11-05 09:00:00.123456+00" });
  assert.equal(parseHistoryFilter({ page: "3", after: "42_yesterday" }).after, undefined);
});

test("an impossible date and a reversed range are explained on their fields", () => {
  const bad = parseHistoryFilter({ from: "31.02.2026" });
  assert.deepEqual(
    bad.errors.map((error) => error.field),
    ["from"],
  );
  assert.equal(bad.since, undefined);
  const reversed = parseHistoryFilter({ from: "2026-11-21", to: "2026-11-01" });
  assert.deepEqual(
    reversed.errors.map((error) => error.field),
    ["to"],
  );
  assert.equal(reversed.since, undefined, "an invalid filter selects nothing");
});

test("paging links keep the filter", () => {
  assert.equal(
    pageQuery({ from: "2026-11-01", to: undefined }, { after: "42_2026-11-05 09:00:00+00", page: 2 }),
    "?from=2026-11-01&after=42_2026-11-05+09%3A00%3A00%2B00&page=2",
  );
  assert.equal(pageQuery({ from: undefined, to: undefined }), "");
});
