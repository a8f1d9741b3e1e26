// The operators' queue: open requests, the nearest due time first, overdue marked; filters by type,
// priority, status, organization and line; keyset pages («Дальше»).
import { formatDateTime } from "../../../shared/format.ts";
import { Flash } from "../../../ui/form.tsx";
import { Layout, type NavItem, type PageContext } from "../../../ui/layout.tsx";
import { TableRegion } from "../../../ui/table.tsx";
import { cursorOf, type DeskService } from "../support.desk.ts";
import { type Priority, priorities } from "../support.priority.ts";
import { type RequestKind, requestKinds, requestStatuses } from "../support.status.ts";
import { SupportStatus } from "./components.tsx";
import { SelectField } from "./fields.tsx";

export const deskNavigation: readonly NavItem[] = [
  { href: "/support-desk", label: "Очередь обращений" },
  { href: "/support-desk/report", label: "Эффективность" },
  // Opens for operators with the separate right only; the others read why not.
  { href: "/support-desk/api-clients", label: "Системы API" },
  { href: "/support-desk/incidents", label: "Сообщения о работе сервиса" },
];

const lines = { first: "Первая линия", senior: "Старший специалист" };

type Queue = NonNullable<Awaited<ReturnType<DeskService["queue"]>>>;

export function DeskQueuePage({
  ctx,
  queue,
  flash,
}: {
  ctx: PageContext;
  queue: Queue;
  flash: string | undefined;
}) {
  const { filter, rows, now } = queue;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({
    kind: filter.kind,
    priority: filter.priority,
    status: filter.status,
    organization: filter.organizationId,
    line: filter.line,
  }))
    if (value) params.set(name, value);
  const last = rows.at(-1);
  if (last) params.set("after", cursorOf(last));
  return (
    <Layout ctx={ctx} title="Очередь обращений" nav={deskNavigation}>
      <h1>Техническая поддержка: очередь обращений</h1>
      <Flash message={flash} />
      <form method="get" action="/support-desk" class="card">
        <div class="filter__fields">
          <SelectField
            name="kind"
            label="Тема"
            value={filter.kind}
            options={requestKinds}
            placeholder="Все"
          />
          <SelectField
            name="priority"
            label="Приоритет"
            value={filter.priority}
            options={priorities}
            placeholder="Все"
          />
          <SelectField
            name="status"
            label="Статус"
            value={filter.status}
            options={requestStatuses}
            placeholder="Все открытые"
          />
          <SelectField name="line" label="Линия" value={filter.line} options={lines} placeholder="Все" />
        </div>
        {filter.organizationId && <input type="hidden" name="organization" value={filter.organizationId} />}
        <button type="submit" class="button button--secondary">
          Показать
        </button>
      </form>
      <p>Сверху — обращения с ближайшим сроком. Просроченные отмечены красным.</p>
      {rows.length === 0 && <p>Обращений не найдено.</p>}
      {rows.length > 0 && (
        <TableRegion label="Очередь обращений">
          <table class="table--stacked">
            <caption class="visually-hidden">Обращения по сроку</caption>
            <thead>
              <tr>
                <th scope="col">Номер</th>
                <th scope="col">Тема и отправитель</th>
                <th scope="col">Приоритет</th>
                <th scope="col">Статус</th>
                <th scope="col">Срок</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const overdue = row.dueAt.getTime() < now.getTime();
                return (
                  <tr key={row.id} class={overdue ? "row--overdue" : undefined}>
                    <td data-label="Номер">
                      <a href={`/support-desk/requests/${row.id}`}>{row.number}</a>
                    </td>
                    <td data-label="Тема и отправитель">
                      {requestKinds[row.kind as RequestKind] ?? row.kind}
                      <br />
                      <span class="muted">
                        {row.senderName}
                        {row.organizationName ? `, ${row.organizationName}` : ""}
                      </span>
                    </td>
                    <td data-label="Приоритет">
                      {priorities[row.priority as Priority] ?? row.priority}
                      {row.line === "senior" && <span class="muted"> · старший специалист</span>}
                    </td>
                    <td data-label="Статус">
                      <SupportStatus status={row.status} />
                    </td>
                    <td data-label="Срок">
                      {overdue ? (
                        <strong class="overdue">Просрочено: {formatDateTime(row.dueAt)}</strong>
                      ) : (
                        formatDateTime(row.dueAt)
                      )}
                      <br />
                      <span class="muted">{row.firstAnsweredAt ? "решение" : "первый ответ"}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
      {queue.hasNext && (
        <nav class="pagination" aria-label="Страницы очереди">
          <a href={`/support-desk?${params.toString()}`}>Следующие обращения →</a>
        </nav>
      )}
    </Layout>
  );
}
