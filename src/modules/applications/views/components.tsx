// Pieces shared by the pages of applications, approvals and the back office.
import type { ComponentChildren } from "preact";
import { formatDateTime, fullName } from "../../../shared/format.ts";
import type { EventRow } from "../applications.repository.ts";
import {
  type ApplicationAction,
  type ApplicationStatus,
  actionLabels,
  type NoteAction,
  noteLabels,
  roleLabels,
  statusLabels,
} from "../applications.status.ts";

const badgeClasses: Partial<Record<ApplicationStatus, string>> = {
  agreement_refused: "badge badge--warn",
  documents_requested: "badge badge--warn",
  approved: "badge badge--ok",
  rejected: "badge badge--bad",
};

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  return <span class={badgeClasses[status] ?? "badge"}>{statusLabels[status]}</span>;
}

export interface HistoryEntry {
  event: EventRow;
  actor: { lastName: string; firstName: string; middleName: string | null } | null;
}

export function historyLabel(action: string): string {
  return actionLabels[action as ApplicationAction] ?? noteLabels[action as NoteAction] ?? action;
}

/** «История изменений» (W12): when, what, who. */
export function History({ entries }: { entries: readonly HistoryEntry[] }) {
  return (
    <section class="card" aria-labelledby="history-title">
      <h2 id="history-title">История изменений</h2>
      <ol class="journal">
        {entries.map(({ event, actor }) => (
          <li class="journal__item" key={event.id}>
            <time class="journal__time" dateTime={event.occurredAt.toISOString()}>
              {formatDateTime(event.occurredAt)}
            </time>
            <span>
              {historyLabel(event.action)}
              {event.comment && <span class="muted break-word"> — {event.comment}</span>}
            </span>
            <span class="muted">
              {roleLabels[event.actorRole]}
              {actor ? `: ${fullName(actor)}` : ""}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A POST button form with the CSRF token. */
export function ActionButton(props: {
  action: string;
  csrfToken: string;
  label: string;
  variant?: "secondary" | "danger";
  hidden?: Record<string, string>;
}) {
  return (
    <form method="post" action={props.action}>
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} key={name} />
      ))}
      <button type="submit" class={props.variant ? `button button--${props.variant}` : "button"}>
        {props.label}
      </button>
    </form>
  );
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
