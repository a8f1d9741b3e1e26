// A definition list of label → value, optionally with an «Изменить» link per row (the review step of
// a form, a card of facts).
import type { ComponentChildren } from "preact";

export interface SummaryRow {
  label: string;
  value: ComponentChildren;
  /** Where the value is changed; the link's text names the row for screen readers. */
  changeHref?: string;
  /** Long unbroken values (file names, addresses) wrap anywhere. */
  breakWord?: boolean;
}

export function SummaryList(props: { rows: readonly (SummaryRow | false | undefined)[]; class?: string }) {
  const rows = props.rows.filter((row): row is SummaryRow => Boolean(row));
  if (rows.length === 0) return null;
  return (
    <dl class={props.class ? `facts ${props.class}` : "facts"}>
      {rows.map((row) => [
        <dt key={`${row.label}-label`}>{row.label}</dt>,
        <dd key={`${row.label}-value`} class={row.breakWord ? "break-word" : undefined}>
          {row.value}
          {row.changeHref && (
            <>
              {" "}
              <a class="summary-change" href={row.changeHref}>
                Изменить<span class="visually-hidden"> ({row.label.toLowerCase()})</span>
              </a>
            </>
          )}
        </dd>,
      ])}
    </dl>
  );
}
