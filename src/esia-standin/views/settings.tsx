// «Настройки безопасности»: two-step login (SMS or authenticator app) and a backup contact (E3).
import { formatPhone } from "../../shared/phone.ts";
import type { StandinPerson } from "../model.ts";
import { fullNameOf } from "../model.ts";
import type { SecondFactor } from "../store.ts";
import { Button, ErrorSummary, type FieldError, Form, TextField } from "./components.tsx";
import { LEVEL_NAMES } from "./dev.tsx";
import { Page } from "./layout.tsx";

export interface SettingsView {
  csrf: string;
  person: StandinPerson;
  secondFactor: SecondFactor;
  backupContact?: string;
  notice?: string;
  errors: FieldError[];
  backupValue: string;
}

const FACTORS: [SecondFactor, string][] = [
  ["off", "Выключена: вход только по паролю"],
  ["sms", "Код из SMS на основной номер телефона"],
  ["totp", "Код из приложения-аутентификатора"],
];

export const showContact = (value: string) => (value.includes("@") ? value : formatPhone(value));

export function SettingsPage(v: SettingsView) {
  const name = fullNameOf(v.person);
  return (
    <Page title="Настройки безопасности" signedInAs={name}>
      <h1>Настройки безопасности</h1>
      <ErrorSummary errors={v.errors} />
      {v.notice ? (
        <p class="notice" role="status">
          {v.notice}
        </p>
      ) : null}
      <p>
        {name}, учётная запись {LEVEL_NAMES[v.person.level]}.
        {v.person.phone ? ` Телефон: ${formatPhone(v.person.phone)}.` : ""}
        {v.person.email ? ` Почта: ${v.person.email}.` : ""}
      </p>

      <h2>Двухэтапная проверка</h2>
      <p>
        После пароля стенд попросит код. Так учётная запись останется защищённой, даже если пароль узнают.
      </p>
      <Form action="/settings/security/second-factor" csrf={v.csrf}>
        <fieldset>
          <legend>Способ подтверждения входа</legend>
          {FACTORS.map(([value, label]) => (
            <label class="radio" key={value}>
              <input type="radio" name="method" value={value} checked={v.secondFactor === value} /> {label}
            </label>
          ))}
        </fieldset>
        <Button>Сохранить</Button>
      </Form>

      <h2>Резервный контакт</h2>
      <p>
        {v.backupContact
          ? `Сейчас указан: ${showContact(v.backupContact)}. На него можно получить код, если основной телефон недоступен.`
          : "Резервный контакт не указан. На него можно получить код, если основной телефон недоступен."}
      </p>
      <Form action="/settings/security/backup" csrf={v.csrf}>
        <TextField
          name="backup"
          label="Резервный телефон или электронная почта"
          value={v.backupValue}
          autocomplete="off"
          errors={v.errors}
        />
        <div class="actions">
          <Button>Сохранить контакт</Button>
          {v.backupContact ? (
            <Button secondary name="action" value="remove">
              Удалить контакт
            </Button>
          ) : null}
        </div>
      </Form>

      <h2>Выход</h2>
      <p>
        <a href="/idp/ext/Logout">Выйти из тестового стенда</a>
      </p>
    </Page>
  );
}

export function TotpSetupPage(v: {
  csrf: string;
  flowId: string;
  secret: string;
  uri: string;
  errors: FieldError[];
  personName: string;
}) {
  return (
    <Page title="Приложение-аутентификатор" signedInAs={v.personName}>
      <h1>Подключение приложения-аутентификатора</h1>
      <ErrorSummary errors={v.errors} />
      <ol>
        <li>
          Откройте приложение-аутентификатор и добавьте учётную запись: отсканируйте QR-код или введите ключ
          вручную.
        </li>
        <li>Введите шестизначный код, который покажет приложение.</li>
      </ol>
      <img
        class="qr"
        src={`/settings/security/totp/qr.svg?flow=${encodeURIComponent(v.flowId)}`}
        alt="QR-код для приложения-аутентификатора"
      />
      <p>
        Ключ для ручного ввода: <span class="secret">{v.secret.replace(/(.{4})/g, "$1 ").trim()}</span>
      </p>
      <p>
        Если стенд открыт на телефоне с приложением, <a href={v.uri}>добавьте ключ по ссылке</a>.
      </p>
      <Form action="/settings/security/totp" csrf={v.csrf} hidden={{ flow: v.flowId }}>
        <TextField
          name="code"
          label="Код из приложения"
          inputmode="numeric"
          autocomplete="one-time-code"
          errors={v.errors}
        />
        <Button>Подключить</Button>
      </Form>
    </Page>
  );
}
