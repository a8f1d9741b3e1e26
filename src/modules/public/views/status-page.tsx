import { formatDateTime } from "../../../shared/format.ts";
import { Layout, type PageContext } from "../../../ui/layout.tsx";

export interface ServiceStatus {
  database: "ok" | "down";
  checkedAt: Date;
}

export function StatusPage({ ctx, status }: { ctx: PageContext; status: ServiceStatus }) {
  const ok = status.database === "ok";
  return (
    <Layout ctx={ctx} title="Состояние сервиса">
      <h1>Состояние сервиса</h1>
      <p class="lead">
        {ok ? "Все системы работают штатно." : "Сервис работает с перебоями. Мы уже устраняем проблему."}
      </p>
      <div class="table-wrap">
        <table>
          <caption class="muted">Проверено {formatDateTime(status.checkedAt)} (мск)</caption>
          <thead>
            <tr>
              <th scope="col">Компонент</th>
              <th scope="col">Состояние</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>Личный кабинет</td>
              <td>
                <span class="badge badge--ok">Работает</span>
              </td>
            </tr>
            <tr>
              <td>База данных</td>
              <td>
                {ok ? (
                  <span class="badge badge--ok">Работает</span>
                ) : (
                  <span class="badge badge--bad">Недоступна</span>
                )}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
