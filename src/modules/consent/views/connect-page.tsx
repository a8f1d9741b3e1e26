import { formatDate, formatDateTime } from "../../../shared/format.ts";
import { maskPhone } from "../../../shared/phone.ts";
import { ErrorSummary, type FieldError, Flash, fieldId, TextField } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import type { PendingCode } from "../consent.service.ts";
import type { ConsentVersion } from "../consent.versions.ts";

export interface ConnectView {
  version: ConsentVersion;
  /** The mobile number from ESIA, `+7XXXXXXXXXX`. */
  phone: string | undefined;
  pending: PendingCode | undefined;
  errors: FieldError[];
  flash: string | undefined;
}

export function ConnectPage({ ctx, view }: { ctx: PageContext; view: ConnectView }) {
  const { version, phone, pending } = view;
  // Without a pending code there is no code field: its errors point at the «get a code» step.
  const errors = pending ? view.errors : view.errors.map((error) => ({ ...error, field: "send" }));
  const codeError = errors.find((error) => error.field === "code")?.message;
  return (
    <Layout ctx={ctx} title="Подключить сервис ФРМР">
      <h1>Подключить сервис ФРМР</h1>
      <Flash message={view.flash} />
      <ErrorSummary errors={errors} />
      <p class="lead">
        Чтобы работать в личном кабинете, подтвердите согласие на обработку персональных данных кодом из SMS.
        Это нужно сделать один раз.
      </p>

      {/* Once a code is on its way the text folds away, so that the code field is near the top on a phone. */}
      <details class="card consent" open={!pending}>
        <summary>
          <h2>1. {version.title}</h2>
        </summary>
        <p class="muted">
          Редакция {version.id} от {formatDate(version.publishedOn)}
        </p>
        <div class="consent-text">
          {version.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </div>
      </details>

      <section class="card" aria-labelledby="send-title">
        <h2 id="send-title">2. Получите код</h2>
        {phone ? (
          <form method="post" action="/lk/connect/code" id={fieldId("send")}>
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <p>
              Код придёт в SMS на номер {maskPhone(phone)} из вашего профиля на Госуслугах. Нажимая кнопку, вы
              даёте согласие в редакции {version.id}.
            </p>
            <button type="submit" class={pending ? "button button--secondary" : "button"}>
              {pending ? "Отправить код ещё раз" : "Согласен, получить код"}
            </button>
          </form>
        ) : (
          <p class="notice" id={fieldId("send")}>
            На Госуслугах не указан мобильный телефон. Добавьте его в профиле Госуслуг, затем выйдите из
            кабинета и войдите снова.
          </p>
        )}
        {ctx.standin && (
          <p class="muted">
            Учебная установка: SMS не отправляются, код можно посмотреть на странице{" "}
            <a href="/dev/outbox">«Исходящие SMS и письма»</a>.
          </p>
        )}
      </section>

      {pending && (
        <section class="card" aria-labelledby="confirm-title">
          <h2 id="confirm-title">3. Введите код</h2>
          <form method="post" action="/lk/connect/confirm" novalidate>
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <TextField
              name="code"
              label="Код из SMS"
              value=""
              error={codeError}
              hint={`Код действует до ${formatDateTime(pending.expiresAt)}. Осталось попыток: ${pending.attemptsLeft}.`}
              inputMode="numeric"
              autocomplete="one-time-code"
              maxLength={10}
              width="short"
            />
            <button type="submit" class="button">
              Подтвердить и подключить
            </button>
          </form>
        </section>
      )}
    </Layout>
  );
}
