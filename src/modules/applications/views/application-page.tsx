// The worker's application page (W9–W12): status, facts, what is missing, the sections, the moves
// and «История изменений».
import { Fragment } from "preact";
import { ErrorSummary, type FieldError, Flash, fieldId, TextField } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { workerNavigation } from "../../home/navigation.ts";
import type { ApplicationView } from "./application.view.ts";
import { ActionButton, History, StatusBadge } from "./components.tsx";
import { PortfolioSection } from "./portfolio-section.tsx";
import { ReportSection } from "./report-section.tsx";
import { RequestsSection, SlotsSection } from "./slots-section.tsx";

interface Props {
  ctx: PageContext;
  view: ApplicationView;
  flash?: string | undefined;
  errors?: readonly FieldError[];
  values?: Record<string, string>;
}

export function ApplicationPage({ ctx, view, flash, errors = [], values = {} }: Props) {
  const base = `/lk/applications/${view.id}`;
  const sectionProps = { view, csrfToken: ctx.csrfToken, errors, values };
  return (
    <Layout ctx={ctx} title={view.title} nav={workerNavigation}>
      <p>
        <a href="/lk/applications">← Мои заявки</a>
      </p>
      <h1>
        {view.title} <StatusBadge status={view.status} />
      </h1>
      <Flash message={flash} />
      <ErrorSummary errors={errors} />
      <section class="card" aria-labelledby="facts-title">
        <h2 id="facts-title" class="visually-hidden">
          Сведения о заявке
        </h2>
        <dl class="facts">
          {view.facts.map((fact) => (
            <Fragment key={fact.label}>
              <dt>{fact.label}</dt>
              <dd class="break-word">{fact.value}</dd>
            </Fragment>
          ))}
        </dl>
        {view.can.extract && (
          <p>
            <a class="button" href={`${base}/extract.pdf`}>
              Скачать выписку (PDF)
            </a>
          </p>
        )}
      </section>

      {view.problems.length > 0 && errors.length === 0 && (
        <section class="notice" aria-labelledby="missing-title">
          <h2 id="missing-title">Чтобы отправить заявку, осталось</h2>
          <ul>
            {view.problems.map((problem) => (
              <li key={problem.field + problem.message}>
                <a href={`#${fieldId(problem.field)}`}>{problem.message}</a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <RequestsSection {...sectionProps} />
      {!view.periodic && view.editable && (
        <form method="post" action={`${base}/desired-date`} class="card" id="desired-date">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <TextField
            name="desiredDate"
            label="Желаемая дата прохождения аккредитации"
            type="date"
            value={values.desiredDate ?? view.desiredDate}
            error={errors.find((error) => error.field === "desiredDate")?.message}
          />
          <button type="submit" class="button button--secondary">
            Сохранить дату
          </button>
        </form>
      )}
      <ReportSection {...sectionProps} />
      <PortfolioSection {...sectionProps} />
      <SlotsSection {...sectionProps} />

      <div class="actions">
        {view.can.sendToHead && (
          <ActionButton
            action={`${base}/send-to-head`}
            csrfToken={ctx.csrfToken}
            label="Направить отчёт руководителю"
            variant="secondary"
          />
        )}
        {view.can.recall && (
          <ActionButton
            action={`${base}/recall`}
            csrfToken={ctx.csrfToken}
            label="Отозвать отчёт с согласования"
            variant="secondary"
          />
        )}
        {view.can.returnToDraft && (
          <ActionButton
            action={`${base}/return-to-draft`}
            csrfToken={ctx.csrfToken}
            label="Вернуть в черновик для исправлений"
            variant="secondary"
          />
        )}
        {view.can.submit && (
          <a class="button button--large" href={`${base}/submit`}>
            Отправить заявку
          </a>
        )}
        {view.can.withdraw && (
          <a class="button button--danger" href={`${base}/withdraw`}>
            Отозвать заявку
          </a>
        )}
      </div>

      <History entries={view.history} />
    </Layout>
  );
}
