import { ConfirmPage } from "../../../ui/confirm-page.tsx";
import { TextAreaField } from "../../../ui/fields.tsx";
import { ErrorSummary, type FieldError, fieldId } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { SummaryList } from "../../../ui/summary-list.tsx";
import { workerNavigation } from "../../home/navigation.ts";
import type { ApplicationView } from "./application.view.ts";
import { problemHref, stepHref } from "./steps.ts";

export function SubmitPage({
  ctx,
  view,
  errors = [],
}: {
  ctx: PageContext;
  view: ApplicationView;
  errors?: readonly FieldError[];
}) {
  const base = `/lk/applications/${view.id}`;
  const problems = errors.length > 0 ? errors : view.problems;
  const agreementMode = view.agreement.modes.find((mode) => mode.value === view.agreement.mode)?.label;
  const attached = view.slots.flatMap((slot) =>
    slot.attached.map((item) => ({ slot: slot.label, name: item.name })),
  );
  return (
    <Layout ctx={ctx} title="Отправка заявки" nav={workerNavigation}>
      <p>
        <a href={base}>← Вернуться к заявке</a>
      </p>
      <h1>Проверьте заявку перед отправкой</h1>
      <ErrorSummary
        errors={problems.map((problem) => ({
          field: problem.field,
          message: problem.message,
          href: problemHref(view.id, problem.field),
        }))}
      />
      <section class="card" aria-labelledby="summary-title">
        <h2 id="summary-title">{view.title}</h2>
        <SummaryList
          rows={[
            ...view.facts,
            view.portfolio && {
              label: "Повышение квалификации за период",
              // «из N академических часов»: after «из» the genitive plural is right for every N.
              value: `${view.portfolio.totalHours} из ${view.portfolio.requiredHours} академических часов`,
            },
            view.portfolio && {
              label: "Согласование отчёта",
              value: `${agreementMode ?? "не указано"}${agreementNote(view.status)}`,
            },
          ]}
        />
        <h3>Прикреплённые документы</h3>
        <ul>
          {attached.map((item) => (
            <li key={item.slot + item.name}>
              {item.slot}: {item.name}
            </li>
          ))}
        </ul>
      </section>
      {problems.length === 0 ? (
        <form method="post" action={`${base}/submit`} class="actions">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <p id={fieldId("confirm")}>
            После отправки заявку нельзя изменить: её рассмотрит аккредитационная комиссия. Документы заявки
            нельзя будет удалить из «Моих документов», пока по ней не принято решение.
          </p>
          <button type="submit" class="button button--large">
            Подтвердить и отправить
          </button>
          <a href={base}>Отмена</a>
        </form>
      ) : (
        <p>
          <a class="button" href={stepHref(view.id, "check")}>
            Вернуться и исправить
          </a>
        </p>
      )}
    </Layout>
  );
}

/** How far the head's agreement went, after the chosen mode. */
const agreementNote = (status: ApplicationView["status"]) =>
  status === "agreed" ? " — согласовано" : status === "agreement_refused" ? " — отказано" : "";

export function WithdrawPage({ ctx, view }: { ctx: PageContext; view: ApplicationView }) {
  const base = `/lk/applications/${view.id}`;
  return (
    <ConfirmPage
      ctx={ctx}
      title="Отзыв заявки"
      nav={workerNavigation}
      question={`Отозвать заявку № ${view.number}?`}
      action={`${base}/withdraw`}
      confirmLabel="Отозвать заявку"
      variant="danger"
      cancelHref={base}
      fields={
        <TextAreaField name="reason" label="Причина (необязательно)" value="" rows={3} maxLength={1000} />
      }
    >
      <p>
        Отозванную заявку нельзя вернуть: при необходимости создайте новую. Она останется в списке «Мои
        заявки».
      </p>
    </ConfirmPage>
  );
}
