// «Лицензии» in the organization's cabinet: the list, the form of a new licence, and one licence
// with its places, history and the form that records a suspension, resumption or termination.
import { formatDate } from "../../../shared/format.ts";
import { BackLink, FormActions, PostForm } from "../../../ui/actions.tsx";
import { Fieldset, FileField, RadioGroup, TextAreaField } from "../../../ui/fields.tsx";
import { binder, DateField, ErrorSummary, type FieldError, TextField } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import type { HistoryEntry } from "../../org-submissions/submission.repository.ts";
import { SubmissionListPage } from "../../org-submissions/views/submission-list-page.tsx";
import type { CabinetActor } from "../../organizations/cabinet.guard.tsx";
import { CabinetPage } from "../../organizations/views/cabinet-page.tsx";
import type { LicenceEventRow, LicenceRow } from "../licences.repository.ts";
import { licenceKindLabels, PLACE_SLOTS } from "../licences.validation.ts";
import {
  LicenceFacts,
  LicenceHistory,
  LicencePlaces,
  LicenceStatusText,
  verificationLabels,
} from "./licence-parts.tsx";

type Values = Record<string, string | undefined>;

export function LicencesPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  licences: readonly LicenceRow[];
  flash?: string | undefined;
}) {
  const canManage = props.actor.powers.has("licences.manage");
  return (
    <SubmissionListPage
      {...props}
      title="Лицензии"
      lead={
        <>
          Лицензии организации на медицинскую и фармацевтическую деятельность: адреса, работы и услуги,
          статус. Приостановленная лицензия отмечается на карточке организации.
        </>
      }
      add={canManage && { href: "/org/licences/new", label: "Добавить лицензию" }}
      caption="Лицензии организации"
      rows={props.licences}
      empty="Сведений о лицензиях пока нет."
      columns={[
        { label: "Номер", cell: (row) => <a href={`/org/licences/${row.id}`}>{row.number}</a> },
        { label: "Вид деятельности", cell: (row) => licenceKindLabels[row.kind] },
        { label: "Дата предоставления", cell: (row) => formatDate(row.issuedOn) },
        { label: "Статус", cell: (row) => <LicenceStatusText licence={row} /> },
        { label: "Проверка", cell: (row) => verificationLabels[row.verification] },
      ]}
    />
  );
}

export function LicenceFormPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  values: Values;
  errors: readonly FieldError[];
}) {
  const bind = binder({ values: props.values, errors: props.errors });
  const places = Array.from({ length: PLACE_SLOTS }, (_, index) => index + 1);
  return (
    <CabinetPage ctx={props.ctx} actor={props.actor} title="Новая лицензия">
      <BackLink href="/org/licences">Лицензии</BackLink>
      <h1>Новая лицензия</h1>
      <p class="lead">
        Перенесите сведения из выписки из реестра лицензий и приложите её (PDF). Оператор сверит сведения со
        сканом.
      </p>
      <ErrorSummary errors={props.errors} />
      <PostForm action="/org/licences" csrfToken={props.ctx.csrfToken} multipart>
        <RadioGroup
          {...bind("kind")}
          legend="Вид деятельности"
          options={Object.entries(licenceKindLabels).map(([value, label]) => ({ value, label }))}
        />
        <TextField
          {...bind("number")}
          label="Номер лицензии"
          hint="Например, Л041-01137-77/00367011"
          maxLength={60}
        />
        <TextField {...bind("issuedBy")} label="Лицензирующий орган" maxLength={300} />
        <DateField {...bind("issuedOn")} label="Дата предоставления" />
        <DateField
          {...bind("validUntil")}
          label="Срок действия (если указан)"
          hint="Лицензии, предоставленные после 01.01.2021, бессрочные: тогда оставьте поле пустым."
        />
        {places.map((slot) => (
          <Fieldset
            key={slot}
            legend={slot === 1 ? "Место осуществления деятельности" : `Ещё один адрес (${slot}, если есть)`}
          >
            <TextField {...bind(`address${slot}`)} label="Адрес" maxLength={500} />
            <TextAreaField
              {...bind(`works${slot}`)}
              label="Работы и услуги по этому адресу"
              hint="Каждую с новой строки, как в выписке."
              rows={4}
            />
          </Fieldset>
        ))}
        <FileField
          {...bind("scan")}
          label="Выписка из реестра лицензий (PDF, до 5 МБ)"
          accept="application/pdf,.pdf"
        />
        <FormActions label="Отправить на проверку" cancelHref="/org/licences" />
      </PostForm>
    </CabinetPage>
  );
}

export function LicencePage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  licence: LicenceRow;
  events: readonly HistoryEntry<LicenceEventRow>[];
  values: Values;
  errors: readonly FieldError[];
  flash?: string | undefined;
}) {
  const { licence } = props;
  const canManage = props.actor.powers.has("licences.manage");
  const bind = binder({ values: props.values, errors: props.errors });
  const moves = [
    licence.status === "active" && { value: "suspend", label: "Действие приостановлено" },
    licence.status === "suspended" && { value: "resume", label: "Действие возобновлено" },
    licence.status !== "terminated" && { value: "terminate", label: "Действие прекращено" },
  ].filter((move): move is { value: string; label: string } => Boolean(move));
  return (
    <CabinetPage
      ctx={props.ctx}
      actor={props.actor}
      title={`Лицензия № ${licence.number}`}
      flash={props.flash}
    >
      <BackLink href="/org/licences">Лицензии</BackLink>
      <h1 class="break-word">Лицензия № {licence.number}</h1>
      <ErrorSummary errors={props.errors} />
      <section class="card" aria-labelledby="facts-title">
        <h2 id="facts-title">Сведения</h2>
        <LicenceFacts licence={licence} />
        {canManage && <a href={`/org/licences/${licence.id}/scan`}>Скачать выписку (PDF)</a>}
      </section>
      <h2>Адреса, работы и услуги</h2>
      <LicencePlaces licence={licence} />
      {canManage && moves.length > 0 && (
        <section class="card" aria-labelledby="status-title">
          <h2 id="status-title">Изменение статуса</h2>
          <p>
            Отметьте решение лицензирующего органа или суда о приостановлении, возобновлении или прекращении.
          </p>
          <PostForm action={`/org/licences/${licence.id}/status`} csrfToken={props.ctx.csrfToken}>
            <RadioGroup {...bind("action")} legend="Что произошло" options={moves} />
            <TextAreaField
              {...bind("ground")}
              label="Основание"
              hint="Решение: кем принято, номер и дата. Для возобновления — по желанию."
              rows={3}
              maxLength={1000}
            />
            <DateField {...bind("from")} label="С какой даты" />
            <DateField {...bind("until")} label="По какую дату (для приостановления, если указана)" />
            <FormActions label="Сохранить" />
          </PostForm>
        </section>
      )}
      <LicenceHistory events={props.events} />
    </CabinetPage>
  );
}
