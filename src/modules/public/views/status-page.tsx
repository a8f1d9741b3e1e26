import { formatDateTime } from "../../../shared/format.ts";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import type { DependencyState, DependencyStatus } from "../../status/status.checks.ts";

const stateLabels: Record<DependencyState, { text: string; badge: string }> = {
  ok: { text: "Работает", badge: "badge badge--ok" },
  degraded: { text: "С перебоями", badge: "badge badge--warn" },
  down: { text: "Не отвечает", badge: "badge badge--bad" },
  off: { text: "Не используется", badge: "badge" },
  attention: { text: "Требует внимания", badge: "badge badge--warn" },
  unknown: { text: "Ещё не проверялось", badge: "badge" },
};

export function StatusPage({ ctx, dependencies }: { ctx: PageContext; dependencies: DependencyStatus[] }) {
  const troubled = dependencies.some((item) => item.state === "down" || item.state === "degraded");
  return (
    <Layout ctx={ctx} title="Состояние сервиса">
      <h1>Состояние сервиса</h1>
      <p class="lead">
        {troubled
          ? "Сервис работает с перебоями. Мы уже устраняем проблему."
          : "Все системы работают штатно."}
      </p>
      <div class="table-wrap">
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
      </div>
    </Layout>
  );
}
