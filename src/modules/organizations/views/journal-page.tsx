// «Журнал операций» (O10): every operation in the organization's cabinet, filtered by who, what and
// when, exported to CSV.
import { fullName } from "../../../shared/format.ts";
import { ErrorSummary, type FieldError, TextField } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import type { CabinetActor } from "../cabinet.guard.tsx";
import { eventLabel, journalEvents } from "../journal.labels.ts";
import { CabinetPage } from "./cabinet-page.tsx";
import { errorFor, SelectField } from "./fields.tsx";
import { filterQuery, type JournalLine, type JournalQuery } from "./journal.view.ts";

export function JournalPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  query: JournalQuery;
  errors: readonly FieldError[];
  people: { id: string; lastName: string; firstName: string; middleName: string | null }[];
  lines: JournalLine[];
  total: number;
  page: number;
  pages: number;
}) {
  const { query, errors, page, pages } = props;
  return (
    <CabinetPage ctx={props.ctx} actor={props.actor} title="Журнал операций">
      <h1>Журнал операций</h1>
      <p class="lead">
        Все действия в кабинете организации: кто, что и когда сделал, включая отказы в доступе.
      </p>
      <ErrorSummary errors={errors} />
      <form method="get" action="/org/journal" class="card filters">
        <SelectField
          name="who"
          label="Кто"
          value={query.who}
          placeholder="Все"
          options={props.people.map((person) => ({ value: person.id, label: fullName(person) }))}
        />
        <SelectField
          name="what"
          label="Что"
          value={query.what}
          placeholder="Все действия"
          options={journalEvents.map((event) => ({ value: event, label: eventLabel(event) }))}
        />
        <TextField
          name="from"
          label="С"
          type="date"
          value={query.from}
          error={errorFor(errors, "from")}
          width="short"
        />
        <TextField
          name="to"
          label="По"
          type="date"
          value={query.to}
          error={errorFor(errors, "to")}
          width="short"
        />
        <p class="actions">
          <button type="submit" class="button button--secondary">
            Показать
          </button>
          <a href={`/org/journal.csv${filterQuery(query)}`}>Выгрузить в CSV</a>
        </p>
      </form>
      <p role="status">
        Записей: {props.total}
        {pages > 1 && `, страница ${page} из ${pages}`}.
      </p>
      {props.lines.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Когда</th>
                <th scope="col">Кто</th>
                <th scope="col">Действие</th>
                <th scope="col">Результат</th>
                <th scope="col">Подробности</th>
              </tr>
            </thead>
            <tbody>
              {props.lines.map((line) => (
                <tr key={line.id}>
                  <td>{line.when}</td>
                  <td>{line.who}</td>
                  <td>{line.what}</td>
                  <td>{line.outcome}</td>
                  <td>{line.details}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav class="pager" aria-label="Страницы журнала">
          {page > 1 && <a href={`/org/journal${filterQuery(query, page - 1)}`}>← Новее</a>}
          {page < pages && <a href={`/org/journal${filterQuery(query, page + 1)}`}>Старее →</a>}
        </nav>
      )}
    </CabinetPage>
  );
}
