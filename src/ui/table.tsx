// Data tables: column headings and cells from one list of columns, so the stacked phone layout's
// `data-label` always matches the heading.
import type { ComponentChildren } from "preact";

export interface Column<Row> {
  label: string;
  cell: (row: Row) => ComponentChildren;
  class?: string;
}

/** A table that may scroll sideways on a phone: a named region that the keyboard can reach. */
export function TableRegion({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section class="table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

export function DataTable<Row>(props: {
  /** Names the table (visually hidden caption) and its scrolling region. */
  caption: string;
  /** Names the scrolling region when a shorter name than the caption suits it. */
  region?: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  /** On a phone each row becomes a card of «heading: value» lines. */
  stacked?: boolean;
  /** Shown instead of the table when there are no rows. */
  empty?: ComponentChildren;
}) {
  if (props.rows.length === 0 && props.empty !== undefined) return <p>{props.empty}</p>;
  return (
    <TableRegion label={props.region ?? props.caption}>
      <table class={props.stacked ? "table--stacked" : undefined}>
        <caption class="visually-hidden">{props.caption}</caption>
        <ColumnHeadings columns={props.columns} />
        <tbody>
          {props.rows.map((row, index) => (
            <tr key={props.rowKey(row, index)}>
              {props.columns.map((column) => (
                <td
                  key={column.label}
                  class={column.class}
                  data-label={props.stacked ? column.label : undefined}
                >
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** The heading row of a table drawn from a list of columns. */
export function ColumnHeadings<Row>({ columns }: { columns: readonly Column<Row>[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th scope="col" key={column.label}>
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** The heading row of a hand-built table whose cells are not drawn from columns. */
export function Headings({ labels }: { labels: readonly string[] }) {
  return (
    <thead>
      <tr>
        {labels.map((label) => (
          <th scope="col" key={label}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
