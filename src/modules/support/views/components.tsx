// Small pieces shared by the sender's and the operators' pages.

import { formatDateTime } from "../../../shared/format.ts";
import { ActionButton, type ButtonVariant } from "../../../ui/actions.tsx";
import type { SummaryRow } from "../../../ui/summary-list.tsx";
import { formatFileSize } from "../../documents/upload-rules.ts";
import type { SupportAttachmentRow, SupportMessageRow, SupportRequestRow } from "../support.repository.ts";
import { type RequestKind, type RequestStatus, requestKinds, requestStatuses } from "../support.status.ts";

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

/** The first facts of a request on every page: its type and its status. */
export const kindAndStatus = (request: SupportRequestRow): SummaryRow[] => [
  { label: "Тема", value: requestKinds[request.kind as RequestKind] ?? request.kind },
  { label: "Статус", value: <SupportStatus status={request.status} /> },
];

/** What the sender wrote, with the files sent along with the request itself. */
export function RequestText(props: {
  heading: string;
  request: SupportRequestRow;
  attachments: readonly SupportAttachmentRow[];
  base: string;
  /** The sender sees the code they came with here; operators see it in the sender's context. */
  showCode?: boolean;
}) {
  const { request } = props;
  return (
    <section class="card" aria-labelledby="request-text">
      <h2 id="request-text">{props.heading}</h2>
      {request.errorText && <p>Текст ошибки: «{request.errorText}»</p>}
      {props.showCode && request.errorCode && <p>Код ошибки: {request.errorCode}</p>}
      {request.attemptAt && <p>Время попытки: {formatDateTime(request.attemptAt)}</p>}
      <p class="support-thread__text">{request.description}</p>
      <Attachments items={props.attachments.filter((item) => item.messageId === null)} base={props.base} />
    </section>
  );
}

export interface Move {
  /** The last part of the move's address: `take`, `escalate`, `close`… */
  action: string;
  label: string;
  variant?: ButtonVariant;
}

/** The one-button moves on a request that are open now; `false` stands for one that is not. */
export function MoveButtons(props: { path: string; csrfToken: string; moves: readonly (Move | false)[] }) {
  return (
    <div class="actions">
      {props.moves
        .filter((move): move is Move => move !== false)
        .map((move) => (
          <ActionButton
            key={move.action}
            action={`${props.path}/${move.action}`}
            csrfToken={props.csrfToken}
            label={move.label}
            variant={move.variant}
          />
        ))}
    </div>
  );
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
  /** The request's page: the feed is `<path>/chat.json`, a line is posted to `<path>/chat`. */
  path: string;
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
        data-feed={`${props.path}/chat.json`}
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
        <form method="post" action={`${props.path}/chat`}>
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
