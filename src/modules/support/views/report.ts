// The support report's figures as CSV and as the points of its chart (pure, tested).

import { type Priority, priorities } from "../support.priority.ts";
import type { ReportRow } from "../support.report.ts";
import { type RequestKind, requestKinds } from "../support.status.ts";

const minutes = (value: number | null): string => (value === null ? "" : String(Math.round(value)));
export const share = (row: Pick<ReportRow, "requests" | "withinTarget">): number =>
  row.requests === 0 ? 0 : row.withinTarget / row.requests;

const csvCell = (value: string): string =>
  /[";\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

/** Semicolons and a BOM: what Excel opens correctly in Russian locales. */
export function reportCsv(rows: readonly ReportRow[]): string {
  const header = [
    "Неделя с",
    "Тема",
    "Приоритет",
    "Обращений",
    "С ответом",
    "Ответ в срок, %",
    "Первый ответ, медиана, мин",
    "Первый ответ, 90-й процентиль, мин",
    "Решение, медиана, мин",
    "Решение, 90-й процентиль, мин",
  ];
  const lines = rows.map((row) =>
    [
      row.week,
      requestKinds[row.kind as RequestKind] ?? row.kind,
      priorities[row.priority as Priority] ?? row.priority,
      String(row.requests),
      String(row.answered),
      String(Math.round(share(row) * 100)),
      minutes(row.firstAnswerMedian),
      minutes(row.firstAnswerP90),
      minutes(row.resolutionMedian),
      minutes(row.resolutionP90),
    ]
      .map(csvCell)
      .join(";"),
  );
  return `\ufeff${[header.join(";"), ...lines].join("\r\n")}\r\n`;
}

/** Per week: requests and the share answered within target, for the chart. */
export function weeklyTotals(rows: readonly ReportRow[]) {
  const weeks = new Map<string, { requests: number; withinTarget: number }>();
  for (const row of rows) {
    const week = weeks.get(row.week) ?? { requests: 0, withinTarget: 0 };
    week.requests += row.requests;
    week.withinTarget += row.withinTarget;
    weeks.set(row.week, week);
  }
  return [...weeks]
    .map(([week, totals]) => ({ week, ...totals }))
    .sort((a, b) => a.week.localeCompare(b.week));
}
