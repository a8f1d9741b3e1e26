import { ErrorSummary, fieldId } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { workerNavigation } from "../../home/navigation.ts";
import type { FieldError, UploadFormView } from "./documents.view.ts";

const typeId = fieldId("documentType");
const fileId = fieldId("file");

export function UploadPage({ ctx, view }: { ctx: PageContext; view: UploadFormView }) {
  const errorOf = (field: FieldError["field"]) => view.errors.find((error) => error.field === field)?.message;
  const typeError = errorOf("documentType");
  const fileError = errorOf("file");
  return (
    <Layout
      ctx={ctx}
      title={view.errors.length > 0 ? "Ошибка: загрузка документа" : "Загрузка документа"}
      nav={workerNavigation}
    >
      <p>
        <a href="/lk/documents">← Мои документы</a>
      </p>
      <h1>Загрузка документа</h1>
      <ErrorSummary errors={view.errors} />
      {/* The multipart body is read after the CSRF check, so the token travels in the address. */}
      <form
        method="post"
        action={`/lk/documents/upload?_csrf=${encodeURIComponent(ctx.csrfToken)}`}
        enctype="multipart/form-data"
        class="card"
      >
        <div class={typeError ? "field field--error" : "field"}>
          <label for={typeId}>Тип документа</label>
          {typeError && (
            <p class="field__error" id={`${typeId}-error`}>
              <span class="visually-hidden">Ошибка: </span>
              {typeError}
            </p>
          )}
          <select
            id={typeId}
            name="documentType"
            required
            aria-invalid={typeError ? "true" : undefined}
            aria-describedby={typeError ? `${typeId}-error` : undefined}
          >
            <option value="">Выберите тип документа</option>
            {view.options.map((option) => (
              <option key={option.code} value={option.code} selected={option.selected}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div class={fileError ? "field field--error" : "field"}>
          <label for={fileId}>Файл</label>
          <p class="hint" id={`${fileId}-hint`}>
            PDF, JPG или PNG, не больше {view.maxSize}. PDF не должен быть защищён паролем.
          </p>
          {fileError && (
            <p class="field__error" id={`${fileId}-error`}>
              <span class="visually-hidden">Ошибка: </span>
              {fileError}
            </p>
          )}
          <input
            type="file"
            id={fileId}
            name="file"
            required
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            aria-invalid={fileError ? "true" : undefined}
            aria-describedby={fileError ? `${fileId}-hint ${fileId}-error` : `${fileId}-hint`}
          />
        </div>
        <p class="actions">
          <button type="submit" class="button">
            Загрузить
          </button>
          <a href="/lk/documents">Отмена</a>
        </p>
      </form>
    </Layout>
  );
}
