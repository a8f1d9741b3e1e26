import assert from "node:assert/strict";
import { test } from "node:test";
import { buildChart, buildMonths, monthAfter } from "./reports.view.ts";

test("twelve months from the current one, across the year's end", () => {
  assert.equal(monthAfter("2026-11-21", 0), "2026-11");
  assert.equal(monthAfter("2026-11-21", 2), "2027-01");
  const months = buildMonths("2026-11-21", new Map([["2027-01", { accreditations: 2, certificates: 1 }]]));
  assert.equal(months.length, 12);
  assert.deepEqual(months[0], {
    month: "2026-11",
    label: "ноябрь 2026",
    accreditations: 0,
    certificates: 0,
    total: 0,
  });
  assert.deepEqual(months[2], {
    month: "2027-01",
    label: "январь 2027",
    accreditations: 2,
    certificates: 1,
    total: 3,
  });
  assert.equal(months[11]?.month, "2027-10");
});

test("the tallest bar fills the plot; the description states the total and the peak", () => {
  const months = buildMonths(
    "2026-11-21",
    new Map([
      ["2026-12", { accreditations: 1, certificates: 0 }],
      ["2027-03", { accreditations: 2, certificates: 2 }],
    ]),
  );
  const chart = buildChart(months);
  const bars = chart.bars.map((bar) => bar.height);
  assert.equal(Math.max(...bars), chart.baseline - 24);
  assert.equal(bars[1], Math.round((chart.baseline - 24) / 4));
  assert.equal(bars[0], 0);
  assert.equal(chart.bars[4]?.label, "мар");
  assert.equal(
    chart.description,
    "Всего в ближайшие 12 месяцев истекает 5 документов; больше всего — март 2027: 4. Помесячные значения — в таблице рядом.",
  );
  assert.match(buildChart(buildMonths("2026-11-21", new Map())).description, /не истекают/);
});
