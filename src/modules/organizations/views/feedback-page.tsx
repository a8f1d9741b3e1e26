// «Обратная связь»: a request to correct the organization's data (O5), seen by the operators.
import { FormActions, PostForm } from "../../../ui/actions.tsx";
import { FieldList, type FieldSpec, optionsOfLabels } from "../../../ui/field-list.tsx";
import { binder, ErrorSummary, type FieldError } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import type { CabinetActor } from "../cabinet.guard.tsx";
import { correctableFields } from "../corrections.service.ts";
import { CabinetPage } from "./cabinet-page.tsx";

/** What is wrong, how it should read, and on what grounds. */
const fields: readonly FieldSpec<string>[] = [
  {
    control: "select",
    name: "field",
    label: "Какие сведения неверны",
    placeholder: "Выберите",
    options: optionsOfLabels(correctableFields),
  },
  { control: "textarea", name: "proposedValue", label: "Как должно быть правильно", rows: 2, maxLength: 500 },
  {
    control: "textarea",
    name: "comment",
    label: "Комментарий (необязательно)",
    hint: "Например, на основании какого документа сведения должны быть другими.",
    maxLength: 2000,
  },
];

export function FeedbackPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  values: Record<string, string | undefined>;
  errors: readonly FieldError[];
  flash?: string | undefined;
}) {
  const { errors } = props;
  const bind = binder(props);
  return (
    <CabinetPage ctx={props.ctx} actor={props.actor} title="Обратная связь" flash={props.flash}>
      <h1>Обратная связь</h1>
      <p class="lead">
        Если сведения об организации в кабинете неверны, сообщите, как должно быть правильно. Запрос
        рассмотрит оператор, ответ придёт в уведомления кабинета. Ход рассмотрения виден в разделе{" "}
        <a href="/org/status">«Просмотр статуса»</a>.
      </p>
      <ErrorSummary errors={errors} />
      <PostForm action="/org/feedback" class="card" csrfToken={props.ctx.csrfToken}>
        <FieldList bind={bind} fields={fields} />
        <FormActions label="Отправить" />
      </PostForm>
    </CabinetPage>
  );
}
