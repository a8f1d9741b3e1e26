// Form building blocks shared by the cabinet's pages: the error summary, labelled fields with their
// hint and error, and the one-time confirmation message. Ids follow `field-<name>` (or
// `field-<prefix>-<name>` where one page holds several forms with the same names) so that the summary
// links move the focus to the field and no id repeats on a page.
import type { ComponentChildren } from "preact";

export interface FieldError {
  field: string;
  message: string;
  /** Where the field is when it is on another page of a form split into steps; else `#field-…`. */
  href?: string | undefined;
}

export const fieldId = (name: string, idPrefix?: string): string =>
  idPrefix ? `field-${idPrefix}-${name}` : `field-${name}`;

/** The errors of one field, for the field itself (the summary lists them too). */
export function errorFor(errors: readonly FieldError[], field: string): string | undefined {
  const messages = errors.filter((error) => error.field === field).map((error) => error.message);
  return messages.length > 0 ? messages.join(" ") : undefined;
}

/** What a refused form comes back with: the typed values and the errors. */
export interface FormState<Values extends object = Record<string, string | undefined>> {
  values: Values;
  errors: readonly FieldError[];
}

/**
 * The props every field takes from a form's state, by field name:
 * `const bind = binder(form); <TextField {...bind("inn")} label="ИНН" />`.
 */
export function binder<Values extends object>(form: FormState<Values>, idPrefix?: string) {
  return (name: keyof Values & string) => {
    const value = form.values[name];
    return {
      name,
      value: value === undefined || value === null ? undefined : String(value),
      error: errorFor(form.errors, name),
      idPrefix,
    };
  };
}

export function Flash({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p class="flash" role="status">
      {message}
    </p>
  );
}

export function ErrorSummary({ errors, idPrefix }: { errors: readonly FieldError[]; idPrefix?: string }) {
  if (errors.length === 0) return null;
  const titleId = idPrefix ? `error-summary-${idPrefix}-title` : "error-summary-title";
  return (
    <div class="error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1}>
      <h2 id={titleId}>Исправьте ошибки</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.field}>
            <a href={error.href ?? `#${fieldId(error.field, idPrefix)}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What every field takes besides its control's own attributes. */
export interface FieldBase {
  name: string;
  label: string;
  hint?: ComponentChildren;
  error?: string | undefined;
  idPrefix?: string | undefined;
  /** An id of the caller's making, where the field's name repeats on the page (upload slots). */
  id?: string | undefined;
}

/** The ids of a field's hint and error, as its control's aria-describedby. */
export function describedBy(id: string, props: { hint?: unknown; error?: unknown }): string | undefined {
  const ids = [props.hint ? `${id}-hint` : "", props.error ? `${id}-error` : ""].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/** The hint and the error paragraphs that the control's aria-describedby points at. */
export function HintAndError({ id, hint, error }: { id: string; hint?: ComponentChildren; error?: string }) {
  return (
    <>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden">Ошибка: </span>
          {error}
        </p>
      )}
    </>
  );
}

/** Label, hint and error around a control; `children` receives the control's id and aria attributes. */
export function FieldShell(
  props: FieldBase & {
    children: (control: {
      id: string;
      "aria-invalid": "true" | undefined;
      "aria-describedby": string | undefined;
    }) => ComponentChildren;
  },
) {
  const id = props.id ?? fieldId(props.name, props.idPrefix);
  return (
    <div class={props.error ? "field field--error" : "field"}>
      <label for={id}>{props.label}</label>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      {props.children({
        id,
        "aria-invalid": props.error ? "true" : undefined,
        "aria-describedby": describedBy(id, props),
      })}
    </div>
  );
}

export interface TextFieldProps extends FieldBase {
  value: string | undefined;
  type?: "text" | "date" | "email" | "tel";
  inputMode?: "numeric" | "text" | "email" | "tel";
  autocomplete?: string;
  maxLength?: number;
  width?: "short" | "full";
  required?: boolean;
}

export function TextField(props: TextFieldProps) {
  return (
    <FieldShell {...props}>
      {(control) => {
        // id, name and value first: the markup reads (and is matched in tests) as before.
        const attributes = {
          id: control.id,
          name: props.name,
          value: props.value ?? "",
          class: props.width === "short" ? "input--short" : undefined,
          inputMode: props.inputMode,
          autoComplete: props.autocomplete ?? "off",
          maxLength: props.maxLength,
          required: props.required,
          "aria-invalid": control["aria-invalid"],
          "aria-describedby": control["aria-describedby"],
          spellcheck: false,
        };
        // Preact types each input type apart; email and tel take the same attributes as text.
        return props.type === "date" ? (
          <input type="date" {...attributes} />
        ) : (
          <input type={(props.type ?? "text") as "text"} {...attributes} />
        );
      }}
    </FieldShell>
  );
}

/** A date (ГГГГ-ММ-ДД in the value; the browser shows ДД.ММ.ГГГГ), short by default. */
export function DateField(props: Omit<TextFieldProps, "type" | "inputMode" | "maxLength">) {
  return <TextField width="short" {...props} type="date" />;
}
