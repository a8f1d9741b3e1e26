// Form building blocks shared by the cabinet's pages: the error summary, labelled fields with their
// hint and error, and the one-time confirmation message. Ids follow `field-<name>` so that the
// summary links move the focus to the field.
import type { ComponentChildren } from "preact";

export interface FieldError {
  field: string;
  message: string;
}

export const fieldId = (name: string): string => `field-${name}`;

export function Flash({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p class="flash" role="status">
      {message}
    </p>
  );
}

export function ErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">Исправьте ошибки</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.field}>
            <a href={`#${fieldId(error.field)}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface TextFieldProps {
  name: string;
  label: string;
  value: string | undefined;
  error?: string | undefined;
  hint?: ComponentChildren;
  type?: "text" | "date";
  inputMode?: "numeric" | "text";
  autocomplete?: string;
  maxLength?: number;
  width?: "short" | "full";
}

export function TextField(props: TextFieldProps) {
  const id = fieldId(props.name);
  const describedBy = [props.hint ? `${id}-hint` : "", props.error ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  const attributes = {
    id,
    name: props.name,
    value: props.value ?? "",
    class: props.width === "short" ? "input--short" : undefined,
    inputMode: props.inputMode,
    autoComplete: props.autocomplete ?? "off",
    maxLength: props.maxLength,
    "aria-invalid": props.error ? ("true" as const) : undefined,
    "aria-describedby": describedBy || undefined,
    spellcheck: false,
  };
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
      {props.type === "date" ? <input type="date" {...attributes} /> : <input type="text" {...attributes} />}
    </div>
  );
}
