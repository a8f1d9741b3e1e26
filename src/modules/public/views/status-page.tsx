import { formatDateTime } from "../../../shared/format.ts";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { TableRegion } from "../../../ui/table.tsx";
import { type Incident, incidentKindLabels, isActive } from "../../status/incidents.ts";
import type { DependencyState, DependencyStatus } from "../../status/status.checks.ts";

const stateLabels: Record<DependencyState, { text: string; badge: string }> = {
  ok: { text: "Работает", badge: "badge badge--ok" },
  degraded: { text: "С перебоями", badge: "badge badge--warn" },
  down: { text: "Не отвечает", badge: "badge badge--bad" },
  off: { text: "Не используется", badge: "badge" },
  attention: { text: "Требует внимания", badge: "badge badge--warn" },
  unknown: { text: "Ещё не проверялось", badge: "badge" },
};

const period = (incident: Incident) =>
  incident.endsAt
    ? `${formatDateTime(incident.startsAt)} — ${formatDateTime(incident.endsAt)}`
    : `с ${formatDateTime(incident.startsAt)}`;

/** Operators' messages: what goes on now, then what is planned. */
function Incidents({ incidents, now }: { incidents: readonly Incident[]; now: Date }) {
  if (incidents.length === 0) return null;
  return (
    <section aria-labelledby="incidents-heading">
      <h2 id="incidents-heading">Сообщения службы поддержки</h2>
      <ul class="incidents__list incidents__list--page">
        {incidents.map((incident) => (
          <li key={incident.id} class={`incident incident--${incident.kind}`}>
            <p class="incident__title">{incident.title}</p>
            {incident.details && <p>{incident.details}</p>}
            <p class="incident__more">
              {isActive(incident, now) ? incidentKindLabels[incident.kind] : "Запланировано"}:{" "}
              {period(incident)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function StatusPage({
  ctx,
  dependencies,
  incidents,
  now,
}: {
  ctx: PageContext;
  dependencies: DependencyStatus[];
  incidents: readonly Incident[];
  now: Date;
}) {
  // An outage an operator reported counts even when every check passes (it may be in our own code).
  const troubled =
    dependencies.some((item) => item.state === "down" || item.state === "degraded") ||
    incidents.some((incident) => incident.kind === "outage" && isActive(incident, now));
  return (
    <Layout ctx={ctx} title="Состояние сервиса">
      <h1>Состояние сервиса</h1>
      <p class="lead">
        {troubled
          ? "Сервис работает с перебоями. Мы уже устраняем проблему."
          : "Все системы работают штатно."}
      </p>
      <Incidents incidents={incidents} now={now} />
      <TableRegion label="Состояние компонентов">
        <table>
          <caption class="muted">Время проверки — московское</caption>
          <thead>
            <tr>
              <th scope="col">Компонент</th>
              <th scope="col">Состояние</th>
              <th scope="col">Проверено</th>
              <th scope="col">Подробности</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>Личный кабинет</td>
              <td>
                <span class="badge badge--ok">Работает</span>
              </td>
              <td>{formatDateTime(dependencies[0]?.checkedAt ?? new Date())}</td>
              <td />
            </tr>
            {dependencies.map((item) => (
              <tr key={item.name}>
                <td>{item.name}</td>
                <td>
                  <span class={stateLabels[item.state].badge}>{stateLabels[item.state].text}</span>
                </td>
                <td>{formatDateTime(item.checkedAt)}</td>
                <td>{item.detail ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </Layout>
  );
}
