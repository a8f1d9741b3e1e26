// Form pieces shared by the sections of the application page.
import type { FieldError } from "../../../ui/form.tsx";
import { fieldId } from "../../../ui/form.tsx";
import type { ApplicationView, Option } from "./application.view.ts";

export interface SectionProps {
  view: ApplicationView;
  csrfToken: string;
  errors: readonly FieldError[];
  /** What the worker typed, shown again after a refused form. */
  values: Record<string, string>;
}

export const errorOf = (errors: readonly FieldError[], field: string) =>
  errors.find((error) => error.field === field)?.message;

export function Select(props: {
  name: string;
  label: string;
  options: Option[];
  value?: string;
  error?: string | undefined;
  placeholder?: string;
}) {
  const id = fieldId(props.name);
  return (
    <div class={props.error ? "field field--error" : "field"}>
      <label for={id}>{props.label}</label>
      {props.error && (
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden">Ошибка: </span>
          {props.error}
        </p>
      )}
      <select id={id} name={props.name} aria-describedby={props.error ? `${id}-error` : undefined}>
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value} key={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
