// The back office's side of organizations' requests: the queue and one request with its documents
// and the decision form.
import { formatDateTime } from "../../../shared/format.ts";
import { FormActions, PostForm } from "../../../ui/actions.tsx";
import { RadioGroup, TextAreaField } from "../../../ui/fields.tsx";
import { binder, ErrorSummary, type FieldError, Flash } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { DataTable } from "../../../ui/table.tsx";
import type { OrganizationFileRow } from "../../organizations/activation.repository.ts";
import { reviewNavigation } from "../../review/views/queue-page.tsx";
import type { OrgRequestRow } from "../org-requests.repository.ts";
import { kindLabels } from "../org-requests.validation.ts";
import { type RequestEvent, RequestFacts, RequestFiles, RequestHistory } from "./org-request-parts.tsx";

type Entry = { request: OrgRequestRow; organizationName: string };

export function RequestsToDecidePage(props: {
  ctx: PageContext;
  entries: readonly Entry[];
  flash?: string | undefined;
}) {
  return (
    <Layout ctx={props.ctx} title="Заявления организаций" nav={reviewNavigation}>
      <Flash message={props.flash} />
      <h1>Заявления организаций</h1>
      <p class="lead">
        Заявления, поданные организациями от своего имени: сверьте с документами и примите решение.
      </p>
      <DataTable
        caption="Заявления, ожидающие решения"
        stacked
        rows={props.entries}
        rowKey={(entry) => entry.request.id}
        empty="Заявлений, ожидающих решения, нет."
        columns={[
          { label: "Организация", cell: (entry) => entry.organizationName },
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
    </Layout>
  );
}

export function RequestReviewPage(props: {
  ctx: PageContext;
  entry: Entry;
  files: readonly OrganizationFileRow[];
  events: readonly RequestEvent[];
  values: Record<string, string | undefined>;
  errors: readonly FieldError[];
}) {
  const { request, organizationName } = props.entry;
  const bind = binder({ values: props.values, errors: props.errors });
  return (
    <Layout ctx={props.ctx} title={kindLabels[request.kind]} nav={reviewNavigation}>
      <p>
        <a href="/review/org-requests">← Заявления организаций</a>
      </p>
      <h1>{kindLabels[request.kind]}</h1>
      <p class="lead">{organizationName}</p>
      <ErrorSummary errors={props.errors} />
      <section class="card" aria-labelledby="facts-title">
        <h2 id="facts-title">Сведения заявления</h2>
        <RequestFacts request={request} />
        <RequestFiles files={props.files} href={(id) => `/review/organizations/files/${id}`} />
      </section>
      {request.status === "submitted" && (
        <section class="card" aria-labelledby="decision-title">
          <h2 id="decision-title">Решение</h2>
          <PostForm action={`/review/org-requests/${request.id}/decide`} csrfToken={props.ctx.csrfToken}>
            <RadioGroup
              {...bind("decision")}
              legend="Решение по заявлению"
              options={[
                { value: "approved", label: "Исполнить: сведения в регистре изменены" },
                { value: "refused", label: "Отказать" },
              ]}
            />
            <TextAreaField
              {...bind("comment")}
              label="Комментарий для организации"
              hint="Обязателен при отказе: организация увидит причину."
              rows={3}
              maxLength={2000}
            />
            <FormActions label="Сохранить решение" />
          </PostForm>
        </section>
      )}
      <section class="card" aria-labelledby="history-title">
        <h2 id="history-title">История</h2>
        <RequestHistory events={props.events} />
      </section>
    </Layout>
  );
}
