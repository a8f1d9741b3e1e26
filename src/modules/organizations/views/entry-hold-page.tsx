// The page a held staff member sees instead of the cabinet: why the entry waits, and the two ways on
// (the code from the e-mail, or the head's approval).
import { FormActions, PostForm } from "../../../ui/actions.tsx";
import { DigitsField } from "../../../ui/digit-and-contact-fields.tsx";
import { binder, ErrorSummary, type FieldError } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import type { EntryHoldRow } from "../entry-holds.repository.ts";

export function EntryHoldPage(props: {
  ctx: PageContext;
  organizationName: string;
  hold: EntryHoldRow;
  errors?: readonly FieldError[];
}) {
  const errors = props.errors ?? [];
  const bind = binder<Record<string, string | undefined>>({ values: {}, errors });
  const codeActive = props.hold.codeHash !== null;
  return (
    <Layout ctx={props.ctx} title="Вход ожидает подтверждения">
      <div class="notice-page" data-error-code="ENTRY_HELD">
        <h1>Вход ожидает подтверждения</h1>
        <p class="lead">
          Вы входите в кабинет организации «{props.organizationName}» из новой сети или с нового устройства (
          {props.hold.deviceLabel}). Организация включила защиту от подозрительных входов, поэтому такой вход
          нужно подтвердить.
        </p>
        <ErrorSummary errors={errors} />
        {codeActive ? (
          <PostForm action="/auth/entry-hold/confirm" csrfToken={props.ctx.csrfToken} class="card">
            <p>
              Мы отправили код подтверждения на адрес электронной почты, указанный в вашей учётной записи на
              Госуслугах. Код действует 15 минут.
            </p>
            <DigitsField {...bind("code")} label="Код из письма" autocomplete="one-time-code" maxLength={6} />
            <FormActions label="Подтвердить вход" />
          </PostForm>
        ) : (
          <p>
            Код подтверждения отправить некуда или попытки ввести его закончились. Попросите руководителя
            организации разрешить вход в разделе «Безопасность».
          </p>
        )}
        <p>
          Руководитель организации уже получил уведомление и тоже может разрешить вход. После этого{" "}
          <a href="/org">откройте кабинет снова</a>.
        </p>
      </div>
    </Layout>
  );
}
