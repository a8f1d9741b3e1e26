// Pieces shared by the pages of applications, approvals and the back office.
import { formatDateTime, fullName } from "../../../shared/format.ts";
import { TextAreaField } from "../../../ui/fields.tsx";
import type { FieldBase } from "../../../ui/form.tsx";
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

/** A comment or reason written to the other side: three rows, up to the 2000 characters the services accept. */
export function CommentField(props: FieldBase & { value: string | undefined }) {
  return <TextAreaField {...props} rows={3} maxLength={2000} />;
}
