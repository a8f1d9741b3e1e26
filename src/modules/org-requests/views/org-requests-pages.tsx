// «Заявления организации» in the cabinet: the list, the choice of what the request is about, the
// form of each kind, and one request with its decision and history.
import { formatDateTime } from "../../../shared/format.ts";
import { BackLink, FormActions, PostForm } from "../../../ui/actions.tsx";
import { FileField, RadioGroup, SelectField, SnilsField, TextAreaField } from "../../../ui/fields.tsx";
import { binder, DateField, ErrorSummary, type FieldError, TextField } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import { SubmissionListPage } from "../../org-submissions/views/submission-list-page.tsx";
import type { OrganizationFileRow } from "../../organizations/activation.repository.ts";
import type { CabinetActor } from "../../organizations/cabinet.guard.tsx";
import { correctableFields } from "../../organizations/corrections.service.ts";
import { CabinetPage } from "../../organizations/views/cabinet-page.tsx";
import type { OrgRequestRow } from "../org-requests.repository.ts";
import { type OrgRequestKind, orgRequestKinds } from "../org-requests.schema.ts";
import {
  employeeFields,
  kindHints,
  kindLabels,
  MAX_ATTACHMENTS,
  unitKindLabels,
} from "../org-requests.validation.ts";
import {
  type RequestEvent,
  RequestFacts,
  RequestFiles,
  RequestHistory,
  RequestStatus,
} from "./org-request-parts.tsx";

type Values = Record<string, string | undefined>;
const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
/** A select of a dictionary's entries, none chosen at first. */
const choice = (labels: Record<string, string>) => ({ placeholder: "Выберите", options: options(labels) });

export function RequestsPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  requests: readonly OrgRequestRow[];
  flash?: string | undefined;
}) {
  return (
    <SubmissionListPage
      {...props}
      title="Заявления организации"
      lead={
        <>
          Заявления в регистр от имени организации: изменение сведений об организации, открытие и закрытие
          филиалов и подразделений, исправление сведений о сотрудниках. Решение принимает оператор регистра.
        </>
      }
      add={{ href: "/org/requests/new", label: "Подать заявление" }}
      caption="Заявления организации"
      rows={props.requests}
      empty="Заявлений пока нет."
      columns={[
        { label: "Заявление", cell: (row) => <a href={`/org/requests/${row.id}`}>{kindLabels[row.kind]}</a> },
        { label: "Суть", cell: (row) => <span class="break-word">{row.summary}</span> },
        { label: "Подано", cell: (row) => formatDateTime(row.createdAt) },
        { label: "Статус", cell: (row) => <RequestStatus request={row} /> },
      ]}
    />
  );
}

export function RequestKindsPage(props: { ctx: PageContext; actor: CabinetActor }) {
  return (
    <CabinetPage ctx={props.ctx} actor={props.actor} title="Новое заявление">
      <BackLink href="/org/requests">Заявления организации</BackLink>
      <h1>О чём заявление?</h1>
      <ul class="cards tiles">
        {orgRequestKinds.map((kind) => (
          <li class="card" key={kind}>
            <h2>
              <a href={`/org/requests/new?kind=${kind}`}>{kindLabels[kind]}</a>
            </h2>
            <p class="muted">{kindHints[kind]}</p>
          </li>
        ))}
      </ul>
    </CabinetPage>
  );
}

export function RequestFormPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  kind: OrgRequestKind;
  values: Values;
  errors: readonly FieldError[];
}) {
  const bind = binder({ values: props.values, errors: props.errors });
  const { kind } = props;
  return (
    <CabinetPage ctx={props.ctx} actor={props.actor} title={kindLabels[kind]}>
      <BackLink href="/org/requests/new">Выбрать другое заявление</BackLink>
      <h1>{kindLabels[kind]}</h1>
      <p class="lead">{kindHints[kind]}</p>
      <ErrorSummary errors={props.errors} />
      <PostForm action="/org/requests" csrfToken={props.ctx.csrfToken} multipart>
        <input type="hidden" name="kind" value={kind} />
        {kind === "organization_data" && (
          <>
            <SelectField {...bind("field")} label="Какие сведения изменить" {...choice(correctableFields)} />
            <TextField
              {...bind("proposedValue")}
              label="Новое значение"
              hint="ИНН, КПП, ОГРН проверяются по контрольным цифрам."
              maxLength={500}
            />
          </>
        )}
        {(kind === "unit_open" || kind === "unit_close") && (
          <>
            <RadioGroup {...bind("unitKind")} legend="Подразделение" options={options(unitKindLabels)} />
            <TextField {...bind("unitName")} label="Наименование подразделения" maxLength={300} />
            {kind === "unit_open" && <TextField {...bind("address")} label="Адрес" maxLength={500} />}
            <DateField
              {...bind("effectiveOn")}
              label={kind === "unit_open" ? "Дата открытия" : "Дата закрытия"}
            />
          </>
        )}
        {kind === "employee_correction" && (
          <>
            <SnilsField {...bind("snils")} label="СНИЛС сотрудника" hint="Например, 112-233-445 95" />
            <SelectField
              {...bind("employeeField")}
              label="Какие сведения неверны"
              {...choice(employeeFields)}
            />
            <TextAreaField
              {...bind("proposedValue")}
              label="Как должно быть правильно"
              rows={3}
              maxLength={1000}
            />
          </>
        )}
        <TextAreaField {...bind("comment")} label="Пояснение (если нужно)" rows={3} maxLength={2000} />
        <FileField
          {...bind("attachments")}
          label={`Подтверждающие документы (PDF, до ${MAX_ATTACHMENTS} файлов)`}
          hint="Решение, приказ, выписка — документ, на основании которого вносится изменение."
          accept="application/pdf,.pdf"
          multiple
        />
        <FormActions label="Подать заявление" cancelHref="/org/requests" />
      </PostForm>
    </CabinetPage>
  );
}

export function RequestPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  request: OrgRequestRow;
  files: readonly OrganizationFileRow[];
  events: readonly RequestEvent[];
  flash?: string | undefined;
}) {
  const { request } = props;
  return (
    <CabinetPage ctx={props.ctx} actor={props.actor} title={kindLabels[request.kind]} flash={props.flash}>
      <BackLink href="/org/requests">Заявления организации</BackLink>
      <h1>{kindLabels[request.kind]}</h1>
      <section class="card" aria-labelledby="facts-title">
        <h2 id="facts-title">Сведения</h2>
        <RequestFacts request={request} />
        <RequestFiles files={props.files} href={(id) => `/org/requests/${request.id}/files/${id}`} />
      </section>
      <RequestHistory events={props.events} />
    </CabinetPage>
  );
}
