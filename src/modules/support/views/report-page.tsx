// «Эффективность поддержки»: a table per week, type and priority, a chart of the share answered
// within target per week (inline SVG, no script), and the CSV.
import { formatDate } from "../../../shared/format.ts";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { type Column, DataTable } from "../../../ui/table.tsx";
import { type Priority, priorities } from "../support.priority.ts";
import type { ReportRow } from "../support.report.ts";
import { type RequestKind, requestKinds } from "../support.status.ts";
import { deskNavigation } from "./desk-queue.tsx";
import { share, weeklyTotals } from "./report.ts";

const show = (value: number | null) => (value === null ? "—" : `${Math.round(value)} мин`);

function Chart({ rows }: { rows: readonly ReportRow[] }) {
  const weeks = weeklyTotals(rows);
  if (weeks.length === 0) return null;
  const width = 640;
  const height = 200;
  const step = width / weeks.length;
  const label = weeks
    .map((week) => `неделя с ${formatDate(week.week)}: ${Math.round(share(week) * 100)}% из ${week.requests}`)
    .join("; ");
  return (
    <figure class="card">
      <svg
        viewBox={`0 0 ${width} ${height + 40}`}
        role="img"
        aria-label={`Доля ответов в срок по неделям: ${label}`}
        class="chart"
      >
        {weeks.map((week, index) => {
          const barHeight = Math.round(share(week) * height);
          return (
            <g key={week.week}>
              <rect
                x={index * step + 8}
                y={height - barHeight}
                width={step - 16}
                height={barHeight}
                fill="#1f5fa8"
              />
              <text x={index * step + step / 2} y={height + 16} text-anchor="middle" font-size="12">
                {formatDate(week.week).slice(0, 5)}
              </text>
              <text x={index * step + step / 2} y={height + 32} text-anchor="middle" font-size="12">
                {`${Math.round(share(week) * 100)}%`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>Доля обращений с первым ответом в срок, по неделям</figcaption>
    </figure>
  );
}

const reportColumns: readonly Column<ReportRow>[] = [
  { label: "Неделя с", cell: (row) => formatDate(row.week) },
  { label: "Тема", cell: (row) => requestKinds[row.kind as RequestKind] ?? row.kind },
  { label: "Приоритет", cell: (row) => priorities[row.priority as Priority] ?? row.priority },
  { label: "Обращений", cell: (row) => row.requests },
  { label: "Ответ в срок", cell: (row) => `${Math.round(share(row) * 100)}%` },
  {
    label: "Первый ответ: медиана / 90%",
    cell: (row) => `${show(row.firstAnswerMedian)} / ${show(row.firstAnswerP90)}`,
  },
  {
    label: "Решение: медиана / 90%",
    cell: (row) => `${show(row.resolutionMedian)} / ${show(row.resolutionP90)}`,
  },
];

export function ReportPage({ ctx, rows }: { ctx: PageContext; rows: readonly ReportRow[] }) {
  return (
    <Layout ctx={ctx} title="Эффективность поддержки" nav={deskNavigation}>
      <h1>Эффективность поддержки</h1>
      <p>
        За последние 8 недель. <a href="/support-desk/report.csv">Скачать CSV</a>
      </p>
      <Chart rows={rows} />
      <DataTable
        caption="Показатели по неделям, темам и приоритетам"
        region="Показатели по неделям"
        columns={reportColumns}
        rows={rows}
        rowKey={(row) => `${row.week}-${row.kind}-${row.priority}`}
        empty="Обращений за этот период нет."
      />
    </Layout>
  );
}
