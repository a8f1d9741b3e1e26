// The back office's page of messages about the service: the open ones (active and upcoming) with
// «Завершить», the latest ended, and the form for a new one.
import { formatDateTime } from "../../../shared/format.ts";
import { ActionButton, FormActions, PostForm } from "../../../ui/actions.tsx";
import { Fieldset, RadioGroup, TextAreaField } from "../../../ui/fields.tsx";
import { DateField, ErrorSummary, errorFor, type FieldError, Flash, TextField } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { type Column, DataTable } from "../../../ui/table.tsx";
import { deskNavigation } from "../../support/views/desk-queue.tsx";
import { DETAILS_MAX, type IncidentFormValues, TITLE_MAX } from "../incidents.input.ts";
import { type Incident, incidentKindLabels, incidentKinds, isActive } from "../incidents.ts";

export const incidentsPath = "/support-desk/incidents";

const kindOptions = incidentKinds.map((kind) => ({
  value: kind,
  label: incidentKindLabels[kind],
  hint:
    kind === "maintenance"
      ? "Заранее объявленный перерыв или замедление работы."
      : "Что-то уже не работает: вход, отправка SMS, загрузка файлов.",
}));

const period = (incident: Incident) =>
  incident.endsAt
    ? `${formatDateTime(incident.startsAt)} — ${formatDateTime(incident.endsAt)}`
    : `с ${formatDateTime(incident.startsAt)}, без срока окончания`;

const titleCell = (incident: Incident) => (
  <>
    {incident.title}
    {incident.details && (
      <>
        <br />
        <span class="muted">{incident.details}</span>
      </>
    )}
  </>
);

export function IncidentsPage(props: {
  ctx: PageContext;
  open: readonly Incident[];
  ended: readonly Incident[];
  now: Date;
  flash: string | undefined;
  values: IncidentFormValues;
  errors: readonly FieldError[];
}) {
  const { ctx, values, errors, now } = props;
  const openColumns: readonly Column<Incident>[] = [
    { label: "Сообщение", cell: titleCell },
    { label: "Вид", cell: (incident) => incidentKindLabels[incident.kind] },
    { label: "Период", cell: period },
    {
      label: "Показывается",
      cell: (incident) =>
        isActive(incident, now) ? (
          <span class="badge badge--warn">Сейчас на всех страницах</span>
        ) : (
          <span class="badge">Появится в начале периода</span>
        ),
    },
    {
      label: "Действие",
      cell: (incident) => (
        <ActionButton
          action={`${incidentsPath}/${incident.id}/end`}
          csrfToken={ctx.csrfToken}
          label={isActive(incident, now) ? "Завершить" : "Отменить"}
          variant="secondary"
        />
      ),
    },
  ];
  const endedColumns: readonly Column<Incident>[] = [
    { label: "Сообщение", cell: titleCell },
    { label: "Вид", cell: (incident) => incidentKindLabels[incident.kind] },
    { label: "Период", cell: period },
  ];
  return (
    <Layout ctx={ctx} title="Сообщения о работе сервиса" nav={deskNavigation}>
      <h1>Сообщения о работе сервиса</h1>
      <Flash message={props.flash} />
      <p>
        Действующие сообщения видны в шапке каждой страницы кабинета и на странице{" "}
        <a href="/status">«Состояние сервиса»</a>. Время — московское.
      </p>
      <h2>Действующие и запланированные</h2>
      <DataTable
        caption="Действующие и запланированные сообщения"
        columns={openColumns}
        rows={props.open}
        rowKey={(incident) => incident.id}
        stacked
        empty="Сейчас сообщений нет."
      />
      <h2 id="new">Новое сообщение</h2>
      <ErrorSummary errors={errors} />
      <PostForm action={incidentsPath} csrfToken={ctx.csrfToken} class="card">
        <RadioGroup
          name="kind"
          legend="О чём сообщение"
          options={kindOptions}
          value={values.kind}
          error={errorFor(errors, "kind")}
        />
        <TextField
          name="title"
          label="Заголовок"
          hint="Его увидят в шапке страниц. Например: «Плановые работы 03.12 с 02:00 до 04:00» или «Сбой отправки SMS»."
          value={values.title}
          error={errorFor(errors, "title")}
          maxLength={TITLE_MAX}
        />
        <TextAreaField
          name="details"
          label="Подробности (если нужны)"
          hint="Что не работает и что делать пользователям, например: «Коды подтверждения приходят на электронную почту»."
          value={values.details}
          error={errorFor(errors, "details")}
          maxLength={DETAILS_MAX}
          rows={3}
        />
        <MomentFields
          side="starts"
          legend="Начало"
          hint="Оставьте пустым, чтобы показать сообщение сразу."
          {...{ values, errors }}
        />
        <MomentFields
          side="ends"
          legend="Окончание"
          hint="Оставьте пустым, если срок неизвестен: завершите сообщение вручную."
          {...{ values, errors }}
        />
        <FormActions label="Опубликовать" />
      </PostForm>
      <h2>Завершённые</h2>
      <DataTable
        caption="Завершённые сообщения"
        columns={endedColumns}
        rows={props.ended}
        rowKey={(incident) => incident.id}
        stacked
        empty="Завершённых сообщений пока нет."
      />
    </Layout>
  );
}

/** The date and time of the message's start or end, in Moscow time, as one fieldset. */
function MomentFields(props: {
  side: "starts" | "ends";
  legend: string;
  hint: string;
  values: IncidentFormValues;
  errors: readonly FieldError[];
}) {
  const { side, values, errors } = props;
  const date = `${side}Date` as const;
  const time = `${side}Time` as const;
  return (
    <Fieldset legend={props.legend} hint={props.hint}>
      <DateField name={date} label="Дата" value={values[date]} error={errorFor(errors, date)} />
      <TextField
        name={time}
        label="Время"
        hint="ЧЧ:ММ"
        value={values[time]}
        error={errorFor(errors, time)}
        inputMode="numeric"
        maxLength={5}
        width="short"
      />
    </Fieldset>
  );
}
