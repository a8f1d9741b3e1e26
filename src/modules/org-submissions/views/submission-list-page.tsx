// The cabinet's list of an organization's submissions (its licences, its requests): what the section
// is for, the way to add one when the actor may, and the table.
import type { ComponentChildren } from "preact";
import type { PageContext } from "../../../ui/layout.tsx";
import { type Column, DataTable } from "../../../ui/table.tsx";
import type { CabinetActor } from "../../organizations/cabinet.guard.tsx";
import { CabinetPage } from "../../organizations/views/cabinet-page.tsx";

export function SubmissionListPage<Row extends { id: string }>(props: {
  ctx: PageContext;
  actor: CabinetActor;
  flash?: string | undefined;
  title: string;
  lead: ComponentChildren;
  /** The link to the form of a new one; false when the actor may not add. */
  add: { href: string; label: string } | false;
  caption: string;
  rows: readonly Row[];
  empty: string;
  columns: readonly Column<Row>[];
}) {
  return (
    <CabinetPage ctx={props.ctx} actor={props.actor} title={props.title} flash={props.flash}>
      <h1>{props.title}</h1>
      <p class="lead">{props.lead}</p>
      {props.add && (
        <p>
          <a class="button" href={props.add.href}>
            {props.add.label}
          </a>
        </p>
      )}
      <DataTable
        caption={props.caption}
        stacked
        rows={props.rows}
        rowKey={(row) => row.id}
        empty={props.empty}
        columns={props.columns}
      />
    </CabinetPage>
  );
}
