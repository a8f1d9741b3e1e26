import { formatDateTime } from "../../../shared/format.ts";
import { formatPhone } from "../../../shared/phone.ts";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import type { OutboxRow } from "../notifications.repository.ts";

export function OutboxPage({ ctx, messages }: { ctx: PageContext; messages: readonly OutboxRow[] }) {
  return (
    <Layout ctx={ctx} title="Исходящие сообщения">
      <h1>Исходящие SMS и письма</h1>
      <p class="notice">
        Страница учебной установки: сообщения никуда не отправляются, а показываются здесь. В рабочей
        установке её нет.
      </p>
      {messages.length === 0 ? (
        <p>Сообщений пока нет.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Последние сообщения, новые сверху</caption>
            <thead>
              <tr>
                <th scope="col">Время</th>
                <th scope="col">Канал</th>
                <th scope="col">Получатель</th>
                <th scope="col">Текст</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <td>{formatDateTime(message.createdAt)}</td>
                  <td>{message.channel === "sms" ? "SMS" : "E-mail"}</td>
                  <td>{message.channel === "sms" ? formatPhone(message.recipient) : message.recipient}</td>
                  <td>
                    {message.subject && <strong class="outbox__subject">{message.subject}</strong>}
                    {message.body}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
