// «Мои обращения» of a sender (worker or organization): the list, a request with the answers,
// the reply form, «Вопрос решён», reopening, escalation and the chat.
import { formatDateTime } from "../../../shared/format.ts";
import { PostForm } from "../../../ui/actions.tsx";
import { binder, ErrorSummary, errorFor, type FieldError, Flash } from "../../../ui/form.tsx";
import { Layout, type NavItem, type PageContext } from "../../../ui/layout.tsx";
import { SummaryList } from "../../../ui/summary-list.tsx";
import { type Column, DataTable } from "../../../ui/table.tsx";
import type { SupportRequestRow } from "../support.repository.ts";
import type { SupportService } from "../support.service.ts";
import { type RequestKind, requestKinds } from "../support.status.ts";
import {
  ChatSection,
  Conversation,
  kindAndStatus,
  MoveButtons,
  RequestText,
  SupportStatus,
} from "./components.tsx";
import { FilesField, TextArea } from "./fields.tsx";

function requestColumns(base: string, organizationView: boolean): Column<SupportRequestRow>[] {
  return [
    { label: "Номер", cell: (row) => <a href={`${base}/${row.id}`}>{row.number}</a> },
    { label: "Тема", cell: (row) => requestKinds[row.kind as RequestKind] ?? row.kind },
    ...(organizationView ? [{ label: "Отправитель", cell: (row: SupportRequestRow) => row.senderName }] : []),
    { label: "Отправлено", cell: (row) => formatDateTime(row.createdAt) },
    { label: "Статус", cell: (row) => <SupportStatus status={row.status} /> },
  ];
}

export function MyRequestsPage(props: {
  ctx: PageContext;
  nav: readonly NavItem[];
  base: string;
  rows: readonly SupportRequestRow[];
  flash: string | undefined;
  organizationView?: boolean;
}) {
  return (
    <Layout ctx={props.ctx} title="Мои обращения" nav={props.nav}>
      <h1>{props.organizationView ? "Обращения в поддержку" : "Мои обращения"}</h1>
      <Flash message={props.flash} />
      <p>
        <a class="button" href={`${props.base}/new`}>
          Написать в поддержку
        </a>
      </p>
      <DataTable
        caption="Обращения, новые сверху"
        region="Обращения"
        columns={requestColumns(props.base, props.organizationView === true)}
        rows={props.rows}
        rowKey={(row) => row.id}
        stacked
        empty="Обращений пока нет."
      />
    </Layout>
  );
}

type SenderView = NonNullable<Awaited<ReturnType<SupportService["view"]>>>;

export function SenderRequestPage(props: {
  ctx: PageContext;
  nav: readonly NavItem[];
  base: string;
  view: SenderView;
  flash: string | undefined;
  errors: readonly FieldError[];
  values: Record<string, string | undefined>;
  hours: string;
}) {
  const { view, ctx } = props;
  const { request } = view;
  const path = `${props.base}/${request.id}`;
  const bind = binder(props);
  return (
    <Layout ctx={ctx} title={`Обращение ${request.number}`} nav={props.nav}>
      <p>
        <a href={props.base}>← Все обращения</a>
      </p>
      <h1>Обращение {request.number}</h1>
      <Flash message={props.flash} />
      <ErrorSummary errors={props.errors} />
      <SummaryList
        rows={[
          ...kindAndStatus(request),
          { label: "Отправлено", value: formatDateTime(request.createdAt) },
          { label: "Ответ ожидается до", value: `${formatDateTime(request.firstAnswerDueAt)} (мск)` },
          request.line === "senior" && { label: "Кто занимается", value: "Старший специалист" },
        ]}
      />
      <RequestText
        heading="Ваше обращение"
        request={request}
        attachments={view.attachments}
        base={path}
        showCode
      />
      <h2>Ответы и история</h2>
      <Conversation messages={view.messages} attachments={view.attachments} base={path} />
      <ChatSection
        messages={view.messages}
        path={path}
        csrfToken={ctx.csrfToken}
        open={view.chatOpen}
        hours={props.hours}
        active={view.canReply}
      />
      {view.canReply && (
        <PostForm action={`${path}/reply`} csrfToken={ctx.csrfToken} multipart class="card">
          <h2>Ответить</h2>
          <TextArea {...bind("message")} label="Ваш ответ" />
          <FilesField error={errorFor(props.errors, "files")} />
          <button type="submit" class="button">
            Отправить ответ
          </button>
        </PostForm>
      )}
      <MoveButtons
        path={path}
        csrfToken={ctx.csrfToken}
        moves={[
          view.canResolve && { action: "resolve", label: "Вопрос решён", variant: "secondary" },
          view.canEscalate && {
            action: "escalate",
            label: "Передать старшему специалисту",
            variant: "secondary",
          },
          view.canReopen && { action: "reopen", label: "Открыть обращение снова", variant: "secondary" },
        ]}
      />
    </Layout>
  );
}

/** The public form's result: the number at once; the answer comes by e-mail. */
export function SentPage({
  ctx,
  number,
  email,
}: {
  ctx: PageContext;
  number: string | undefined;
  email: string | undefined;
}) {
  return (
    <Layout ctx={ctx} title="Обращение отправлено">
      <div class="notice-page">
        <h1>Обращение отправлено</h1>
        {number ? (
          <p class="lead">
            Номер обращения: <strong>{number}</strong>. Сохраните его: он понадобится, если вы будете звонить
            в поддержку.
          </p>
        ) : (
          <p class="lead">Обращение зарегистрировано.</p>
        )}
        {email && <p>Подтверждение и ответ придут на адрес {email}.</p>}
        <p class="actions">
          <a class="button" href="/">
            На главную
          </a>
        </p>
      </div>
    </Layout>
  );
}
