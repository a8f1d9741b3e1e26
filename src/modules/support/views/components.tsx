// Small pieces shared by the sender's and the operators' pages.

import { formatDateTime } from "../../../shared/format.ts";
import { formatFileSize } from "../../documents/upload-rules.ts";
import type { SupportAttachmentRow, SupportMessageRow } from "../support.repository.ts";
import { type RequestStatus, requestStatuses } from "../support.status.ts";

const badgeClass: Record<RequestStatus, string> = {
  new: "badge",
  in_progress: "badge badge--warn",
  awaiting_sender: "badge badge--warn",
  resolved: "badge badge--ok",
  closed: "badge",
};

export function SupportStatus({ status }: { status: string }) {
  const known = status as RequestStatus;
  return <span class={badgeClass[known] ?? "badge"}>{requestStatuses[known] ?? status}</span>;
}

export function Attachments(props: { items: readonly SupportAttachmentRow[]; base: string }) {
  if (props.items.length === 0) return null;
  return (
    <ul>
      {props.items.map((item) => (
        <li key={item.id}>
          <a href={`${props.base}/attachments/${item.id}`}>{item.originalName}</a> (
          {formatFileSize(item.sizeBytes)})
        </li>
      ))}
    </ul>
  );
}

const authorLabel = (message: SupportMessageRow, operatorView: boolean) => {
  if (message.kind === "note") return "Внутренняя заметка (отправитель её не видит)";
  if (message.kind === "event") return "Событие";
  if (message.author === "sender") return operatorView ? "Отправитель" : "Вы";
  return "Служба поддержки";
};

/** Answers, replies, events and notes in order; chat lines are shown in the chat. */
export function Conversation(props: {
  messages: readonly SupportMessageRow[];
  attachments: readonly SupportAttachmentRow[];
  base: string;
  operatorView?: boolean;
}) {
  const shown = props.messages.filter((message) => message.kind !== "chat");
  if (shown.length === 0) return <p>Ответов пока нет.</p>;
  return (
    <ol class="support-thread">
      {shown.map((message) => (
        <li key={message.id} class={`support-thread__item support-thread__item--${message.kind}`}>
          <p class="muted">
            {authorLabel(message, props.operatorView === true)}, {formatDateTime(message.createdAt)}
          </p>
          <p class="support-thread__text">{message.body}</p>
          <Attachments
            items={props.attachments.filter((item) => item.messageId === message.id)}
            base={props.base}
          />
        </li>
      ))}
    </ol>
  );
}

/** The chat log and, while open, its form; the polling script adds new lines to the log. */
export function ChatSection(props: {
  messages: readonly SupportMessageRow[];
  feedUrl: string;
  postUrl: string;
  csrfToken: string;
  open: boolean;
  hours: string;
  operatorView?: boolean;
  active: boolean;
}) {
  const lines = props.messages.filter((message) => message.kind === "chat");
  const lastId = lines.at(-1)?.id ?? 0;
  return (
    <section
      class="card"
      aria-labelledby="chat-title"
      id="chat"
      data-operator={props.operatorView ? "1" : undefined}
    >
      <h2 id="chat-title">Онлайн-чат</h2>
      {!props.open && (
        <p class="notice">
          Сейчас чат не работает. Операторы отвечают в чате в рабочие дни с {props.hours} по московскому
          времени; обращение можно дополнить ответом ниже в любое время.
        </p>
      )}
      <ol
        class="chat-log"
        id="chat-log"
        data-feed={props.feedUrl}
        data-last={String(lastId)}
        aria-live="polite"
      >
        {lines.map((message) => (
          <li key={message.id} class={`chat-log__line chat-log__line--${message.author}`}>
            <span class="muted">
              {message.author === "sender" ? (props.operatorView ? "Отправитель" : "Вы") : "Оператор"},{" "}
              {formatDateTime(message.createdAt)}:
            </span>{" "}
            {message.body}
          </li>
        ))}
      </ol>
      {lines.length === 0 && (
        <p class="muted" id="chat-empty">
          Сообщений в чате пока нет.
        </p>
      )}
      {props.open && props.active && (
        <form method="post" action={props.postUrl}>
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <div class="field">
            <label for="field-chat">Сообщение в чат</label>
            <textarea id="field-chat" name="chat" rows={2} maxLength={2000} />
          </div>
          <button type="submit" class="button button--secondary">
            Отправить в чат
          </button>
        </form>
      )}
      <p class="muted">Новые сообщения появляются сами; без JavaScript обновите страницу.</p>
      <script src="/assets/support-chat.js" defer />
    </section>
  );
}
