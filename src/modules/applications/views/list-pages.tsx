// «Мои заявки» (W9): every application the worker ever made, newest first; and the form of a new one.
import { formatDate, formatDateTime } from "../../../shared/format.ts";
import { ErrorSummary, type FieldError, Flash, fieldId } from "../../../ui/form.tsx";
import { KeysetPager } from "../../../ui/keyset-pager.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { Headings, TableRegion } from "../../../ui/table.tsx";
import { workerNavigation } from "../../home/navigation.ts";
import { applicationKinds, kindDefinitions } from "../applications.kinds.ts";
import type { ApplicationRow } from "../applications.repository.ts";
import type { NewApplicationOptions } from "../applications.service.ts";
import { StatusBadge } from "./components.tsx";

export function ApplicationsListPage(props: {
  ctx: PageContext;
  applications: ApplicationRow[];
  /** Keyset paging: a link to the newest from a later page, the next page's cursor if any. */
  paging?: { first: boolean; next: string | undefined };
  flash?: string | undefined;
}) {
  const next = props.paging?.next;
  return (
    <Layout ctx={props.ctx} title="Мои заявки" nav={workerNavigation}>
      <h1>Мои заявки</h1>
      <Flash message={props.flash} />
      <p>
        <a class="button" href="/lk/applications/new">
          Новая заявка
        </a>
      </p>
      {props.applications.length === 0 ? (
        <p>Заявок пока нет.</p>
      ) : (
        <TableRegion label="Заявки на аккредитацию">
          <table>
            <caption class="visually-hidden">Заявки на аккредитацию, новые сверху</caption>
            <Headings labels={["Заявка", "Вид и специальность", "Статус", "Изменена"]} />
            <tbody>
              {props.applications.map((application) => (
                <tr key={application.id}>
                  <td>
                    <a href={`/lk/applications/${application.id}`}>№ {application.number}</a>
                  </td>
                  <td>
                    {kindDefinitions[application.kind].label}, {application.specialtyName}
                  </td>
                  <td>
                    <StatusBadge status={application.status} />
                  </td>
                  <td>{formatDateTime(application.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <KeysetPager
        label="Страницы списка заявок"
        firstHref={props.paging?.first ? "/lk/applications" : undefined}
        nextHref={next && `/lk/applications?${new URLSearchParams({ after: next })}`}
      />
    </Layout>
  );
}

export function NewApplicationPage(props: {
  ctx: PageContext;
  options: NewApplicationOptions;
  errors?: readonly FieldError[];
  values?: Record<string, string>;
}) {
  const { options, errors = [], values = {} } = props;
  const error = (field: string) => errors.find((item) => item.field === field)?.message;
  const open = new Set(options.openSpecialtyCodes);
  const periodicChoices = options.bases.filter(
    (basis) => !basis.windowProblem && !open.has(basis.specialtyCode),
  );
  return (
    <Layout ctx={props.ctx} title="Новая заявка" nav={workerNavigation}>
      <h1>Новая заявка на аккредитацию</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action="/lk/applications" class="card">
        <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
        <fieldset class={error("kind") ? "field field--error choices" : "field choices"}>
          <legend>Вид аккредитации</legend>
          {error("kind") && <p class="field__error">{error("kind")}</p>}
          {Object.values(applicationKinds).map((kind, index) => (
            <label class="choice" key={kind}>
              <input
                type="radio"
                name="kind"
                value={kind}
                id={index === 0 ? fieldId("kind") : undefined}
                checked={values.kind === kind}
                required
              />
              {kindDefinitions[kind].label} <span class="hint">{kindDefinitions[kind].hint}</span>
            </label>
          ))}
        </fieldset>
        <div class={error("specialtyCode") ? "field field--error" : "field"}>
          <label for={fieldId("specialtyCode")}>Специальность</label>
          <p class="hint" id="specialty-hint">
            Для периодической аккредитации — одна из специальностей, по которым в реестре есть ваш сертификат
            или аккредитация.
          </p>
          {error("specialtyCode") && <p class="field__error">{error("specialtyCode")}</p>}
          <select
            id={fieldId("specialtyCode")}
            name="specialtyCode"
            aria-describedby="specialty-hint"
            required
          >
            <option value="">— выберите —</option>
            {periodicChoices.length > 0 && (
              <optgroup label="Периодическая: ваши специальности из реестра">
                {periodicChoices.map((basis) => (
                  <option
                    value={basis.specialtyCode}
                    key={`p-${basis.specialtyCode}`}
                    selected={values.specialtyCode === basis.specialtyCode}
                  >
                    {basis.specialtyName} (допуск до {formatDate(basis.endDate)})
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label="Все специальности">
              {options.specialties.map((entry) => (
                <option
                  value={entry.code}
                  key={entry.code}
                  selected={
                    values.specialtyCode === entry.code &&
                    !periodicChoices.some((b) => b.specialtyCode === entry.code)
                  }
                >
                  {entry.name}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        {options.bases.some((basis) => basis.windowProblem) && (
          <div class="notice">
            <p>Периодическая аккредитация пока невозможна по специальностям:</p>
            <ul>
              {options.bases
                .filter((basis) => basis.windowProblem)
                .map((basis) => (
                  <li key={basis.specialtyCode}>
                    {basis.specialtyName}: {basis.windowProblem}
                  </li>
                ))}
            </ul>
          </div>
        )}
        <button type="submit" class="button">
          Создать черновик
        </button>
      </form>
    </Layout>
  );
}
