import { formatDateTime } from "../../../shared/format.ts";
import { ErrorSummary, TextField } from "../../../ui/form.tsx";
import { KeysetPager } from "../../../ui/keyset-pager.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { workerNavigation } from "../../home/navigation.ts";
import { type HistoryFilter, type HistoryFilterInput, pageQuery } from "../history.filter.ts";
import { eventDetails, eventLabel, outcomeLabels } from "../history.labels.ts";
import type { HistoryPage } from "../history.service.ts";

const outcomeBadge = {
  success: "badge badge--ok",
  failure: "badge badge--warn",
  denied: "badge badge--bad",
} as const;

interface Props {
  ctx: PageContext;
  input: HistoryFilterInput;
  filter: HistoryFilter;
  page: HistoryPage;
}

export function HistoryPageView({ ctx, input, filter, page }: Props) {
  const errorOf = (field: string) => filter.errors.find((error) => error.field === field)?.message;
  const filtered = Boolean(filter.from || filter.to);
  return (
    <Layout ctx={ctx} title="История" nav={workerNavigation}>
      <h1>История действий</h1>
      <p class="lead">
        Входы в кабинет, изменения данных, документы и заявления — всё, что вы делали в кабинете.
      </p>
      <ErrorSummary errors={filter.errors} />
      <form method="get" action="/lk/history" class="card filter" novalidate>
        <div class="filter__fields">
          <TextField name="from" label="С" type="date" value={input.from} error={errorOf("from")} />
          <TextField name="to" label="По" type="date" value={input.to} error={errorOf("to")} />
        </div>
        <p class="actions">
          <button type="submit" class="button">
            Показать
          </button>
          {filtered && <a href="/lk/history">Сбросить фильтр</a>}
        </p>
      </form>

      {filter.errors.length === 0 && (
        <section aria-labelledby="journal-title">
          <h2 id="journal-title">
            {filtered ? "Найдено записей" : "Всего записей"}: {page.total}
          </h2>
          {page.rows.length === 0 ? (
            <p>{filtered ? "За выбранные даты записей нет." : "Записей пока нет."}</p>
          ) : (
            <ol class="journal">
              {page.rows.map((row) => {
                const details = eventDetails(row, {
                  applicationNumber: (id) => page.applicationNumbers[id],
                });
                return (
                  <li class="journal__item" key={row.id}>
                    <time class="journal__time" dateTime={row.occurredAt.toISOString()}>
                      {formatDateTime(row.occurredAt)}
                    </time>
                    <span class="journal__what">
                      {eventLabel(row.event)}
                      {details && <span class="muted">: {details}</span>}
                    </span>
                    <span class="journal__meta">
                      <span class={outcomeBadge[row.outcome]}>{outcomeLabels[row.outcome]}</span>
                      {row.ip && <span class="muted"> IP {row.ip}</span>}
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
          <Pager filter={filter} page={page} />
        </section>
      )}
    </Layout>
  );
}

function Pager({ filter, page }: { filter: HistoryFilter; page: HistoryPage }) {
  return (
    <KeysetPager
      label="Страницы журнала"
      firstHref={page.page > 1 ? `/lk/history${pageQuery(filter)}` : undefined}
      nextHref={page.next && `/lk/history${pageQuery(filter, { after: page.next, page: page.page + 1 })}`}
    >
      <span>
        Страница {page.page} из {page.pages}
      </span>
    </KeysetPager>
  );
}
