import { BackLink, FormActions, PostForm } from "../../../ui/actions.tsx";
import { DateField, ErrorSummary, errorFor, type FieldError, Flash } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { StepIndicator, StepLinks } from "../../../ui/steps.tsx";
import { SummaryList } from "../../../ui/summary-list.tsx";
import { workerNavigation } from "../../home/navigation.ts";
import type { ApplicationView } from "./application.view.ts";
import { CheckStep } from "./check-step.tsx";
import { History, StatusBadge } from "./components.tsx";
import { PortfolioSection } from "./portfolio-section.tsx";
import { ReportSection } from "./report-section.tsx";
import { RequestsSection, SlotsSection } from "./slots-section.tsx";
import { problemHref, type StepKey, stepLabels, stepList, stepOfField, stepsOf } from "./steps.ts";

interface Props {
  ctx: PageContext;
  view: ApplicationView;
  step?: StepKey;
  flash?: string | undefined;
  errors?: readonly FieldError[];
  values?: Record<string, string>;
}

export function ApplicationPage({ ctx, view, step = "kind", flash, errors = [], values = {} }: Props) {
  const sectionProps = { view, csrfToken: ctx.csrfToken, errors, values };
  const keys = stepsOf(view.periodic);
  const steps = stepList(view.id, view.periodic, view.pending);
  const current = Math.max(0, keys.indexOf(step));
  const title = step === "kind" ? view.title : `${view.title}: ${stepLabels[step].toLowerCase()}`;
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? `Ошибка: ${title}` : title} nav={workerNavigation}>
      <BackLink href="/lk/applications">Мои заявки</BackLink>
      <h1 id="status">
        {view.title} <StatusBadge status={view.status} />
      </h1>
      <StepIndicator steps={steps} current={current} label={`Шаги заявки № ${view.number}`} />
      <Flash message={flash} />
      <ErrorSummary
        errors={errors.map((error) => ({
          ...error,
          href: stepOfField(error.field) === step ? undefined : problemHref(view.id, error.field),
        }))}
      />
      <h2 class="step-title">
        Шаг {current + 1} из {keys.length}. {stepLabels[keys[current] ?? "kind"]}
      </h2>
      {step === "kind" && (
        <>
          <Facts view={view} />
          <RequestsSection {...sectionProps} />
          {!view.periodic && view.editable && (
            // The form's anchor is not the field's id: ids stay unique and the error summary reaches the field.
            <PostForm
              action={`/lk/applications/${view.id}/desired-date`}
              class="card"
              id="desired-date"
              csrfToken={ctx.csrfToken}
            >
              <DateField
                name="desiredDate"
                label="Желаемая дата прохождения аккредитации"
                width="full"
                value={values.desiredDate ?? view.desiredDate}
                error={errorFor(errors, "desiredDate")}
              />
              <FormActions label="Сохранить дату" variant="secondary" />
            </PostForm>
          )}
        </>
      )}
      {step === "documents" && <SlotsSection {...sectionProps} />}
      {step === "portfolio" && <PortfolioSection {...sectionProps} />}
      {step === "report" && <ReportSection {...sectionProps} />}
      {step === "check" && <CheckStep {...sectionProps} />}
      <StepLinks steps={steps} current={current} />
      {step === "kind" && <History entries={view.history} />}
    </Layout>
  );
}

function Facts({ view }: { view: ApplicationView }) {
  return (
    <section class="card" aria-labelledby="facts-title">
      <h3 id="facts-title" class="visually-hidden">
        Сведения о заявке
      </h3>
      <SummaryList rows={view.facts} />
      {view.can.extract && (
        <p>
          <a class="button" href={`/lk/applications/${view.id}/extract.pdf`}>
            Скачать выписку (PDF)
          </a>
        </p>
      )}
    </section>
  );
}
