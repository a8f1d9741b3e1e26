import assert from "node:assert/strict";
import { test } from "node:test";
import { buildChart, buildDeadlines, buildMonths, buildStatusCounts, monthAfter } from "./reports.view.ts";

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

test("the chart has a value axis with whole-number gridlines, the year under the months, a title with the period", () => {
  const months = buildMonths(
    "2026-11-21",
    new Map([
      ["2026-12", { accreditations: 1, certificates: 0 }],
      ["2027-03", { accreditations: 2, certificates: 2 }],
    ]),
  );
  const chart = buildChart(months);
  assert.deepEqual(
    chart.ticks.map((tick) => tick.value),
    [0, 1, 2, 3, 4],
  );
  assert.equal(chart.ticks[0]?.y, chart.baseline);
  assert.equal(chart.ticks[4]?.y, chart.top, "the top gridline is the tallest bar");
  const bars = chart.bars.map((bar) => bar.height);
  assert.equal(Math.max(...bars), chart.baseline - chart.top);
  assert.equal(bars[1], Math.round((chart.baseline - chart.top) / 4));
  assert.equal(bars[0], 0);
  assert.ok(
    chart.bars.every((bar) => bar.x >= chart.left),
    "bars right of the value axis",
  );
  assert.equal(chart.bars[4]?.label, "мар");
  assert.deepEqual(chart.bars.map((bar) => bar.year).filter(Boolean), ["2026", "2027"]);
  assert.equal(chart.bars[2]?.year, "2027", "January carries its year");
  assert.equal(chart.title, "Истекающие аккредитации и сертификаты по месяцам, ноябрь 2026 — октябрь 2027");
  assert.equal(
    chart.description,
    "Истекающих документов за 12 месяцев (ноябрь 2026 — октябрь 2027): 5; больше всего — март 2027: 4. Помесячные значения — в таблице рядом.",
  );
  assert.match(buildChart(buildMonths("2026-11-21", new Map())).description, /не истекают/);
  assert.deepEqual(
    buildChart(
      buildMonths("2026-11-21", new Map([["2027-01", { accreditations: 9, certificates: 0 }]])),
    ).ticks.map((tick) => tick.value),
    [0, 3, 6, 9],
  );
});

test("deadlines name the person, specialty and date, with the days left or past", () => {
  const person = { personId: "p1", lastName: "Соколова", firstName: "Елена", patronymic: null };
  const rows = buildDeadlines(
    [
      { ...person, kind: "certificate", spec: "Терапия", endDate: "2026-11-18" },
      { ...person, kind: "accreditation", spec: "", endDate: "2026-11-21" },
      { ...person, kind: "accreditation", spec: "Кардиология", endDate: "2026-11-22" },
      { ...person, kind: "accreditation", spec: "Хирургия", endDate: "2027-04-10" },
    ],
    "2026-11-21",
  );
  assert.deepEqual(
    rows.map((row) => [
      row.fullName,
      row.spec,
      row.document,
      row.endDate,
      row.daysLeft,
      row.when,
      row.urgency,
    ]),
    [
      [
        "Соколова Елена",
        "Терапия",
        "Сертификат специалиста",
        "18.11.2026",
        -3,
        "срок истёк 3 дня назад",
        "expired",
      ],
      [
        "Соколова Елена",
        "специальность не указана",
        "Аккредитация",
        "21.11.2026",
        0,
        "сегодня последний день",
        "soon",
      ],
      ["Соколова Елена", "Кардиология", "Аккредитация", "22.11.2026", 1, "истекает через 1 день", "soon"],
      ["Соколова Елена", "Хирургия", "Аккредитация", "10.04.2027", 140, "истекает через 140 дней", "later"],
    ],
  );
});

test("applications by status list every status but the worker's own draft, zeros included", () => {
  const rows = buildStatusCounts([{ status: "under_review", count: 2 }]);
  assert.equal(rows.length, 10);
  assert.ok(!rows.some((row) => row.status === "draft"));
  assert.deepEqual(
    rows.find((row) => row.status === "under_review"),
    { status: "under_review", label: "На рассмотрении", count: 2 },
  );
  assert.ok(rows.filter((row) => row.status !== "under_review").every((row) => row.count === 0));
});
