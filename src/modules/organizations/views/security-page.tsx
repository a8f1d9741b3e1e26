// «Безопасность» (O13): the optional allow-list of networks. An empty list lets every network in.
import { formatDateTime, fullName } from "../../../shared/format.ts";
import { ActionButton, FormActions, PostForm } from "../../../ui/actions.tsx";
import { FieldList, type FieldSpec } from "../../../ui/field-list.tsx";
import { binder, ErrorSummary, type FieldError } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import type { SessionRow } from "../../identity/sessions.repository.ts";
import { SessionsSection } from "../../identity/views/sessions-section.tsx";
import type { CabinetActor } from "../cabinet.guard.tsx";
import type { EntryHoldRow } from "../entry-holds.repository.ts";
import type { NetworkRow } from "../security.repository.ts";
import { CabinetPage } from "./cabinet-page.tsx";

/** A network to allow: its CIDR and a note on what it is. */
const networkFields: readonly FieldSpec<"cidr" | "note">[] = [
  {
    control: "text",
    name: "cidr",
    label: "Адрес сети",
    hint: "IPv4 или IPv6 в формате CIDR, например 203.0.113.0/24 или 2001:db8:1::/48; отдельный адрес — без «/».",
    maxLength: 50,
  },
  {
    control: "text",
    name: "note",
    label: "Примечание (необязательно)",
    hint: "Например, «главный корпус».",
    maxLength: 100,
  },
];

export function SecurityPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  networks: NetworkRow[];
  entry: {
    holdSuspicious: boolean;
    holds: readonly {
      hold: EntryHoldRow;
      lastName: string;
      firstName: string;
      middleName: string | null;
    }[];
  };
  sessions: readonly SessionRow[];
  currentSessionKey: string;
  values: { cidr?: string; note?: string };
  errors: readonly FieldError[];
  flash?: string | undefined;
}) {
  const { networks, values, errors } = props;
  const bind = binder({ values, errors });
  return (
    <CabinetPage ctx={props.ctx} actor={props.actor} title="Безопасность" flash={props.flash}>
      <h1>Безопасность</h1>
      <p class="lead">
        Можно разрешить работу в кабинете организации только из сетей организации. Пока список пуст, входить
        можно из любой сети. О входе сотрудника из новой сети или с нового устройства вы получите уведомление.
      </p>
      <p>Ваш текущий адрес: {props.actor.ip}.</p>
      <ErrorSummary errors={errors} />
      <EntryBlocking {...props} />
      <section class="card" aria-labelledby="networks-title">
        <h2 id="networks-title">Разрешённые сети</h2>
        {networks.length === 0 ? (
          <p>Ограничение не включено.</p>
        ) : (
          <ul>
            {networks.map((network) => (
              <li key={network.id}>
                <strong>{network.cidr}</strong>
                {network.note && ` — ${network.note}`}{" "}
                <span class="muted">(добавлена {formatDateTime(network.createdAt)})</span>{" "}
                <ActionButton
                  action={`/org/security/networks/${network.id}/delete`}
                  csrfToken={props.ctx.csrfToken}
                  class="inline-form"
                  variant="link"
                  label={
                    <>
                      Удалить<span class="visually-hidden"> сеть {network.cidr}</span>
                    </>
                  }
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <PostForm action="/org/security/networks" class="card" csrfToken={props.ctx.csrfToken}>
        <h2>Добавить сеть</h2>
        <FieldList bind={bind} fields={networkFields} />
        <FormActions label="Добавить" />
      </PostForm>
      <SessionsSection
        csrfToken={props.ctx.csrfToken}
        sessions={props.sessions}
        currentKey={props.currentSessionKey}
        back="/org/security"
      />
    </CabinetPage>
  );
}

/** «Блокировать подозрительные входы» and the entries waiting for the head's decision. */
function EntryBlocking(props: { ctx: PageContext; entry: SecurityPageEntry }) {
  const { holdSuspicious, holds } = props.entry;
  return (
    <section class="card" aria-labelledby="entry-title">
      <h2 id="entry-title">Подозрительные входы</h2>
      <p>
        {holdSuspicious
          ? "Защита включена: вход сотрудника из новой сети или с нового устройства (вне разрешённых сетей) ждёт подтверждения — кодом из письма сотруднику или вашим разрешением."
          : "Защита выключена: о входе из новой сети или с нового устройства вы получаете уведомление, но вход не задерживается."}
      </p>
      <PostForm action="/org/security/entry-blocking" csrfToken={props.ctx.csrfToken}>
        <input type="hidden" name="holdSuspicious" value={holdSuspicious ? "off" : "on"} />
        <FormActions
          label={
            holdSuspicious ? "Выключить блокировку подозрительных входов" : "Блокировать подозрительные входы"
          }
        />
      </PostForm>
      {holds.length > 0 && (
        <>
          <h3>Ждут подтверждения</h3>
          <ul>
            {holds.map((row) => {
              const name = fullName(row);
              // The button's text names the person for a screen reader, which reads it out of the list.
              const holdAction = (verb: "release" | "reject", label: string) => (
                <ActionButton
                  action={`/org/security/holds/${row.hold.id}/${verb}`}
                  csrfToken={props.ctx.csrfToken}
                  class="inline-form"
                  variant="link"
                  label={
                    <>
                      {label}
                      <span class="visually-hidden">: {name}</span>
                    </>
                  }
                />
              );
              return (
                <li key={row.hold.id}>
                  <strong>{name}</strong> — {row.hold.deviceLabel}, сеть {row.hold.network}{" "}
                  <span class="muted">({formatDateTime(row.hold.createdAt)})</span>{" "}
                  {holdAction("release", "Разрешить вход")} {holdAction("reject", "Отклонить")}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

type SecurityPageEntry = Parameters<typeof SecurityPage>[0]["entry"];
