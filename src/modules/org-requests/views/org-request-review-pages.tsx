// The back office's side of organizations' requests: the queue and one request with its documents
// and the decision form.
import { formatDateTime } from "../../../shared/format.ts";
import {
  DecisionForm,
  SubmissionQueuePage,
  SubmissionReviewPage,
} from "../../org-submissions/views/submission-parts.tsx";
import {
  organizationColumn,
  type QueuePageProps,
  type ReviewPageProps,
} from "../../org-submissions/views/submission-review-props.ts";
import type { OrgRequestRow } from "../org-requests.repository.ts";
import { kindLabels } from "../org-requests.validation.ts";
import { type RequestEvent, RequestFacts, RequestFiles, RequestHistory } from "./org-request-parts.tsx";

type Entry = { request: OrgRequestRow; organizationName: string };

export function RequestsToDecidePage(props: QueuePageProps<Entry>) {
  return (
    <SubmissionQueuePage
      ctx={props.ctx}
      title="Заявления организаций"
      lead="Заявления, поданные организациями от своего имени: сверьте с документами и примите решение."
      flash={props.flash}
      caption="Заявления, ожидающие решения"
      entries={props.entries}
      entryKey={(entry) => entry.request.id}
      empty="Заявлений, ожидающих решения, нет."
      columns={[
        organizationColumn,
        {
          label: "Заявление",
          cell: (entry) => (
            <a href={`/review/org-requests/${entry.request.id}`}>{kindLabels[entry.request.kind]}</a>
          ),
        },
        { label: "Суть", cell: (entry) => <span class="break-word">{entry.request.summary}</span> },
        { label: "Подано", cell: (entry) => formatDateTime(entry.request.createdAt) },
      ]}
    />
  );
}

export function RequestReviewPage(props: ReviewPageProps<Entry> & { events: readonly RequestEvent[] }) {
  const { request, organizationName } = props.entry;
  return (
    <SubmissionReviewPage
      ctx={props.ctx}
      title={kindLabels[request.kind]}
      heading={<h1>{kindLabels[request.kind]}</h1>}
      back={{ href: "/review/org-requests", label: "Заявления организаций" }}
      organizationName={organizationName}
      errors={props.errors}
      factsTitle="Сведения заявления"
      facts={
        <>
          <RequestFacts request={request} />
          <RequestFiles files={props.files} href={(id) => `/review/organizations/files/${id}`} />
        </>
      }
    >
      {request.status === "submitted" && (
        <DecisionForm
          action={`/review/org-requests/${request.id}/decide`}
          csrfToken={props.ctx.csrfToken}
          form={props}
          legend="Решение по заявлению"
          options={[
            { value: "approved", label: "Исполнить: сведения в регистре изменены" },
            { value: "refused", label: "Отказать" },
          ]}
          comment={{
            label: "Комментарий для организации",
            hint: "Обязателен при отказе: организация увидит причину.",
            maxLength: 2000,
          }}
        />
      )}
      <RequestHistory events={props.events} />
    </SubmissionReviewPage>
  );
}
