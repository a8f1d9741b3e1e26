// The back office's licence check: the queue of entered licences and one licence beside its scan.
import { formatDateTime } from "../../../shared/format.ts";
import { FormActions, PostForm } from "../../../ui/actions.tsx";
import { RadioGroup, TextAreaField } from "../../../ui/fields.tsx";
import { binder, ErrorSummary, type FieldError, Flash } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { DataTable } from "../../../ui/table.tsx";
import type { OrganizationFileRow } from "../../organizations/activation.repository.ts";
import { reviewNavigation } from "../../review/views/queue-page.tsx";
import type { LicenceRow } from "../licences.repository.ts";
import { licenceKindLabels } from "../licences.validation.ts";
import { LicenceFacts, LicencePlaces } from "./licence-parts.tsx";

type Entry = { licence: LicenceRow; organizationName: string };

export function LicencesToVerifyPage(props: {
  ctx: PageContext;
  entries: readonly Entry[];
  flash?: string | undefined;
}) {
  return (
    <Layout ctx={props.ctx} title="Проверка лицензий" nav={reviewNavigation}>
      <Flash message={props.flash} />
      <h1>Проверка лицензий</h1>
      <p class="lead">Сведения, внесённые организациями: сверьте их со сканом выписки из реестра лицензий.</p>
      <DataTable
        caption="Лицензии, ожидающие проверки"
        stacked
        rows={props.entries}
        rowKey={(entry) => entry.licence.id}
        empty="Проверять нечего."
        columns={[
          { label: "Организация", cell: (entry) => entry.organizationName },
          {
            label: "Лицензия",
            cell: (entry) => <a href={`/review/licences/${entry.licence.id}`}>№ {entry.licence.number}</a>,
          },
          { label: "Вид деятельности", cell: (entry) => licenceKindLabels[entry.licence.kind] },
          { label: "Внесена", cell: (entry) => formatDateTime(entry.licence.createdAt) },
        ]}
      />
    </Layout>
  );
}

export function LicenceReviewPage(props: {
  ctx: PageContext;
  entry: Entry;
  files: readonly OrganizationFileRow[];
  values: Record<string, string | undefined>;
  errors: readonly FieldError[];
}) {
  const { licence, organizationName } = props.entry;
  const bind = binder({ values: props.values, errors: props.errors });
  return (
    <Layout ctx={props.ctx} title={`Лицензия № ${licence.number}`} nav={reviewNavigation}>
      <p>
        <a href="/review/licences">← Проверка лицензий</a>
      </p>
      <h1 class="break-word">Лицензия № {licence.number}</h1>
      <p class="lead">{organizationName}</p>
      <ErrorSummary errors={props.errors} />
      <section class="card" aria-labelledby="facts-title">
        <h2 id="facts-title">Внесённые сведения</h2>
        <LicenceFacts licence={licence} />
        <ul>
          {props.files.map((file) => (
            <li key={file.id}>
              <a href={`/review/organizations/files/${file.id}`}>{file.originalName}</a>
            </li>
          ))}
        </ul>
      </section>
      <LicencePlaces licence={licence} />
      {licence.verification === "pending" && (
        <section class="card" aria-labelledby="decision-title">
          <h2 id="decision-title">Решение</h2>
          <PostForm action={`/review/licences/${licence.id}/verify`} csrfToken={props.ctx.csrfToken}>
            <RadioGroup
              {...bind("decision")}
              legend="Сведения совпадают со сканом?"
              options={[
                { value: "verified", label: "Да, подтвердить" },
                { value: "rejected", label: "Нет, вернуть организации" },
              ]}
            />
            <TextAreaField
              {...bind("comment")}
              label="Что не совпадает"
              hint="Обязательно, если сведения возвращаются."
              rows={3}
              maxLength={1000}
            />
            <FormActions label="Сохранить решение" />
          </PostForm>
        </section>
      )}
    </Layout>
  );
}
