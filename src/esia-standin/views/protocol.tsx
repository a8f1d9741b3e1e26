// Pages of the protocol itself: an error the stand-in cannot send back, consent, and plain notices.
import type { ComponentChildren } from "preact";
import { Button, Form } from "./components.tsx";
import { Page } from "./layout.tsx";

export function ErrorPage(props: {
  title: string;
  explanation: string;
  technical?: string;
  signedInAs?: string;
}) {
  return (
    <Page title={props.title} signedInAs={props.signedInAs}>
      <h1>{props.title}</h1>
      <p>{props.explanation}</p>
      {props.technical ? (
        <p>
          Сведения для разработчиков: <code>{props.technical}</code>
        </p>
      ) : null}
      <p>
        Вернитесь в систему, из которой вы пришли, и попробуйте войти ещё раз. Если ошибка повторяется,
        сообщите её текст разработчикам этой системы.
      </p>
    </Page>
  );
}

export function MessagePage(props: { title: string; children: ComponentChildren; signedInAs?: string }) {
  return (
    <Page title={props.title} signedInAs={props.signedInAs}>
      <h1>{props.title}</h1>
      {props.children}
    </Page>
  );
}

export interface ConsentView {
  requestId: string;
  csrf: string;
  clientName: string;
  personName: string;
  trusted: boolean;
  personScopes: string[];
  orgScopes: { orgName: string; items: string[] }[];
}

export function ConsentPage(v: ConsentView) {
  return (
    <Page title="Предоставление прав доступа" signedInAs={v.personName}>
      <h1>Предоставление прав доступа</h1>
      <p>
        Система <strong>{v.clientName}</strong> запрашивает доступ к следующим данным вашей учётной записи:
      </p>
      {v.personScopes.length > 0 ? (
        <ul class="scope-list">
          {v.personScopes.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      ) : null}
      {v.orgScopes.map((group) => (
        <section key={group.orgName}>
          <h2>Данные организации {group.orgName}</h2>
          <ul class="scope-list">
            {group.items.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </section>
      ))}
      {v.trusted ? null : (
        <p class="notice">
          Ваша учётная запись не подтверждена. Некоторые системы принимают только подтверждённые учётные
          записи.
        </p>
      )}
      <Form action="/consent" csrf={v.csrf} hidden={{ request: v.requestId }} class="actions">
        <Button name="decision" value="grant">
          Предоставить
        </Button>
        <Button name="decision" value="deny" secondary>
          Отказать
        </Button>
      </Form>
    </Page>
  );
}
