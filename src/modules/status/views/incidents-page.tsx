// The back office's page of messages about the service: the open ones (active and upcoming) with
// «Завершить», the latest ended, and the form for a new one.
import { formatDateTime } from "../../../shared/format.ts";
import { ActionButton, FormActions, PostForm } from "../../../ui/actions.tsx";
import { FieldList, type FieldSpec } from "../../../ui/field-list.tsx";
import { Fieldset } from "../../../ui/fields.tsx";
import { binder, DateField, ErrorSummary, type FieldError, Flash, TextField } from "../../../ui/form.tsx";
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

const fields: readonly FieldSpec<keyof IncidentFormValues>[] = [
  { control: "radio", name: "kind", legend: "О чём сообщение", options: kindOptions },
  {
    control: "text",
    name: "title",
    label: "Заголовок",
    hint: "Его увидят в шапке страниц. Например: «Плановые работы 03.12 с 02:00 до 04:00» или «Сбой отправки SMS».",
    maxLength: TITLE_MAX,
  },
  {
    control: "textarea",
    name: "details",
    label: "Подробности (если нужны)",
    hint: "Что не работает и что делать пользователям, например: «Коды подтверждения приходят на электронную почту».",
    maxLength: DETAILS_MAX,
    rows: 3,
  },
];

const moments = [
  { side: "starts", legend: "Начало", hint: "Оставьте пустым, чтобы показать сообщение сразу." },
  {
    side: "ends",
    legend: "Окончание",
    hint: "Оставьте пустым, если срок неизвестен: завершите сообщение вручную.",
  },
] as const;

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
  const { ctx, errors, now } = props;
  const bind = binder(props);
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
  const endedColumns = openColumns.slice(0, 3);
  return (
    <Layout ctx={ctx} title="Сообщения о работе сервиса" nav={deskNavigation}>
      <h1>Сообщения о работе сервиса</h1>
      <Flash message={props.flash} />
      <p>
        Действующие сообщения видны в шапке каждой страницы кабинета и на странице{" "}
        <a href="/status">«Состояние сервиса»</a>. Время — московское.
      </p>
      <IncidentList heading="Действующие и запланированные" columns={openColumns} rows={props.open}>
        Сейчас сообщений нет.
      </IncidentList>
      <h2 id="new">Новое сообщение</h2>
      <ErrorSummary errors={errors} />
      <PostForm action={incidentsPath} csrfToken={ctx.csrfToken} class="card">
        <FieldList bind={bind} fields={fields} />
        {moments.map((moment) => (
          <MomentFields key={moment.side} {...moment} bind={bind} />
        ))}
        <FormActions label="Опубликовать" />
      </PostForm>
      <IncidentList heading="Завершённые" columns={endedColumns} rows={props.ended}>
        Завершённых сообщений пока нет.
      </IncidentList>
    </Layout>
  );
}

/** A heading and its table of messages; `children` is what stands instead of an empty table. */
function IncidentList(props: {
  heading: string;
  columns: readonly Column<Incident>[];
  rows: readonly Incident[];
  children: string;
}) {
  return (
    <>
      <h2>{props.heading}</h2>
      <DataTable
        caption={`${props.heading} сообщения`}
        columns={props.columns}
        rows={props.rows}
        rowKey={(incident) => incident.id}
        stacked
        empty={props.children}
      />
    </>
  );
}

/** The date and time of the message's start or end, in Moscow time, as one fieldset. */
function MomentFields(props: {
  side: "starts" | "ends";
  legend: string;
  hint: string;
  bind: ReturnType<typeof binder<IncidentFormValues>>;
}) {
  const { side, bind } = props;
  return (
    <Fieldset legend={props.legend} hint={props.hint}>
      <DateField {...bind(`${side}Date`)} label="Дата" />
      <TextField
        {...bind(`${side}Time`)}
        label="Время"
        hint="ЧЧ:ММ"
        inputMode="numeric"
        maxLength={5}
        width="short"
      />
    </Fieldset>
  );
}
