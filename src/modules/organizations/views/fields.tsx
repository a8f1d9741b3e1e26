// Form fields beyond the shared text field: select, text area, file, check boxes and radio buttons,
// with the same label, hint and error markup (ids `field-<name>` for the error summary links).
import type { ComponentChildren } from "preact";
import { type FieldError, fieldId } from "../../../ui/form.tsx";

interface FieldShellProps {
  name: string;
  label: string;
  hint?: ComponentChildren;
  error?: string | undefined;
  children: (describedBy: string | undefined) => ComponentChildren;
}

/** Label, hint and error around a control; `children` receives the aria-describedby value. */
function FieldShell(props: FieldShellProps) {
  const id = fieldId(props.name);
  const describedBy = [props.hint ? `${id}-hint` : "", props.error ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ");
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
      {props.children(describedBy || undefined)}
    </div>
  );
}

export function SelectField(props: {
  name: string;
  label: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  error?: string | undefined;
  hint?: ComponentChildren;
  placeholder?: string;
}) {
  return (
    <FieldShell name={props.name} label={props.label} hint={props.hint} error={props.error}>
      {(describedBy) => (
        <select
          id={fieldId(props.name)}
          name={props.name}
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={describedBy}
        >
          {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
          {props.options.map((option) => (
            <option key={option.value} value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function TextAreaField(props: {
  name: string;
  label: string;
  value: string | undefined;
  error?: string | undefined;
  hint?: ComponentChildren;
  rows?: number;
  maxLength?: number;
}) {
  return (
    <FieldShell name={props.name} label={props.label} hint={props.hint} error={props.error}>
      {(describedBy) => (
        <textarea
          id={fieldId(props.name)}
          name={props.name}
          rows={props.rows ?? 4}
          maxLength={props.maxLength}
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={describedBy}
        >
          {props.value ?? ""}
        </textarea>
      )}
    </FieldShell>
  );
}

export function FileField(props: {
  name: string;
  label: string;
  accept: string;
  error?: string | undefined;
  hint?: ComponentChildren;
  multiple?: boolean;
}) {
  return (
    <FieldShell name={props.name} label={props.label} hint={props.hint} error={props.error}>
      {(describedBy) => (
        <input
          id={fieldId(props.name)}
          name={props.name}
          type="file"
          accept={props.accept}
          multiple={props.multiple}
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldShell>
  );
}

/** A group of check boxes (`multiple`) or radio buttons sharing one name. */
export function ChoiceField(props: {
  name: string;
  legend: string;
  type: "checkbox" | "radio";
  options: readonly { value: string; label: string }[];
  checked: readonly string[];
  error?: string | undefined;
}) {
  const id = fieldId(props.name);
  return (
    <fieldset class={props.error ? "field choices field--error" : "field choices"} id={id}>
      <legend>{props.legend}</legend>
      {props.error && (
        <p class="field__error">
          <span class="visually-hidden">Ошибка: </span>
          {props.error}
        </p>
      )}
      {props.options.map((option) => (
        <label class="choice" key={option.value}>
          <input
            type={props.type}
            name={props.name}
            value={option.value}
            checked={props.checked.includes(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The errors of one field, for the field itself (the summary lists them too). */
export function errorFor(errors: readonly FieldError[], field: string): string | undefined {
  const messages = errors.filter((error) => error.field === field).map((error) => error.message);
  return messages.length > 0 ? messages.join(" ") : undefined;
}
