// The back office's API clients (C4): the list, one client's card with its actions, and the page that
// shows a new secret once.
import { formatDate, formatDateTime } from "../../../shared/format.ts";
import { BackLink } from "../../../ui/actions.tsx";
import { Flash } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { SummaryList } from "../../../ui/summary-list.tsx";
import { type Column, DataTable } from "../../../ui/table.tsx";
import { deskNavigation } from "../../support/views/desk-queue.tsx";
import type { ApiScope } from "../api.scopes.ts";
import { kindLabels, scopeLabels } from "../api-clients.labels.ts";
import type { ApiClientRow } from "../clients.repository.ts";

export const clientsPath = "/support-desk/api-clients";
export const clientPath = (id: string) => `${clientsPath}/${id}`;

export interface ClientListRow {
  client: ApiClientRow;
  /** The short name of the organization an organization's client acts for. */
  organizationName: string | undefined;
}

const status = (client: ApiClientRow) =>
  client.suspendedAt ? (
    <span class="badge badge--bad">Приостановлен с {formatDate(client.suspendedAt)}</span>
  ) : (
    <span class="badge badge--ok">Действует</span>
  );

const scopesText = (client: ApiClientRow) =>
  (client.scopes as ApiScope[]).map((scope) => scopeLabels[scope] ?? scope).join("; ");

const lastUse = (client: ApiClientRow) =>
  client.lastUsedAt ? formatDateTime(client.lastUsedAt) : "ещё не обращалась";

const organizationOf = (row: ClientListRow) =>
  row.client.organizationOid ? (
    <>
      {row.organizationName ?? "Организация не найдена"}
      <br />
      <span class="muted">OID ФРМО {row.client.organizationOid}</span>
    </>
  ) : (
    "—"
  );

const columns: readonly Column<ClientListRow>[] = [
  { label: "Система", cell: (row) => <a href={clientPath(row.client.id)}>{row.client.name}</a> },
  { label: "Вид", cell: (row) => kindLabels[row.client.kind] },
  { label: "Организация", cell: organizationOf },
  { label: "Разрешения", cell: (row) => scopesText(row.client) },
  { label: "Статус", cell: (row) => status(row.client) },
  { label: "Зарегистрирована", cell: (row) => formatDate(row.client.createdAt) },
  { label: "Последнее обращение", cell: (row) => lastUse(row.client) },
];

export function ClientsListPage(props: {
  ctx: PageContext;
  rows: readonly ClientListRow[];
  flash: string | undefined;
}) {
  return (
    <Layout ctx={props.ctx} title="Клиенты API" nav={deskNavigation}>
      <h1>Системы, работающие через API</h1>
      <Flash message={props.flash} />
      <p>
        Кадровые системы и МИС медицинских организаций, органы управления здравоохранением и страховые
        компании получают сведения реестра через интеграционный API. Здесь их регистрируют, приостанавливают и
        выпускают им новые секреты.
      </p>
      <p>
        <a class="button" href={`${clientsPath}/new`}>
          Зарегистрировать клиента
        </a>
      </p>
      <DataTable
        caption="Системы, работающие через API"
        columns={columns}
        rows={props.rows}
        rowKey={(row) => row.client.id}
        stacked
        empty="Пока не зарегистрировано ни одной системы."
      />
    </Layout>
  );
}

export function ClientPage(props: { ctx: PageContext; row: ClientListRow; flash: string | undefined }) {
  const { client } = props.row;
  const path = clientPath(client.id);
  return (
    <Layout ctx={props.ctx} title={client.name} nav={deskNavigation}>
      <BackLink href={clientsPath}>К списку систем</BackLink>
      <h1>{client.name}</h1>
      <Flash message={props.flash} />
      <div class="card">
        <SummaryList
          rows={[
            { label: "Идентификатор (client_id)", value: <code>{client.clientId}</code>, breakWord: true },
            { label: "Вид", value: kindLabels[client.kind] },
            client.organizationOid !== null && { label: "Организация", value: organizationOf(props.row) },
            {
              label: "Разрешения",
              value: (
                <ul class="plain-list">
                  {(client.scopes as ApiScope[]).map((scope) => (
                    <li key={scope}>{scopeLabels[scope] ?? scope}</li>
                  ))}
                </ul>
              ),
            },
            {
              label: "Вход",
              value: client.publicJwk ? "по секрету или по ключу (private_key_jwt)" : "по секрету",
            },
            { label: "Статус", value: status(client) },
            { label: "Зарегистрирована", value: formatDateTime(client.createdAt) },
            { label: "Последнее обращение", value: lastUse(client) },
          ]}
        />
      </div>
      <div class="actions">
        {client.suspendedAt ? (
          <a class="button" href={`${path}/resume`}>
            Возобновить
          </a>
        ) : (
          <a class="button button--danger" href={`${path}/suspend`}>
            Приостановить
          </a>
        )}
        <a class="button button--secondary" href={`${path}/secret`}>
          Выпустить новый секрет
        </a>
      </div>
    </Layout>
  );
}

/** The secret, shown this once: it is stored only as a hash. */
export function SecretPage(props: {
  ctx: PageContext;
  client: ApiClientRow;
  secret: string;
  isNew: boolean;
}) {
  const { client } = props;
  return (
    <Layout ctx={props.ctx} title="Секрет клиента API" nav={deskNavigation}>
      <h1>{props.isNew ? "Система зарегистрирована" : "Новый секрет выпущен"}</h1>
      <div class="card">
        <SummaryList
          rows={[
            { label: "Система", value: client.name },
            { label: "Идентификатор (client_id)", value: <code>{client.clientId}</code>, breakWord: true },
            { label: "Секрет (client_secret)", value: <code>{props.secret}</code>, breakWord: true },
          ]}
        />
        <p class="notice">
          <strong>Секрет показан один раз.</strong> Реестр хранит только его хеш и показать его снова не
          сможет. Передайте секрет владельцу системы защищённым способом. Если секрет потерян, выпустите
          новый.
        </p>
        {!props.isNew && <p>Прежний секрет больше не действует.</p>}
      </div>
      <p>
        <a href={clientPath(client.id)}>Открыть карточку системы</a> ·{" "}
        <a href={clientsPath}>К списку систем</a>
      </p>
    </Layout>
  );
}
