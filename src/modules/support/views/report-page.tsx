// «Эффективность поддержки»: a table per week, type and priority, a chart of the share answered
// within target per week (inline SVG, no script), and the CSV.
import { formatDate } from "../../../shared/format.ts";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { TableRegion } from "../../../ui/table.tsx";
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

export function ReportPage({ ctx, rows }: { ctx: PageContext; rows: readonly ReportRow[] }) {
  return (
    <Layout ctx={ctx} title="Эффективность поддержки" nav={deskNavigation}>
      <h1>Эффективность поддержки</h1>
      <p>
        За последние 8 недель. <a href="/support-desk/report.csv">Скачать CSV</a>
      </p>
      {rows.length === 0 && <p>Обращений за этот период нет.</p>}
      <Chart rows={rows} />
      {rows.length > 0 && (
        <TableRegion label="Показатели по неделям">
          <table>
            <caption class="visually-hidden">Показатели по неделям, темам и приоритетам</caption>
            <thead>
              <tr>
                <th scope="col">Неделя с</th>
                <th scope="col">Тема</th>
                <th scope="col">Приоритет</th>
                <th scope="col">Обращений</th>
                <th scope="col">Ответ в срок</th>
                <th scope="col">Первый ответ: медиана / 90%</th>
                <th scope="col">Решение: медиана / 90%</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.week}-${row.kind}-${row.priority}`}>
                  <td>{formatDate(row.week)}</td>
                  <td>{requestKinds[row.kind as RequestKind] ?? row.kind}</td>
                  <td>{priorities[row.priority as Priority] ?? row.priority}</td>
                  <td>{row.requests}</td>
                  <td>{Math.round(share(row) * 100)}%</td>
                  <td>
                    {show(row.firstAnswerMedian)} / {show(row.firstAnswerP90)}
                  </td>
                  <td>
                    {show(row.resolutionMedian)} / {show(row.resolutionP90)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </Layout>
  );
}
