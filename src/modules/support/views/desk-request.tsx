// A request in the back office: what the sender wrote, their context (the error code they came
// with, recent failed logins; never their documents), the conversation with internal notes, and
// the operator's actions.
import { formatDateTime } from "../../../shared/format.ts";
import { ErrorSummary, type FieldError, Flash } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import type { DeskService } from "../support.desk.ts";
import { type Priority, priorities } from "../support.priority.ts";
import { type RequestKind, requestKinds } from "../support.status.ts";
import { Attachments, ChatSection, Conversation, SupportStatus } from "./components.tsx";
import { deskNavigation } from "./desk-queue.tsx";
import { errorOf, SelectField, TextArea } from "./fields.tsx";

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
  const csrf = <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
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
      <dl class="facts">
        <dt>Тема</dt>
        <dd>{requestKinds[request.kind as RequestKind] ?? request.kind}</dd>
        <dt>Статус</dt>
        <dd>
          <SupportStatus status={request.status} />
        </dd>
        <dt>Приоритет</dt>
        <dd>
          {priorities[request.priority as Priority] ?? request.priority}
          {request.line === "senior" ? ", старший специалист" : ", первая линия"}
        </dd>
        <dt>Срок {request.firstAnsweredAt ? "решения" : "первого ответа"}</dt>
        <dd>
          {overdue ? (
            <strong class="overdue">Просрочено: {formatDateTime(request.dueAt)}</strong>
          ) : (
            formatDateTime(request.dueAt)
          )}
        </dd>
        <dt>Отправитель</dt>
        <dd>
          {request.senderName}
          {request.senderRole && `, ${request.senderRole === "head" ? "руководитель" : "сотрудник"}`}
        </dd>
        <dt>Канал</dt>
        <dd>{channels[request.channel] ?? request.channel}</dd>
        {request.organizationInn && (
          <>
            <dt>Организация</dt>
            <dd>
              ИНН {request.organizationInn}{" "}
              <a href={`/support-desk?organization=${request.organizationId}`}>все обращения организации</a>
            </dd>
          </>
        )}
        {request.email && (
          <>
            <dt>Почта для ответа</dt>
            <dd>{request.email}</dd>
          </>
        )}
      </dl>
      <section class="card" aria-labelledby="request-text">
        <h2 id="request-text">Обращение</h2>
        {request.errorText && <p>Текст ошибки: «{request.errorText}»</p>}
        {request.attemptAt && <p>Время попытки: {formatDateTime(request.attemptAt)}</p>}
        <p class="support-thread__text">{request.description}</p>
        <Attachments items={details.attachments.filter((item) => item.messageId === null)} base={path} />
      </section>
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
        feedUrl={`${path}/chat.json`}
        postUrl={`${path}/chat`}
        csrfToken={ctx.csrfToken}
        open={props.chatOpen}
        hours={props.hours}
        operatorView
        active={details.can.answer}
      />
      <div class="actions">
        {details.can.take && (
          <form method="post" action={`${path}/take`}>
            {csrf}
            <button type="submit" class="button">
              Взять в работу
            </button>
          </form>
        )}
        {details.can.escalate && (
          <form method="post" action={`${path}/escalate`}>
            {csrf}
            <button type="submit" class="button button--secondary">
              Передать старшему специалисту
            </button>
          </form>
        )}
        {details.can.close && (
          <form method="post" action={`${path}/close`}>
            {csrf}
            <button type="submit" class="button button--secondary">
              Закрыть обращение
            </button>
          </form>
        )}
      </div>
      {details.can.answer && (
        <>
          <form method="get" action={path} class="card">
            <SelectField
              name="template"
              label="Шаблон ответа"
              value={values.template}
              options={Object.fromEntries(details.templates.map((item) => [item.id, item.title]))}
              placeholder="Без шаблона"
            />
            <button type="submit" class="button button--secondary">
              Подставить шаблон
            </button>
          </form>
          <form method="post" action={`${path}/answer`} class="card">
            {csrf}
            <h2>Ответ отправителю</h2>
            <TextArea
              name="message"
              label="Текст ответа"
              value={values.message ?? template?.text}
              error={errorOf(errors, "message")}
            />
            <label class="choice">
              <input type="checkbox" name="resolve" value="1" /> Вопрос решён этим ответом
            </label>
            <button type="submit" class="button">
              Отправить ответ
            </button>
          </form>
        </>
      )}
      <form method="post" action={`${path}/note`} class="card">
        {csrf}
        <h2>Внутренняя заметка</h2>
        <TextArea
          name="note"
          label="Заметка (отправитель её не увидит)"
          value={values.note}
          error={errorOf(errors, "note")}
          rows={3}
        />
        <button type="submit" class="button button--secondary">
          Добавить заметку
        </button>
      </form>
      <form method="post" action={`${path}/priority`} class="card">
        {csrf}
        <h2>Приоритет</h2>
        <SelectField
          name="priority"
          label="Новый приоритет"
          value={values.priority ?? request.priority}
          options={priorities}
          error={errorOf(errors, "priority")}
        />
        <TextArea
          name="reason"
          label="Причина изменения"
          value={values.reason}
          error={errorOf(errors, "reason")}
          rows={2}
          maxLength={500}
        />
        <button type="submit" class="button button--secondary">
          Изменить приоритет
        </button>
      </form>
    </Layout>
  );
}
