// Form building blocks: visible labels, an error summary whose items link to the fields, and
// per-field errors tied to the input with aria-describedby.
import type { ComponentChildren } from "preact";
import { type Column, ColumnHeadings } from "../../ui/table.tsx";

export interface FieldError {
  field: string;
  message: string;
}

export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">Проверьте введённые данные</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.field}>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface TextFieldProps {
  name: string;
  label: string;
  value?: string;
  type?: "text" | "password" | "email" | "tel";
  autocomplete?: string;
  inputmode?: "numeric" | "text" | "email" | "tel";
  hint?: string;
  errors: FieldError[];
}

export function TextField({
  name,
  label,
  value,
  type = "text",
  autocomplete,
  inputmode,
  hint,
  errors,
}: TextFieldProps) {
  const error = errors.find((e) => e.field === name);
  const describedBy = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class={error ? "field field-error" : "field"}>
      <label for={name}>{label}</label>
      {hint ? (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error-message" id={`${name}-error`}>
          {error.message}
        </p>
      ) : null}
      <input
        id={name}
        name={name}
        // preact types <input> as a union discriminated by `type`; this one component serves four of them.
        type={type as "text"}
        value={type === "password" ? undefined : (value ?? "")}
        autocomplete={autocomplete}
        inputmode={inputmode}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}

/** A POST form carrying its anti-CSRF token and, when given, the pending request or flow. */
export function Form(props: {
  action: string;
  csrf: string;
  hidden?: Record<string, string | undefined>;
  children: ComponentChildren;
  class?: string;
}) {
  return (
    <form method="post" action={props.action} class={props.class} novalidate>
      <input type="hidden" name="csrf" value={props.csrf} />
      {Object.entries(props.hidden ?? {}).map(([name, value]) =>
        value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
      )}
      {props.children}
    </form>
  );
}

export function Button({
  children,
  secondary,
  name,
  value,
}: {
  children: ComponentChildren;
  secondary?: boolean;
  name?: string;
  value?: string;
}) {
  return (
    <button type="submit" class={secondary ? "button button-secondary" : "button"} name={name} value={value}>
      {children}
    </button>
  );
}

/** A table of the stand-in's pages: headings and cells from one list of columns. */
export function StandinTable<Row>(props: {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** On a phone each row becomes a stack of its cells. */
  stack?: boolean;
}) {
  return (
    <div class="table-wrap">
      <table class={props.stack ? "stack" : undefined}>
        <ColumnHeadings columns={props.columns} />
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)}>
              {props.columns.map((column) => (
                <td key={column.label}>{column.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
