// Form pieces of the support pages that src/ui/form.tsx does not have: a text area, a select and the
// file input, with the same ids, hints and error markup as the shared fields.
import type { ComponentChildren } from "preact";
import { type FieldError, fieldId } from "../../../ui/form.tsx";

export const errorOf = (errors: readonly FieldError[], field: string): string | undefined =>
  errors
    .filter((error) => error.field === field)
    .map((error) => error.message)
    .join(" ") || undefined;

function Frame(props: {
  name: string;
  label: string;
  hint?: ComponentChildren;
  error?: string | undefined;
  children: ComponentChildren;
}) {
  const id = fieldId(props.name);
  return (
    <div class={props.error ? "field field--error" : "field"}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden">Ошибка: </span>
          {props.error}
        </p>
      )}
      {props.children}
    </div>
  );
}

const describedBy = (name: string, hint: unknown, error: unknown) =>
  [hint ? `${fieldId(name)}-hint` : "", error ? `${fieldId(name)}-error` : ""].filter(Boolean).join(" ") ||
  undefined;

export function TextArea(props: {
  name: string;
  label: string;
  value: string | undefined;
  error?: string | undefined;
  hint?: ComponentChildren;
  rows?: number;
  maxLength?: number;
}) {
  return (
    <Frame {...props}>
      <textarea
        id={fieldId(props.name)}
        name={props.name}
        rows={props.rows ?? 5}
        maxLength={props.maxLength ?? 4000}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(props.name, props.hint, props.error)}
      >
        {props.value ?? ""}
      </textarea>
    </Frame>
  );
}

export function SelectField(props: {
  name: string;
  label: string;
  value: string | undefined;
  options: Record<string, string>;
  placeholder?: string;
  error?: string | undefined;
}) {
  return (
    <Frame {...props}>
      <select
        id={fieldId(props.name)}
        name={props.name}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(props.name, undefined, props.error)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {Object.entries(props.options).map(([value, label]) => (
          <option value={value} selected={props.value === value} key={value}>
            {label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** Three file inputs: one file each, so that the form works without JavaScript everywhere. */
export function FilesField({ error }: { error?: string | undefined }) {
  const hint =
    "До трёх файлов: снимки экрана или документы в формате PNG, JPG или PDF, не больше 5 МБ каждый.";
  return (
    <fieldset class={error ? "field field--error" : "field"} id={fieldId("files")}>
      <legend>Снимки экрана и файлы (необязательно)</legend>
      <p class="hint">{hint}</p>
      {error && (
        <p class="field__error">
          <span class="visually-hidden">Ошибка: </span>
          {error}
        </p>
      )}
      {[1, 2, 3].map((index) => (
        <p key={index}>
          <label for={`field-file-${index}`} class="visually-hidden">{`Файл ${index}`}</label>
          <input
            type="file"
            id={`field-file-${index}`}
            name={`file${index}`}
            accept=".png,.jpg,.jpeg,.pdf,image/png,image/jpeg,application/pdf"
          />
        </p>
      ))}
    </fieldset>
  );
}
