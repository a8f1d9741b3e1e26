// One slot of the application on its own page: choose a document of a fitting type from «Мои
// документы», or upload a new one. Only here the list of documents is rendered, and only the fitting
// ones, so the step pages stay short however many documents the worker keeps.
import { BackLink, FormActions, PostForm } from "../../../ui/actions.tsx";
import { FileField, type Option, SelectField } from "../../../ui/fields.tsx";
import { ErrorSummary, errorFor, type FieldError, Flash } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { workerNavigation } from "../../home/navigation.ts";
import type { ApplicationView, SlotView } from "./application.view.ts";
import { uploadAccept } from "./fields.tsx";
import { stepHref, stepLabels } from "./steps.ts";

export function SlotChoicePage({
  ctx,
  view,
  slot,
  choices,
  errors = [],
  flash,
}: {
  ctx: PageContext;
  view: ApplicationView;
  slot: SlotView;
  choices: readonly Option[];
  errors?: readonly FieldError[];
  flash?: string | undefined;
}) {
  const base = `/lk/applications/${view.id}`;
  const step = view.periodic && slot.id === "report" ? "report" : "documents";
  const back = `${stepHref(view.id, step)}#field-slot-${slot.id}`;
  return (
    <Layout ctx={ctx} title={`${view.title}: ${slot.label}`} nav={workerNavigation}>
      <BackLink href={back}>
        {view.title}, шаг «{stepLabels[step]}»
      </BackLink>
      <h1>{slot.label}</h1>
      <Flash message={flash} />
      <ErrorSummary errors={errors} />
      {slot.attached.length > 0 && (
        <p>Уже прикреплено: {slot.attached.map((item) => `«${item.name}»`).join(", ")}.</p>
      )}
      <section class="card" aria-labelledby="choose-title">
        <h2 id="choose-title">Выбрать из «Моих документов»</h2>
        {choices.length === 0 ? (
          <p class="muted">
            В «Моих документах» нет документов подходящего типа
            {slot.types.length > 0 ? ` (${slot.types.map((type) => `«${type.label}»`).join(" или ")})` : ""}.
            Загрузите документ ниже.
          </p>
        ) : (
          <PostForm action={`${base}/attachments`} csrfToken={ctx.csrfToken} hidden={{ slotId: slot.id }}>
            <SelectField
              name={`document-${slot.id}`}
              id={`field-slot-${slot.id}`}
              label="Документ"
              hint="Показаны только документы подходящего типа."
              value={undefined}
              options={choices}
              error={errorFor(errors, `slot-${slot.id}`)}
            />
            <FormActions label="Прикрепить" cancelHref={back} />
          </PostForm>
        )}
      </section>
      <section class="card" aria-labelledby="upload-title">
        <h2 id="upload-title">Загрузить новый документ</h2>
        <p class="muted">Он сохранится и в «Моих документах».</p>
        <PostForm action={`${base}/slots/${slot.id}/upload`} csrfToken={ctx.csrfToken} multipart>
          <SelectField
            name={`type-${slot.id}`}
            label="Тип документа"
            value={undefined}
            options={slot.types}
          />
          <FileField
            name="file"
            id={`field-file-${slot.id}`}
            label="Файл PDF, JPG или PNG, не больше 5 МБ"
            accept={uploadAccept}
            error={errorFor(errors, `file-${slot.id}`)}
          />
          <FormActions label="Загрузить и прикрепить" variant="secondary" cancelHref={back} />
        </PostForm>
      </section>
    </Layout>
  );
}
