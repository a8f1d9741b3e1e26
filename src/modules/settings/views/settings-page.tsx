import { formatDateTime } from "../../../shared/format.ts";
import { formatPhone } from "../../../shared/phone.ts";
import { ErrorSummary, type FieldError, Flash, fieldId } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { workerNavigation } from "../../home/navigation.ts";
import type { SessionRow } from "../../identity/sessions.repository.ts";
import { SessionsSection } from "../../identity/views/sessions-section.tsx";
import type { SettingsData } from "../settings.service.ts";

export interface SettingsView extends SettingsData {
  sessions: readonly SessionRow[];
  currentSessionKey: string;
  errors: FieldError[];
  flash: string | undefined;
  esiaProfileUrl: string;
}

export function SettingsPage({ ctx, view }: { ctx: PageContext; view: SettingsView }) {
  const { contacts, channels, consent } = view;
  const errorOf = (field: string) => view.errors.find((error) => error.field === field)?.message;
  return (
    <Layout ctx={ctx} title="Настройки" nav={workerNavigation}>
      <h1>Настройки</h1>
      <Flash message={view.flash} />
      <ErrorSummary errors={view.errors} />

      <section class="card" aria-labelledby="contacts-title">
        <h2 id="contacts-title">Контактные данные</h2>
        <dl class="facts">
          <dt>Электронная почта</dt>
          <dd>
            {contacts.email ? contacts.email.value : "не указана"}{" "}
            {contacts.email && !contacts.email.verified && (
              <span class="badge badge--warn">не подтверждена</span>
            )}
          </dd>
          <dt>Мобильный телефон</dt>
          <dd>
            {contacts.phone ? formatPhone(contacts.phone) : "не указан"}{" "}
            {contacts.phone && !contacts.phoneVerified && (
              <span class="badge badge--warn">не подтверждён</span>
            )}
          </dd>
        </dl>
        <p class="muted">
          Контакты берутся из вашего профиля на Госуслугах и обновляются при каждом входе в кабинет. Изменить
          их можно только на Госуслугах.
        </p>
        <p>
          <a href={view.esiaProfileUrl} rel="noopener">
            Изменить контакты на Госуслугах
          </a>
        </p>
      </section>

      <section class="card" aria-labelledby="notifications-title">
        <h2 id="notifications-title">Уведомления</h2>
        <form method="post" action="/lk/settings/notifications">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <fieldset class="choices">
            <legend>Куда присылать уведомления о заявлениях и сроках</legend>
            <p class="field">
              В личном кабинете <span class="badge badge--ok">всегда</span>
            </p>
            <Channel
              name="email"
              label="По электронной почте"
              checked={channels.email}
              hint={contacts.email ? contacts.email.value : "На Госуслугах не указана электронная почта"}
              disabled={!contacts.email}
              error={errorOf("email")}
            />
            <Channel
              name="sms"
              label="SMS"
              checked={channels.sms}
              hint={
                contacts.phone
                  ? `на номер ${formatPhone(contacts.phone)}`
                  : "На Госуслугах не указан мобильный телефон"
              }
              disabled={!contacts.phone}
              error={errorOf("sms")}
            />
          </fieldset>
          <button type="submit" class="button">
            Сохранить
          </button>
        </form>
      </section>

      <SessionsSection
        csrfToken={ctx.csrfToken}
        sessions={view.sessions}
        currentKey={view.currentSessionKey}
        back="/lk/settings"
      />

      <section class="card" aria-labelledby="consent-title">
        <h2 id="consent-title">Согласие на обработку персональных данных</h2>
        {consent && (
          <p>
            Дано {formatDateTime(consent.grantedAt)}, редакция {consent.versionId}.
          </p>
        )}
        <p>Если отозвать согласие, доступ к личному кабинету закроется до нового подключения сервиса ФРМР.</p>
        <a class="button button--secondary" href="/lk/consent/revoke">
          Отозвать согласие
        </a>
      </section>
    </Layout>
  );
}

interface ChannelProps {
  name: string;
  label: string;
  checked: boolean;
  hint: string;
  disabled: boolean;
  error: string | undefined;
}

function Channel(props: ChannelProps) {
  const id = fieldId(props.name);
  return (
    <div class={props.error ? "field field--error" : "field"}>
      {props.error && (
        <p class="field__error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      <label class="choice" for={id}>
        <input
          type="checkbox"
          id={id}
          name={props.name}
          checked={props.checked}
          disabled={props.disabled}
          aria-describedby={[`${id}-hint`, props.error ? `${id}-error` : ""].filter(Boolean).join(" ")}
        />
        {props.label}
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      </label>
    </div>
  );
}
