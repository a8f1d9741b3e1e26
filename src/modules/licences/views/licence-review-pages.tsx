// The back office's licence check: the queue of entered licences and one licence beside its scan.
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
import type { LicenceRow } from "../licences.repository.ts";
import { licenceKindLabels } from "../licences.validation.ts";
import { LicenceFacts, LicencePlaces } from "./licence-parts.tsx";

type Entry = { licence: LicenceRow; organizationName: string };

export function LicencesToVerifyPage(props: QueuePageProps<Entry>) {
  return (
    <SubmissionQueuePage
      ctx={props.ctx}
      title="Проверка лицензий"
      lead="Сведения, внесённые организациями: сверьте их со сканом выписки из реестра лицензий."
      flash={props.flash}
      caption="Лицензии, ожидающие проверки"
      entries={props.entries}
      entryKey={(entry) => entry.licence.id}
      empty="Проверять нечего."
      columns={[
        organizationColumn,
        {
          label: "Лицензия",
          cell: (entry) => <a href={`/review/licences/${entry.licence.id}`}>№ {entry.licence.number}</a>,
        },
        { label: "Вид деятельности", cell: (entry) => licenceKindLabels[entry.licence.kind] },
        { label: "Внесена", cell: (entry) => formatDateTime(entry.licence.createdAt) },
      ]}
    />
  );
}

export function LicenceReviewPage(props: ReviewPageProps<Entry>) {
  const { licence, organizationName } = props.entry;
  return (
    <SubmissionReviewPage
      ctx={props.ctx}
      title={`Лицензия № ${licence.number}`}
      heading={<h1 class="break-word">Лицензия № {licence.number}</h1>}
      back={{ href: "/review/licences", label: "Проверка лицензий" }}
      organizationName={organizationName}
      errors={props.errors}
      factsTitle="Внесённые сведения"
      facts={
        <>
          <LicenceFacts licence={licence} />
          <ul>
            {props.files.map((file) => (
              <li key={file.id}>
                <a href={`/review/organizations/files/${file.id}`}>{file.originalName}</a>
              </li>
            ))}
          </ul>
        </>
      }
    >
      <LicencePlaces licence={licence} />
      {licence.verification === "pending" && (
        <DecisionForm
          action={`/review/licences/${licence.id}/verify`}
          csrfToken={props.ctx.csrfToken}
          form={props}
          legend="Сведения совпадают со сканом?"
          options={[
            { value: "verified", label: "Да, подтвердить" },
            { value: "rejected", label: "Нет, вернуть организации" },
          ]}
          comment={{
            label: "Что не совпадает",
            hint: "Обязательно, если сведения возвращаются.",
            maxLength: 1000,
          }}
        />
      )}
    </SubmissionReviewPage>
  );
}
