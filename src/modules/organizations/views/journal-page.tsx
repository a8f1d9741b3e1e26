// «Журнал операций» (O10): every operation in the organization's cabinet, filtered by who, what and
// when, exported to CSV.
import { fullName } from "../../../shared/format.ts";
import { FormActions } from "../../../ui/actions.tsx";
import { SelectField } from "../../../ui/fields.tsx";
import { binder, DateField, ErrorSummary, type FieldError } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import { DataTable } from "../../../ui/table.tsx";
import type { CabinetActor } from "../cabinet.guard.tsx";
import { eventLabel, journalEvents } from "../journal.labels.ts";
import { CabinetPage } from "./cabinet-page.tsx";
import { filterQuery, type JournalLine, type JournalQuery } from "./journal.view.ts";

export function JournalPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  query: JournalQuery;
  errors: readonly FieldError[];
  people: { id: string; lastName: string; firstName: string; middleName: string | null }[];
  lines: JournalLine[];
  /** Undefined unless the reader asked for it (it reads every matching record). */
  total: number | undefined;
  page: number;
  /** Cursor of the next (older) page, when there is one. */
  next: string | undefined;
}) {
  const { query, errors, page, next } = props;
  const bind = binder({ values: query, errors });
  return (
    <CabinetPage ctx={props.ctx} actor={props.actor} title="Журнал операций">
      <h1>Журнал операций</h1>
      <p class="lead">
        Все действия в кабинете организации: кто, что и когда сделал, включая отказы в доступе.
      </p>
      <ErrorSummary errors={errors} />
      <form method="get" action="/org/journal" class="card filters">
        <SelectField
          {...bind("who")}
          label="Кто"
          placeholder="Все"
          options={props.people.map((person) => ({ value: person.id, label: fullName(person) }))}
        />
        <SelectField
          {...bind("what")}
          label="Что"
          placeholder="Все действия"
          options={journalEvents.map((event) => ({ value: event, label: eventLabel(event) }))}
        />
        <DateField {...bind("from")} label="С" />
        <DateField {...bind("to")} label="По" />
        <FormActions label="Показать" variant="secondary">
          <a href={`/org/journal.csv${filterQuery(query)}`}>Выгрузить в CSV</a>
        </FormActions>
      </form>
      <p role="status">
        {props.lines.length === 0 && page === 1 ? (
          "Записей: 0."
        ) : props.total !== undefined ? (
          `Записей: ${props.total}, страница ${page}.`
        ) : (
          <>
            Страница {page}.{" "}
            <a href={`/org/journal${filterQuery(query, { after: query.after, page, count: true })}`}>
              Сколько всего записей?
            </a>
          </>
        )}
      </p>
      {props.lines.length > 0 && (
        <DataTable
          caption="Журнал операций"
          rows={props.lines}
          rowKey={(line) => String(line.id)}
          columns={[
            { label: "Когда", cell: (line) => line.when },
            { label: "Кто", cell: (line) => line.who },
            { label: "Действие", cell: (line) => line.what },
            { label: "Результат", cell: (line) => line.outcome },
            { label: "Подробности", cell: (line) => line.details },
          ]}
        />
      )}
      {(page > 1 || next) && (
        <nav class="pager" aria-label="Страницы журнала">
          {page > 1 && <a href={`/org/journal${filterQuery(query)}`}>← К новейшим</a>}
          {next && (
            <a href={`/org/journal${filterQuery(query, { after: next, page: page + 1 })}`}>
              Следующая страница →
            </a>
          )}
        </nav>
      )}
    </CabinetPage>
  );
}
