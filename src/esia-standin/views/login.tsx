// Login pages: password, second factor and lockout (E2–E4, W19).
import type { ComponentChildren } from "preact";
import { SEED_PASSWORD } from "../seed.ts";
import { Button, ErrorSummary, type FieldError, Form, TextField } from "./components.tsx";
import { Page } from "./layout.tsx";

export interface LoginView {
  csrf: string;
  requestId?: string;
  login: string;
  errors: FieldError[];
  notice?: string;
}

export function LoginPage(v: LoginView) {
  const recovery = v.requestId ? `/recovery?request=${encodeURIComponent(v.requestId)}` : "/recovery";
  return (
    <Page title="Вход">
      <h1>Вход на тестовый стенд ЕСИА</h1>
      <ErrorSummary errors={v.errors} />
      {v.notice ? <p class="notice">{v.notice}</p> : null}
      <Form action="/login" csrf={v.csrf} hidden={{ request: v.requestId }}>
        <TextField
          name="login"
          label="Телефон, почта или СНИЛС"
          hint="Например, +7 900 100-00-01, maria.ivanova@example.org или 146-201-007 05"
          value={v.login}
          autocomplete="username"
          errors={v.errors}
        />
        <TextField
          name="password"
          label="Пароль"
          type="password"
          autocomplete="current-password"
          errors={v.errors}
        />
        <Button>Войти</Button>
      </Form>
      <p>
        <a href={recovery}>Забыли пароль?</a>
      </p>
      <p class="hint">
        Тестовые учётные записи перечислены на <a href="/">главной странице стенда</a>. Пароль у всех:{" "}
        <span class="nowrap">{SEED_PASSWORD}</span>.
      </p>
    </Page>
  );
}

export function LockedPage(v: { csrf: string; requestId?: string; login: string; minutesLeft: number }) {
  return (
    <Page title="Учётная запись заблокирована">
      <h1>Учётная запись временно заблокирована</h1>
      <p>
        Пароль или код несколько раз введён неверно, поэтому вход заблокирован. Попробуйте снова через{" "}
        {minutes(v.minutesLeft)} или разблокируйте учётную запись кодом из SMS.
      </p>
      <Form action="/unlock" csrf={v.csrf} hidden={{ request: v.requestId, login: v.login }}>
        <Button>Получить код по SMS</Button>
      </Form>
      <p>
        Если вы не помните пароль,{" "}
        <a href={v.requestId ? `/recovery?request=${encodeURIComponent(v.requestId)}` : "/recovery"}>
          восстановите его
        </a>
        .
      </p>
    </Page>
  );
}

export interface CodeView {
  title: string;
  lead: ComponentChildren;
  action: string;
  csrf: string;
  hidden: Record<string, string | undefined>;
  errors: FieldError[];
  /** Extra fields after the code, e.g. the new password on recovery. */
  extra?: ComponentChildren;
  submitLabel: string;
  /** Separate forms below the main one (resend, backup contact). */
  after?: ComponentChildren;
  signedInAs?: string;
}

export function CodePage(v: CodeView) {
  return (
    <Page title={v.title} signedInAs={v.signedInAs}>
      <h1>{v.title}</h1>
      <ErrorSummary errors={v.errors} />
      <p>{v.lead}</p>
      <Form action={v.action} csrf={v.csrf} hidden={v.hidden}>
        <TextField
          name="code"
          label="Код подтверждения"
          inputmode="numeric"
          autocomplete="one-time-code"
          errors={v.errors}
        />
        {v.extra}
        <Button>{v.submitLabel}</Button>
      </Form>
      {v.after}
    </Page>
  );
}

/** Russian plural of minutes: 1 минуту, 2 минуты, 5 минут. */
export function minutes(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  const word =
    mod10 === 1 && mod100 !== 11
      ? "минуту"
      : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)
        ? "минуты"
        : "минут";
  return `${n} ${word}`;
}
