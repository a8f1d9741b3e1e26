// The commission's queue (C1): filters, deadlines in working days with the overdue ones marked, paging.
import { formatDate, fullName } from "../../../shared/format.ts";
import { workingDaysBetween } from "../../../shared/working-days.ts";
import { Flash } from "../../../ui/form.tsx";
import { Layout, type NavItem, type PageContext } from "../../../ui/layout.tsx";
import { Headings, TableRegion } from "../../../ui/table.tsx";
import { applicationKinds, kindDefinitions } from "../../applications/applications.kinds.ts";
import { statusLabels } from "../../applications/applications.status.ts";
import { StatusBadge } from "../../applications/views/components.tsx";
import { dictionaries } from "../../register/register.dictionaries.ts";
import { filedStatuses, type QueueRow } from "../review.repository.ts";
import type { ReviewService } from "../review.service.ts";

export const reviewNavigation: readonly NavItem[] = [
  { href: "/review", label: "Очередь заявлений" },
  // Missing data, representatives' powers and correction requests of organizations (organizations module).
  { href: "/review/organizations", label: "Организации" },
  { href: "/review/org-requests", label: "Заявления организаций" },
];

type Queue = NonNullable<Awaited<ReturnType<ReviewService["queue"]>>>;

/** «осталось 5 раб. дн.», «сегодня», «просрочено на 2 раб. дн.» */
export function deadlineText(dueOn: string, today: string): { text: string; overdue: boolean } {
  if (dueOn < today)
    return { text: `просрочено на ${workingDaysBetween(dueOn, today)} раб. дн.`, overdue: true };
  if (dueOn === today) return { text: "срок сегодня", overdue: false };
  return { text: `осталось ${workingDaysBetween(today, dueOn)} раб. дн.`, overdue: false };
}

// Keyset paging: the next page starts after the cursor; `page` only numbers it for the reader.
function pageLink(queue: Queue, next?: { after: string; page: number }): string {
  const { filter } = queue;
  const query = new URLSearchParams();
  if (filter.status) query.set("status", filter.status);
  if (filter.kind) query.set("kind", filter.kind);
  if (filter.specialtyCode) query.set("specialty", filter.specialtyCode);
  if (filter.overdue) query.set("overdue", "1");
  if (next) {
    query.set("after", next.after);
    query.set("page", String(next.page));
  }
  const text = query.toString();
  return text ? `/review?${text}` : "/review";
}

function Row({ row, today }: { row: QueueRow; today: string }) {
  const deadline = row.stageDueOn ? deadlineText(row.stageDueOn, today) : undefined;
  return (
    <tr class={deadline?.overdue ? "is-overdue" : undefined}>
      <td>
        <a href={`/review/applications/${row.id}`}>№ {row.number}</a>
      </td>
      <td>{fullName(row.applicant)}</td>
      <td>
        {kindDefinitions[row.kind].label}, {row.specialtyName}
      </td>
      <td>
        <StatusBadge status={row.status} />
      </td>
      <td>
        {row.stageDueOn ? (
          <>
            {formatDate(row.stageDueOn)}{" "}
            <span class={deadline?.overdue ? "badge badge--bad" : "muted"}>{deadline?.text}</span>
          </>
        ) : (
          "—"
        )}
      </td>
      <td>{row.assignee ? `${row.assignee.lastName} ${row.assignee.firstName}` : "—"}</td>
    </tr>
  );
}

export function QueuePage({
  ctx,
  queue,
  flash,
}: {
  ctx: PageContext;
  queue: Queue;
  flash?: string | undefined;
}) {
  const { filter } = queue;
  return (
    <Layout ctx={ctx} title="Очередь заявлений" nav={reviewNavigation}>
      <h1>Аккредитационная комиссия: очередь заявлений</h1>
      <Flash message={flash} />
      <form method="get" action="/review" class="card">
        <div class="filter__fields">
          <div class="field">
            <label for="filter-status">Статус</label>
            <select id="filter-status" name="status">
              <option value="">В работе</option>
              <option value="all" selected={filter.status === "all"}>
                Все поданные, включая завершённые
              </option>
              {filedStatuses.map((status) => (
                <option value={status} selected={filter.status === status} key={status}>
                  {statusLabels[status]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="filter-kind">Вид аккредитации</label>
            <select id="filter-kind" name="kind">
              <option value="">Все</option>
              {Object.values(applicationKinds).map((kind) => (
                <option value={kind} selected={filter.kind === kind} key={kind}>
                  {kindDefinitions[kind].label}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="filter-specialty">Специальность</label>
            <select id="filter-specialty" name="specialty">
              <option value="">Все</option>
              {dictionaries.specialties.entries.map((entry) => (
                <option value={entry.code} selected={filter.specialtyCode === entry.code} key={entry.code}>
                  {entry.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label class="choice">
              <input type="checkbox" name="overdue" value="1" checked={filter.overdue} /> Только просроченные
            </label>
          </div>
        </div>
        <button type="submit" class="button button--secondary">
          Показать
        </button>
      </form>
      <p>
        Сроки — в рабочих днях по производственному календарю: 20 на проверку документов, 15 на решение
        комиссии. Сверху — самые срочные.
      </p>
      {queue.rows.length === 0 && <p>Заявлений не найдено.</p>}
      {queue.rows.length > 0 && (
        <TableRegion label="Очередь заявлений">
          <table>
            <caption class="visually-hidden">Заявления, самые срочные сверху</caption>
            <Headings
              labels={[
                "Заявление",
                "Заявитель",
                "Вид и специальность",
                "Статус",
                "Срок этапа",
                "Ответственный",
              ]}
            />
            <tbody>
              {queue.rows.map((row) => (
                <Row row={row} today={filter.today} key={row.id} />
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {(filter.page > 1 || queue.hasNext) && (
        <nav class="pagination" aria-label="Страницы очереди">
          {filter.page > 1 && <a href={pageLink(queue)}>← В начало очереди</a>}
          <span>Страница {filter.page}</span>
          {queue.next && (
            <a href={pageLink(queue, { after: queue.next, page: filter.page + 1 })}>Следующая страница →</a>
          )}
        </nav>
      )}
    </Layout>
  );
}
