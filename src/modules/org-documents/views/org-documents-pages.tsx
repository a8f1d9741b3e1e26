// «Документы» of the organization (O8, O9, O12): the list with each document's status and
// signatures, the upload (and replacement) form, and the head's page to sign one.
import { formatDate, formatDateTime, fullName } from "../../../shared/format.ts";
import { FormActions, PostForm } from "../../../ui/actions.tsx";
import { FileField, SelectField } from "../../../ui/fields.tsx";
import { binder, ErrorSummary, type FieldError, Flash, TextField } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import { DataTable } from "../../../ui/table.tsx";
import type { CabinetActor } from "../../organizations/cabinet.guard.tsx";
import { CabinetPage } from "../../organizations/views/cabinet-page.tsx";
import type { SignatureRow } from "../../signatures/signatures.repository.ts";
import { SignFilePage, type SigningState } from "../../signatures/views/sign-file-page.tsx";
import { SignatureLine } from "../../signatures/views/signing.tsx";
import type { OrgDocumentItem, OrgDocumentRow } from "../org-documents.repository.ts";
import { orgDocumentKinds } from "../org-documents.service.ts";

const kindOptions = Object.entries(orgDocumentKinds).map(([value, label]) => ({ value, label }));

export function OrgDocumentsPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  items: OrgDocumentItem[];
  signatures: SignatureRow[];
  flash?: string | undefined;
  errors?: readonly FieldError[];
  values?: Record<string, string>;
}) {
  const { ctx, actor, errors = [], values = {} } = props;
  const bind = binder({ values, errors });
  const canSign = actor.powers.has("signatures.manage");
  const current = props.items.filter((item) => item.document.replacedBy === null);
  return (
    <CabinetPage ctx={ctx} actor={actor} title="Документы">
      <h1>Документы организации</h1>
      <Flash message={props.flash} />
      <ErrorSummary errors={errors} />
      <p class="lead">
        Лицензия на медицинскую деятельность, устав, приказы и другие обязательные документы организации в
        формате PDF. Руководитель подписывает их квалифицированной электронной подписью.
      </p>
      <DataTable
        caption="Документы организации"
        stacked
        rows={props.items}
        rowKey={(item) => item.document.id}
        empty="Документов пока нет."
        columns={[
          {
            label: "Документ",
            cell: (item) => (
              <>
                <a href={`/org/documents/${item.document.id}/file`}>{item.document.title}</a>
                <br />
                <span class="muted">
                  {orgDocumentKinds[item.document.kind]}, {item.file.originalName}
                </span>
              </>
            ),
          },
          {
            label: "Загружен",
            cell: (item) => `${formatDateTime(item.document.uploadedAt)}, ${fullName(item.uploader)}`,
          },
          {
            label: "Состояние",
            cell: (item) =>
              item.document.replacedAt ? `заменён ${formatDate(item.document.replacedAt)}` : "действующий",
          },
          {
            label: "Подписи",
            cell: (item) => {
              const signed = props.signatures.filter((row) => row.subjectId === item.document.id);
              return (
                <>
                  {signed.length === 0 && <p>Не подписан</p>}
                  {signed.map((row) => (
                    <SignatureLine
                      key={row.id}
                      signature={row}
                      downloadBase={`/org/documents/${item.document.id}/signatures/${row.id}`}
                    />
                  ))}
                  {canSign && item.document.replacedBy === null && (
                    <a href={`/org/documents/${item.document.id}/sign`}>Подписать ЭП</a>
                  )}
                </>
              );
            },
          },
        ]}
      />
      <PostForm action="/org/documents" csrfToken={ctx.csrfToken} multipart class="card">
        <h2>Загрузить документ</h2>
        <SelectField
          {...bind("kind")}
          label="Вид документа"
          options={kindOptions}
          placeholder="Выберите вид"
        />
        <TextField
          {...bind("title")}
          label="Название документа"
          hint="Например: «Лицензия № Л041-01137-77/00368534» или «Приказ № 12 от 01.12.2026»."
          maxLength={200}
        />
        {current.length > 0 && (
          <SelectField
            {...bind("replaces")}
            label="Заменяет документ"
            hint="Выберите устаревший документ, если загружаете его новую редакцию."
            options={current.map((item) => ({ value: item.document.id, label: item.document.title }))}
            placeholder="Не заменяет другой документ"
          />
        )}
        <FileField {...bind("file")} label="Файл (PDF)" accept=".pdf,application/pdf" />
        <FormActions label="Загрузить" />
      </PostForm>
    </CabinetPage>
  );
}

export function SignOrgDocumentPage(
  props: SigningState & {
    ctx: PageContext;
    actor: CabinetActor;
    document: Pick<OrgDocumentRow, "id" | "title">;
  },
) {
  const { document, ...rest } = props;
  const { id, title } = document;
  return (
    <SignFilePage
      {...rest}
      title={`Подписание документа «${title}»`}
      heading="Подписание документа"
      back={{ href: "/org/documents", label: "Документы" }}
      lead={
        <>Подписывается файл документа «{title}» в точности в том виде, в каком он хранится в кабинете.</>
      }
      fileUrl={`/org/documents/${id}/file`}
      action={`/org/documents/${id}/signature`}
      submitLabel="Подписать документ"
    />
  );
}
