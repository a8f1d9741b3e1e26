// «Отчётность» (O16): the people whose accreditation runs out or has run out, staff by position and
// department, accreditations running out per month as a chart with its table beside it,
// applications by status; each downloadable as CSV.
import type { PageContext } from "../../../ui/layout.tsx";
import { type Column, DataTable } from "../../../ui/table.tsx";
import type { CabinetActor } from "../cabinet.guard.tsx";
import type { GroupCount } from "../reports.repository.ts";
import { CabinetPage } from "./cabinet-page.tsx";
import type { Chart, Deadline, MonthRow } from "./reports.view.ts";

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

const urgencyBadge: Record<Deadline["urgency"], string> = {
  expired: "badge badge--bad",
  soon: "badge badge--warn",
  later: "badge",
};

function deadlineColumns(canOpenCards: boolean): Column<Deadline>[] {
  return [
    {
      label: "Сотрудник",
      cell: (row) =>
        canOpenCards ? <a href={`/org/staff/${row.personId}`}>{row.fullName}</a> : row.fullName,
    },
    { label: "Специальность", cell: (row) => row.spec },
    { label: "Документ", cell: (row) => row.document },
    { label: "Действует по", cell: (row) => row.endDate },
    { label: "Срок", cell: (row) => <span class={urgencyBadge[row.urgency]}>{row.when}</span> },
  ];
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
      {chart.ticks.map((tick) => (
        <g key={tick.value}>
          <line class="chart__grid" x1={chart.left} x2={chart.width} y1={tick.y} y2={tick.y} />
          <text class="chart__tick" x={chart.left - 8} y={tick.y + 5} text-anchor="end">
            {tick.value}
          </text>
        </g>
      ))}
      <line class="chart__axis" x1={chart.left} x2={chart.left} y1={chart.top} y2={chart.baseline} />
      <line class="chart__axis" x1={chart.left} x2={chart.width} y1={chart.baseline} y2={chart.baseline} />
      <text class="chart__tick" x={chart.left} y={18}>
        Документов
      </text>
      {chart.bars.map((bar) => (
        <g key={bar.labelX}>
          <rect class="chart__bar" x={bar.x} y={bar.y} width={bar.width} height={bar.height} />
          {bar.value > 0 && (
            <text class="chart__value" x={bar.labelX} y={bar.y - 6} text-anchor="middle">
              {bar.value}
            </text>
          )}
          <text class="chart__label" x={bar.labelX} y={chart.baseline + 22} text-anchor="middle">
            {bar.label}
          </text>
          {bar.year && (
            <text class="chart__label" x={bar.labelX} y={chart.baseline + 42} text-anchor="middle">
              {bar.year}
            </text>
          )}
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
  deadlines: Deadline[];
  months: MonthRow[];
  chart: Chart;
  applications: { status: string; label: string; count: number }[];
}) {
  const sent = props.applications.reduce((sum, row) => sum + row.count, 0);
  return (
    <CabinetPage ctx={props.ctx} actor={props.actor} title="Отчётность">
      <h1>Отчётность</h1>
      <section class="card" aria-labelledby="deadlines">
        <h2 id="deadlines">Кому пора пройти аккредитацию</h2>
        <p>
          Действующие сотрудники, у которых аккредитация или сертификат специалиста по специальности уже
          истекли или истекут в ближайшие 12 месяцев; сначала самые срочные. Без действующей аккредитации
          работать по специальности нельзя.
        </p>
        <DataTable
          caption="Сроки аккредитации сотрудников"
          columns={deadlineColumns(props.actor.powers.has("staff.view"))}
          rows={props.deadlines}
          rowKey={(row) => `${row.personId}-${row.spec}`}
          stacked
          empty="Ни у кого из действующих сотрудников аккредитация не истекает в ближайшие 12 месяцев."
        />
        <p>
          <a href="/org/reports/deadlines.csv">Скачать CSV</a>
        </p>
      </section>
      {(
        [
          ["staff-by-position", "Штат по должностям", "Должность", props.byPosition],
          ["staff-by-department", "Штат по подразделениям", "Подразделение", props.byDepartment],
        ] as const
      ).map(([name, title, first, rows]) => (
        <section key={name} class="card" aria-labelledby={name}>
          <h2 id={name}>{title}</h2>
          <GroupTable caption={title} first={first} rows={rows} />
          <p>
            <a href={`/org/reports/${name}.csv`}>Скачать CSV</a>
          </p>
        </section>
      ))}
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
        {sent === 0 && <p>Сотрудники ещё не направляли заявления на согласование в организацию.</p>}
        <DataTable
          caption="Заявления по статусам"
          columns={[
            { label: "Статус", cell: (row) => row.label },
            { label: "Заявлений", cell: (row) => row.count },
          ]}
          rows={props.applications}
          rowKey={(row) => row.status}
        />
        <p>
          <a href="/org/reports/applications.csv">Скачать CSV</a>
        </p>
      </section>
    </CabinetPage>
  );
}
