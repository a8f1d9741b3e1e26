// «Отчётность» (O16): staff by position and department, accreditations running out per month as a
// chart with its table beside it, applications by status; each downloadable as CSV.
import type { PageContext } from "../../../ui/layout.tsx";
import type { CabinetActor } from "../cabinet.guard.tsx";
import type { GroupCount } from "../reports.repository.ts";
import { CabinetPage } from "./cabinet-page.tsx";
import type { Chart, MonthRow } from "./reports.view.ts";

const rate = (value: number) => String(Math.round(value * 100) / 100).replace(".", ",");

function GroupTable({ caption, first, rows }: { caption: string; first: string; rows: GroupCount[] }) {
  if (rows.length === 0) return <p>Действующих карточек сотрудников нет.</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col">Работников</th>
            <th scope="col">Ставок</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <td>{row.label || "не указано"}</td>
              <td>{row.people}</td>
              <td>{rate(row.rates)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function BarChart({ chart }: { chart: Chart }) {
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${chart.width} ${chart.height}`}
      role="img"
      aria-labelledby="chart-title chart-desc"
    >
      <title id="chart-title">{chart.title}</title>
      <desc id="chart-desc">{chart.description}</desc>
      <line class="chart__axis" x1="0" x2={chart.width} y1={chart.baseline} y2={chart.baseline} />
      {chart.bars.map((bar) => (
        <g key={bar.labelX}>
          <rect class="chart__bar" x={bar.x} y={bar.y} width={bar.width} height={bar.height} />
          <text class="chart__value" x={bar.labelX} y={bar.y - 6} text-anchor="middle">
            {bar.value}
          </text>
          <text class="chart__label" x={bar.labelX} y={chart.baseline + 22} text-anchor="middle">
            {bar.label}
          </text>
        </g>
      ))}
    </svg>
  );
}

export function ReportsPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  byPosition: GroupCount[];
  byDepartment: GroupCount[];
  months: MonthRow[];
  chart: Chart;
  applications: { status: string; label: string; count: number }[] | undefined;
}) {
  return (
    <CabinetPage ctx={props.ctx} actor={props.actor} title="Отчётность">
      <h1>Отчётность</h1>
      <section class="card" aria-labelledby="by-position">
        <h2 id="by-position">Штат по должностям</h2>
        <GroupTable caption="Штат по должностям" first="Должность" rows={props.byPosition} />
        <p>
          <a href="/org/reports/staff-by-position.csv">Скачать CSV</a>
        </p>
      </section>
      <section class="card" aria-labelledby="by-department">
        <h2 id="by-department">Штат по подразделениям</h2>
        <GroupTable caption="Штат по подразделениям" first="Подразделение" rows={props.byDepartment} />
        <p>
          <a href="/org/reports/staff-by-department.csv">Скачать CSV</a>
        </p>
      </section>
      <section class="card" aria-labelledby="expiring">
        <h2 id="expiring">Сроки аккредитации на 12 месяцев</h2>
        <p>
          Сколько аккредитаций и сертификатов специалиста действующих сотрудников истекает в каждом месяце.
        </p>
        <div class="chart-with-table">
          <BarChart chart={props.chart} />
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">Истекающие документы по месяцам</caption>
              <thead>
                <tr>
                  <th scope="col">Месяц</th>
                  <th scope="col">Аккредитации</th>
                  <th scope="col">Сертификаты</th>
                  <th scope="col">Всего</th>
                </tr>
              </thead>
              <tbody>
                {props.months.map((row) => (
                  <tr key={row.month}>
                    <td>{row.label}</td>
                    <td>{row.accreditations}</td>
                    <td>{row.certificates}</td>
                    <td>{row.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <p>
          <a href="/org/reports/expiring.csv">Скачать CSV</a>
        </p>
      </section>
      <section class="card" aria-labelledby="applications">
        <h2 id="applications">Заявления на аккредитацию по статусам</h2>
        {!props.applications || props.applications.length === 0 ? (
          <p>Сотрудники ещё не направляли заявления на согласование в организацию.</p>
        ) : (
          <>
            <ul>
              {props.applications.map((row) => (
                <li key={row.status}>
                  {row.label}: {row.count}
                </li>
              ))}
            </ul>
            <p>
              <a href="/org/reports/applications.csv">Скачать CSV</a>
            </p>
          </>
        )}
      </section>
    </CabinetPage>
  );
}
