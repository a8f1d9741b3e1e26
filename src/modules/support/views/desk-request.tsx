// A request in the back office: what the sender wrote, their context (the error code they came
// with, recent failed logins; never their documents), the conversation with internal notes, and
// the operator's actions.
import { formatDateTime } from "../../../shared/format.ts";
import { PostForm } from "../../../ui/actions.tsx";
import { binder, ErrorSummary, type FieldError, Flash } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { SummaryList } from "../../../ui/summary-list.tsx";
import type { DeskService } from "../support.desk.ts";
import { type Priority, priorities } from "../support.priority.ts";
import { ChatSection, Conversation, kindAndStatus, MoveButtons, RequestText } from "./components.tsx";
import { deskNavigation } from "./desk-queue.tsx";
import { SelectField, TextArea } from "./fields.tsx";

type Details = NonNullable<Awaited<ReturnType<DeskService["details"]>>>;

const channels: Record<string, string> = {
  public: "Публичная форма (без входа)",
  worker: "Кабинет медицинского работника",
  organization: "Кабинет организации",
};

export function DeskRequestPage(props: {
  ctx: PageContext;
  details: Details;
  flash: string | undefined;
  errors: readonly FieldError[];
  values: Record<string, string | undefined>;
  chatOpen: boolean;
  hours: string;
}) {
  const { ctx, details, errors, values } = props;
  const { request } = details;
  const path = `/support-desk/requests/${request.id}`;
  const bind = binder(props);
  const overdue =
    request.dueAt.getTime() < details.now.getTime() &&
    ["new", "in_progress", "awaiting_sender"].includes(request.status);
  const template = details.templates.find((item) => item.id === values.template);
  return (
    <Layout ctx={ctx} title={`Обращение ${request.number}`} nav={deskNavigation}>
      <p>
        <a href="/support-desk">← Очередь</a>
      </p>
      <h1>Обращение {request.number}</h1>
      <Flash message={props.flash} />
      <ErrorSummary errors={errors} />
      <SummaryList
        rows={[
          ...kindAndStatus(request),
          {
            label: "Приоритет",
            value: `${priorities[request.priority as Priority] ?? request.priority}${request.line === "senior" ? ", старший специалист" : ", первая линия"}`,
          },
          {
            label: `Срок ${request.firstAnsweredAt ? "решения" : "первого ответа"}`,
            value: overdue ? (
              <strong class="overdue">Просрочено: {formatDateTime(request.dueAt)}</strong>
            ) : (
              formatDateTime(request.dueAt)
            ),
          },
          {
            label: "Отправитель",
            value: `${request.senderName}${request.senderRole ? `, ${request.senderRole === "head" ? "руководитель" : "сотрудник"}` : ""}`,
          },
          { label: "Канал", value: channels[request.channel] ?? request.channel },
          !!request.organizationInn && {
            label: "Организация",
            value: (
              <>
                ИНН {request.organizationInn}{" "}
                <a href={`/support-desk?organization=${request.organizationId}`}>все обращения организации</a>
              </>
            ),
          },
          !!request.email && { label: "Почта для ответа", value: request.email },
        ]}
      />
      <RequestText heading="Обращение" request={request} attachments={details.attachments} base={path} />
      <section class="card" aria-labelledby="context-title">
        <h2 id="context-title">Контекст отправителя</h2>
        <p>Код ошибки, с которой пришёл отправитель: {request.errorCode ?? "не передан"}</p>
        {request.userId ? (
          details.failedLogins.length > 0 ? (
            <ul>
              {details.failedLogins.map((item) => (
                <li key={item.occurredAt.toISOString()}>
                  {formatDateTime(item.occurredAt)}: неудачный вход (
                  {String(item.details.reason ?? "причина не указана")})
                </li>
              ))}
            </ul>
          ) : (
            <p>Неудачных входов за последние 7 дней нет.</p>
          )
        ) : (
          <p>Отправитель не входил в кабинет: сведений о входах нет.</p>
        )}
      </section>
      <h2>Переписка и история</h2>
      <Conversation messages={details.messages} attachments={details.attachments} base={path} operatorView />
      <ChatSection
        messages={details.messages}
        path={path}
        csrfToken={ctx.csrfToken}
        open={props.chatOpen}
        hours={props.hours}
        operatorView
        active={details.can.answer}
      />
      <MoveButtons
        path={path}
        csrfToken={ctx.csrfToken}
        moves={[
          details.can.take && { action: "take", label: "Взять в работу" },
          details.can.escalate && {
            action: "escalate",
            label: "Передать старшему специалисту",
            variant: "secondary",
          },
          details.can.close && { action: "close", label: "Закрыть обращение", variant: "secondary" },
        ]}
      />
      {details.can.answer && (
        <>
          <form method="get" action={path} class="card">
            <SelectField
              {...bind("template")}
              label="Шаблон ответа"
              options={Object.fromEntries(details.templates.map((item) => [item.id, item.title]))}
              placeholder="Без шаблона"
            />
            <button type="submit" class="button button--secondary">
              Подставить шаблон
            </button>
          </form>
          <PostForm action={`${path}/answer`} csrfToken={ctx.csrfToken} class="card">
            <h2>Ответ отправителю</h2>
            <TextArea {...bind("message")} value={values.message ?? template?.text} label="Текст ответа" />
            <label class="choice">
              <input type="checkbox" name="resolve" value="1" /> Вопрос решён этим ответом
            </label>
            <button type="submit" class="button">
              Отправить ответ
            </button>
          </PostForm>
        </>
      )}
      <PostForm action={`${path}/note`} csrfToken={ctx.csrfToken} class="card">
        <h2>Внутренняя заметка</h2>
        <TextArea {...bind("note")} label="Заметка (отправитель её не увидит)" rows={3} />
        <button type="submit" class="button button--secondary">
          Добавить заметку
        </button>
      </PostForm>
      <PostForm action={`${path}/priority`} csrfToken={ctx.csrfToken} class="card">
        <h2>Приоритет</h2>
        <SelectField
          {...bind("priority")}
          value={values.priority ?? request.priority}
          label="Новый приоритет"
          options={priorities}
        />
        <TextArea {...bind("reason")} label="Причина изменения" rows={2} maxLength={500} />
        <button type="submit" class="button button--secondary">
          Изменить приоритет
        </button>
      </PostForm>
    </Layout>
  );
}
