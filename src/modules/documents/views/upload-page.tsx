import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { workerNavigation } from "../../home/navigation.ts";
import type { FieldError, UploadFormView } from "./documents.view.ts";

const fieldIds = { documentType: "documentType", file: "file" } as const;

export function UploadPage({ ctx, view }: { ctx: PageContext; view: UploadFormView }) {
  const errorOf = (field: FieldError["field"]) => view.errors.find((error) => error.field === field)?.message;
  const typeError = errorOf("documentType");
  const fileError = errorOf("file");
  return (
    <Layout ctx={ctx} title={view.errors.length > 0 ? "Ошибка: загрузка документа" : "Загрузка документа"} nav={workerNavigation}>
      <p>
        <a href="/lk/documents">← Мои документы</a>
      </p>
      <h1>Загрузка документа</h1>
      {view.errors.length > 0 && <ErrorSummary errors={view.errors} />}
      {/* The multipart body is read after the CSRF check, so the token travels in the address. */}
      <form
        method="post"
        action={`/lk/documents/upload?_csrf=${encodeURIComponent(ctx.csrfToken)}`}
        enctype="multipart/form-data"
        class="card"
      >
        <div class={typeError ? "field field--error" : "field"}>
          <label for={fieldIds.documentType}>Тип документа</label>
          {typeError && (
            <p class="field__error" id="documentType-error">
              <span class="visually-hidden">Ошибка: </span>
              {typeError}
            </p>
          )}
          <select
            id={fieldIds.documentType}
            name="documentType"
            required
            aria-invalid={typeError ? "true" : undefined}
            aria-describedby={typeError ? "documentType-error" : undefined}
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
          <label for={fieldIds.file}>Файл</label>
          <p class="hint" id="file-hint">
            PDF, JPG или PNG, не больше {view.maxSize}. PDF не должен быть защищён паролем.
          </p>
          {fileError && (
            <p class="field__error" id="file-error">
              <span class="visually-hidden">Ошибка: </span>
              {fileError}
            </p>
          )}
          <input
            type="file"
            id={fieldIds.file}
            name="file"
            required
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            aria-invalid={fileError ? "true" : undefined}
            aria-describedby={fileError ? "file-hint file-error" : "file-hint"}
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

function ErrorSummary({ errors }: { errors: FieldError[] }) {
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">Документ не загружен</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.field}>
            <a href={`#${fieldIds[error.field]}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
