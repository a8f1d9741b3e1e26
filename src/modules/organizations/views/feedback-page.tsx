// «Обратная связь»: a request to correct the organization's data (O5), seen by the operators.
import { ErrorSummary, type FieldError } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import type { CabinetActor } from "../cabinet.guard.tsx";
import { correctableFields } from "../corrections.service.ts";
import { CabinetPage } from "./cabinet-page.tsx";
import { errorFor, SelectField, TextAreaField } from "./fields.tsx";

export function FeedbackPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  values: Record<string, string | undefined>;
  errors: readonly FieldError[];
  flash?: string | undefined;
}) {
  const { values, errors } = props;
  return (
    <CabinetPage ctx={props.ctx} actor={props.actor} title="Обратная связь" flash={props.flash}>
      <h1>Обратная связь</h1>
      <p class="lead">
        Если сведения об организации в кабинете неверны, сообщите, как должно быть правильно. Запрос
        рассмотрит оператор, ответ придёт в уведомления кабинета. Ход рассмотрения виден в разделе{" "}
        <a href="/org/status">«Просмотр статуса»</a>.
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/org/feedback" class="card" novalidate>
        <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
        <SelectField
          name="field"
          label="Какие сведения неверны"
          value={values.field}
          placeholder="Выберите"
          options={Object.entries(correctableFields).map(([value, label]) => ({ value, label }))}
          error={errorFor(errors, "field")}
        />
        <TextAreaField
          name="proposedValue"
          label="Как должно быть правильно"
          value={values.proposedValue}
          rows={2}
          maxLength={500}
          error={errorFor(errors, "proposedValue")}
        />
        <TextAreaField
          name="comment"
          label="Комментарий (необязательно)"
          hint="Например, на основании какого документа сведения должны быть другими."
          value={values.comment}
          maxLength={2000}
          error={errorFor(errors, "comment")}
        />
        <button type="submit" class="button">
          Отправить
        </button>
      </form>
    </CabinetPage>
  );
}
