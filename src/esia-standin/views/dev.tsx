// The stand-in's own pages for developers and demos: what it is, the test accounts, the outbox.
import { formatSnils } from "../../shared/identifiers.ts";
import { formatPhone } from "../../shared/phone.ts";
import type { Column } from "../../ui/table.tsx";
import type { AccountLevel, StandinOrganization, StandinPerson } from "../model.ts";
import { fullNameOf } from "../model.ts";
import type { OutboxMessage } from "../store.ts";
import { StandinTable } from "./components.tsx";
import { Page } from "./layout.tsx";

export const LEVEL_NAMES: Record<AccountLevel, string> = {
  simplified: "упрощённая",
  standard: "стандартная",
  confirmed: "подтверждённая",
};

const personColumns: Column<StandinPerson>[] = [
  {
    label: "Пользователь",
    cell: (p) => (
      <>
        {fullNameOf(p)}
        <br />
        <span class="hint">{p.description}</span>
      </>
    ),
  },
  {
    label: "Учётная запись",
    cell: (p) => (
      <>
        {LEVEL_NAMES[p.level]}
        <br />
        oid {p.oid}
      </>
    ),
  },
  {
    label: "Вход",
    cell: (p) => (
      <>
        {p.phone ? formatPhone(p.phone) : null}
        {p.email ? <br /> : null}
        {p.email}
        {p.snils ? <br /> : null}
        {p.snils ? `СНИЛС ${formatSnils(p.snils)}` : null}
      </>
    ),
  },
];

const organizationColumns: Column<StandinOrganization>[] = [
  {
    label: "Организация",
    cell: (o) => (
      <>
        {o.shortName}
        <br />
        <span class="hint">{o.description}</span>
      </>
    ),
  },
  {
    label: "Реквизиты",
    cell: (o) => (
      <>
        {o.ogrn.length === 15 ? "ОГРНИП" : "ОГРН"} {o.ogrn}
        <br />
        ИНН {o.inn}
        {o.kpp ? `, КПП ${o.kpp}` : ""}
        <br />
        oid {o.oid}
      </>
    ),
  },
];

export function HomePage(props: {
  people: StandinPerson[];
  organizations: StandinOrganization[];
  password: string;
  signedInAs?: string;
}) {
  return (
    <Page title="О стенде" signedInAs={props.signedInAs}>
      <h1>Тестовый стенд ЕСИА</h1>
      <p>
        Стенд ведёт себя как ЕСИА (Госуслуги) для систем, которые к нему подключены: принимает запросы на
        вход, проверяет подпись запроса, выдаёт маркеры доступа и данные пользователя. Он нужен для
        разработки, тестов и демонстраций и никогда не включается в рабочей среде.
      </p>
      <p>
        Войти можно по телефону (в любой записи), адресу электронной почты или СНИЛС. Пароль всех тестовых
        учётных записей: <strong>{props.password}</strong>. Коды из SMS и писем показаны на странице{" "}
        <a href="/outbox">«Отправленные SMS и письма»</a>.
      </p>
      <h2>Тестовые учётные записи</h2>
      <StandinTable columns={personColumns} rows={props.people} rowKey={(p) => p.oid} stack />
      <h2>Тестовые организации</h2>
      <StandinTable columns={organizationColumns} rows={props.organizations} rowKey={(o) => o.oid} stack />
      <h2>Для разработчиков</h2>
      <ul>
        <li>
          Сертификаты стенда для проверки подписи маркеров:{" "}
          <a href="/certificates/esia-rsa.pem">RSA (RS256)</a>,{" "}
          <a href="/certificates/esia-gost.pem">ГОСТ Р 34.10-2012</a>.
        </li>
        <li>
          Отправленные сообщения в формате JSON: <a href="/outbox.json">/outbox.json</a>.
        </li>
      </ul>
    </Page>
  );
}

const moscowTime = new Intl.DateTimeFormat("ru-RU", {
  timeZone: "Europe/Moscow",
  dateStyle: "short",
  timeStyle: "medium",
});

const outboxColumns: Column<OutboxMessage>[] = [
  { label: "Время (МСК)", cell: (m) => moscowTime.format(m.at) },
  { label: "Кому", cell: (m) => `${m.channel === "sms" ? "SMS" : "Письмо"}: ${m.to}` },
  {
    label: "Сообщение",
    cell: (m) => (
      <>
        <strong>{m.subject}</strong>
        <br />
        {m.text}
      </>
    ),
  },
];

export function OutboxPage(props: { messages: OutboxMessage[] }) {
  return (
    <Page title="Отправленные SMS и письма">
      <h1>Отправленные SMS и письма</h1>
      <p>
        Стенд не отправляет настоящих сообщений: всё, что ушло бы по SMS или почте, показано здесь, новые
        сверху.
      </p>
      {props.messages.length === 0 ? (
        <p>Сообщений пока нет.</p>
      ) : (
        <StandinTable columns={outboxColumns} rows={props.messages} rowKey={(m) => m.id} />
      )}
    </Page>
  );
}
