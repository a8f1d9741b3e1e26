// Pieces both the cabinet and the back office show: the request's facts by kind, its status with the
// decision, its history and its attachments.
import { formatDate, formatDateTime } from "../../../shared/format.ts";
import { formatSnils } from "../../../shared/identifiers.ts";
import { SummaryList, type SummaryRow } from "../../../ui/summary-list.tsx";
import type { HistoryEntry } from "../../org-submissions/submission.repository.ts";
import { SubmissionHistory } from "../../org-submissions/views/submission-parts.tsx";
import type { OrganizationFileRow } from "../../organizations/activation.repository.ts";
import { type CorrectableField, correctableFields } from "../../organizations/corrections.service.ts";
import type { OrgRequestEventRow, OrgRequestRow } from "../org-requests.repository.ts";
import type { OrgRequestAction, OrgRequestStatus } from "../org-requests.schema.ts";
import { employeeFields, kindLabels, statusLabels, unitKindLabels } from "../org-requests.validation.ts";

const statusBadge: Record<OrgRequestStatus, string> = {
  submitted: "badge badge--warn",
  approved: "badge badge--ok",
  refused: "badge badge--bad",
};
const actionLabels: Record<OrgRequestAction, string> = {
  submitted: "Заявление подано",
  approved: "Заявление исполнено",
  refused: "В исполнении заявления отказано",
};

export function RequestStatus({ request }: { request: OrgRequestRow }) {
  return <span class={statusBadge[request.status]}>{statusLabels[request.status]}</span>;
}

const label = <T extends Record<string, string>>(labels: T, key: string | undefined): string =>
  key && Object.hasOwn(labels, key) ? (labels[key] as string) : "";

export function RequestFacts({ request }: { request: OrgRequestRow }) {
  const d = request.details;
  const byKind: SummaryRow[] =
    request.kind === "organization_data"
      ? [
          { label: "Какие сведения", value: label(correctableFields, d.field as CorrectableField) },
          { label: "Новое значение", value: d.proposedValue, breakWord: true },
        ]
      : request.kind === "employee_correction"
        ? [
            { label: "СНИЛС сотрудника", value: d.snils ? formatSnils(d.snils) : "" },
            { label: "Какие сведения", value: label(employeeFields, d.employeeField) },
            { label: "Как должно быть", value: d.proposedValue, breakWord: true },
          ]
        : [
            { label: "Подразделение", value: label(unitKindLabels, d.unitKind) },
            { label: "Наименование", value: d.unitName, breakWord: true },
            ...(d.address ? [{ label: "Адрес", value: d.address, breakWord: true }] : []),
            {
              label: request.kind === "unit_open" ? "Дата открытия" : "Дата закрытия",
              value: d.effectiveOn ? formatDate(d.effectiveOn) : "",
            },
          ];
  return (
    <SummaryList
      rows={[
        { label: "Заявление", value: kindLabels[request.kind] },
        ...byKind,
        d.comment ? { label: "Пояснение", value: d.comment, breakWord: true } : undefined,
        { label: "Подано", value: formatDateTime(request.createdAt) },
        { label: "Статус", value: <RequestStatus request={request} /> },
        request.decisionComment
          ? {
              label: request.status === "refused" ? "Причина отказа" : "Комментарий оператора",
              value: request.decisionComment,
              breakWord: true,
            }
          : undefined,
      ]}
    />
  );
}

export function RequestFiles(props: { files: readonly OrganizationFileRow[]; href: (id: string) => string }) {
  if (props.files.length === 0) return null;
  return (
    <ul>
      {props.files.map((file) => (
        <li key={file.id}>
          <a href={props.href(file.id)} class="break-word">
            {file.originalName}
          </a>
        </li>
      ))}
    </ul>
  );
}

export type RequestEvent = HistoryEntry<OrgRequestEventRow>;

export function RequestHistory({ events }: { events: readonly RequestEvent[] }) {
  return <SubmissionHistory events={events} labels={actionLabels} />;
}
