import { FormActions } from "../../../ui/actions.tsx";
import { FileField, SelectField } from "../../../ui/fields.tsx";
import { ErrorSummary, errorFor } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { workerNavigation } from "../../home/navigation.ts";
import type { UploadFormView, UploadSummary } from "./documents.view.ts";

export function UploadPage({ ctx, view }: { ctx: PageContext; view: UploadFormView }) {
  const failed = view.errors.length > 0 || (view.outcome?.refused.length ?? 0) > 0;
  return (
    <Layout
      ctx={ctx}
      title={failed ? "Ошибка: загрузка документа" : "Загрузка документа"}
      nav={workerNavigation}
    >
      <p>
        <a href="/lk/documents">← Мои документы</a>
      </p>
      <h1>Загрузка документа</h1>
      <ErrorSummary errors={view.errors} />
      {view.outcome && <UploadOutcome outcome={view.outcome} />}
      {/* The multipart body is read after the CSRF check, so the token travels in the address. */}
      <form
        method="post"
        action={`/lk/documents/upload?_csrf=${encodeURIComponent(ctx.csrfToken)}`}
        enctype="multipart/form-data"
        class="card"
      >
        <SelectField
          name="documentType"
          label="Тип документа"
          placeholder="Выберите тип документа"
          value={view.options.find((option) => option.selected)?.code}
          options={view.options.map((option) => ({ value: option.code, label: option.label }))}
          error={errorFor(view.errors, "documentType")}
        />
        <FileField
          name="file"
          label="Файлы"
          hint={`PDF, JPG или PNG, каждый не больше ${view.maxSize}. PDF не должен быть защищён паролем. Можно выбрать до ${view.maxFiles} файлов одного типа сразу, например страницы паспорта.`}
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          multiple
          error={errorFor(view.errors, "file")}
        />
        <FormActions label="Загрузить" cancelHref="/lk/documents" />
      </form>
    </Layout>
  );
}

/** Which files of a several-file upload were kept and which were not, each by its name. */
function UploadOutcome({ outcome }: { outcome: UploadSummary }) {
  return (
    <section class="notice" aria-labelledby="refused-title" role="alert">
      <h2 id="refused-title">Не все файлы приняты</h2>
      {outcome.accepted.length > 0 && <p>{outcome.acceptedMessage}</p>}
      <p>Эти файлы не сохранены. Исправьте причину и загрузите их снова:</p>
      <ul class="break-word">
        {outcome.refused.map((file, index) => (
          <li key={`${index}-${file.name}`}>
            <strong>«{file.name}»</strong> — {file.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
