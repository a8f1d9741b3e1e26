// «Забыли пароль?» (E2) and unlocking a locked account by an SMS code (E4). Neither page tells
// whether an account exists: a flow for an unknown login just never accepts a code.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { JSX } from "preact";
import { findAccountByLogin } from "./accounts.ts";
import { codeMatches, MAX_CODE_ATTEMPTS, sendCode, startFlow } from "./codes.ts";
import type { StandinContext } from "./context.ts";
import { csrfToken, csrfValid, endSessionsOf, formField, queryField } from "./http.ts";
import { unlockAccount } from "./lockout.ts";
import { csrfFailure, sendPage } from "./pages.tsx";
import { hashPassword, passwordProblem } from "./passwords.ts";
import type { CodeFlow } from "./store.ts";
import { Button, ErrorSummary, type FieldError, Form, TextField } from "./views/components.tsx";
import { Page } from "./views/layout.tsx";
import { CodePage } from "./views/login.tsx";
import { MessagePage } from "./views/protocol.tsx";

const SENT = "Если учётная запись с такими данными есть, мы отправили на них код подтверждения.";
const CODE_VOID = "Код введён неверно несколько раз или устарел. Запросите новый код.";

const loginLink = (requestId: string | undefined) =>
  requestId ? `/login?request=${encodeURIComponent(requestId)}` : "/login";

export function recoveryRoutes(app: FastifyInstance, ctx: StandinContext, formLimit: object): void {
  const startPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    requestId: string,
    value: string,
    errors: FieldError[],
  ) =>
    sendPage(
      reply,
      <Page title="Восстановление пароля">
        <h1>Восстановление пароля</h1>
        <ErrorSummary errors={errors} />
        <Form
          action="/recovery"
          csrf={csrfToken(ctx, request, reply)}
          hidden={{ request: requestId || undefined }}
        >
          <TextField
            name="contact"
            label="Телефон или электронная почта"
            hint="Укажите номер телефона или адрес почты из вашей учётной записи: мы отправим на него код."
            value={value}
            autocomplete="username"
            errors={errors}
          />
          <Button>Получить код</Button>
        </Form>
        <p>
          <a href={loginLink(requestId || undefined)}>Вернуться ко входу</a>
        </p>
      </Page>,
    );

  app.get("/recovery", async (request, reply) =>
    startPage(request, reply, queryField(request.query, "request"), "", []),
  );

  app.post("/recovery", { config: { rateLimit: formLimit } }, async (request, reply) => {
    if (!csrfValid(ctx, request, formField(request.body, "csrf"))) return csrfFailure(reply);
    const requestId = formField(request.body, "request");
    const contact = formField(request.body, "contact").trim();
    if (contact === "") {
      return startPage(request, reply, requestId, contact, [
        { field: "contact", message: "Введите номер телефона или адрес электронной почты" },
      ]);
    }
    const account = findAccountByLogin(ctx.store, contact);
    const flow = startFlow(ctx, {
      purpose: "recovery",
      oid: account?.person.oid,
      requestId: requestId || undefined,
    });
    const to = contact.includes("@") ? account?.person.email : account?.person.phone;
    if (account && to) sendCode(ctx, flow, to);
    return reply.redirect(`/recovery/code?flow=${flow.id}`, 303);
  });

  /** The page that asks for the code sent for `flow`, with the step's own words and fields. */
  const codePage =
    (
      action: string,
      text: {
        title: string;
        lead: string;
        submitLabel: string;
        extra?: (errors: FieldError[]) => JSX.Element;
      },
    ) =>
    (request: FastifyRequest, reply: FastifyReply, flow: CodeFlow, errors: FieldError[]) =>
      sendPage(
        reply,
        <CodePage
          title={text.title}
          lead={text.lead}
          action={action}
          csrf={csrfToken(ctx, request, reply)}
          hidden={{ flow: flow.id }}
          errors={errors}
          submitLabel={text.submitLabel}
          extra={text.extra?.(errors)}
        />,
      );

  const recoveryPage = codePage("/recovery/code", {
    title: "Новый пароль",
    lead: SENT,
    submitLabel: "Сохранить пароль",
    extra: (errors) => (
      <>
        <TextField
          name="password"
          label="Новый пароль"
          type="password"
          autocomplete="new-password"
          hint="Не менее 8 символов: цифры, строчные и заглавные буквы."
          errors={errors}
        />
        <TextField
          name="password2"
          label="Повторите пароль"
          type="password"
          autocomplete="new-password"
          errors={errors}
        />
      </>
    ),
  });

  const flowOf = (id: string, purpose: CodeFlow["purpose"]) => {
    const flow = ctx.store.flows.get(id);
    return flow?.purpose === purpose ? flow : undefined;
  };

  const expired = (reply: FastifyReply, again: string) =>
    sendPage(
      reply,
      <MessagePage title="Код устарел">
        <p>
          Время на ввод кода истекло. <a href={again}>Запросите новый код</a>.
        </p>
      </MessagePage>,
    );

  type Page = (request: FastifyRequest, reply: FastifyReply, flow: CodeFlow, errors: FieldError[]) => unknown;

  /**
   * A step that asks for a sent code: the page (or «Код устарел» with where to ask again), and the form's
   * POST, which reaches `handle` only with a valid CSRF token and a live flow of this purpose.
   */
  function codeStep(
    path: string,
    purpose: CodeFlow["purpose"],
    again: string,
    page: Page,
    handle: (request: FastifyRequest, reply: FastifyReply, flow: CodeFlow) => Promise<unknown>,
  ) {
    app.get(path, async (request, reply) => {
      const flow = flowOf(queryField(request.query, "flow"), purpose);
      return flow ? page(request, reply, flow, []) : expired(reply, again);
    });
    app.post(path, { config: { rateLimit: formLimit } }, async (request, reply) => {
      if (!csrfValid(ctx, request, formField(request.body, "csrf"))) return csrfFailure(reply);
      const flow = flowOf(formField(request.body, "flow"), purpose);
      return flow ? handle(request, reply, flow) : expired(reply, again);
    });
  }

  codeStep("/recovery/code", "recovery", "/recovery", recoveryPage, async (request, reply, flow) => {
    const code = formField(request.body, "code").trim();
    const password = formField(request.body, "password");
    const errors: FieldError[] = [];
    if (code === "") errors.push({ field: "code", message: "Введите код из сообщения" });
    else if (flow.attempts >= MAX_CODE_ATTEMPTS) errors.push({ field: "code", message: CODE_VOID });
    else if (!codeMatches(flow, code)) {
      flow.attempts += 1;
      errors.push({
        field: "code",
        message: flow.attempts >= MAX_CODE_ATTEMPTS ? CODE_VOID : "Неверный код",
      });
    }
    const problem = password === "" ? "Введите новый пароль" : passwordProblem(password);
    if (problem) errors.push({ field: "password", message: problem });
    else if (formField(request.body, "password2") !== password) {
      errors.push({ field: "password2", message: "Пароли не совпадают" });
    }
    const account = flow.oid === undefined ? undefined : ctx.store.accounts.get(flow.oid);
    if (errors.length > 0 || !account) return recoveryPage(request, reply, flow, errors);

    ctx.store.flows.delete(flow.id);
    account.passwordHash = await hashPassword(password);
    // Whoever knew the old password is out, and the owner, proven by the code, is no longer locked out.
    unlockAccount(ctx, account);
    endSessionsOf(ctx, account.person.oid);
    return doneNowLogIn(reply, flow, "Пароль изменён", "Новый пароль сохранён. Войдите с ним.");
  });

  app.post("/unlock", { config: { rateLimit: formLimit } }, async (request, reply) => {
    if (!csrfValid(ctx, request, formField(request.body, "csrf"))) return csrfFailure(reply);
    const requestId = formField(request.body, "request") || undefined;
    const account = findAccountByLogin(ctx.store, formField(request.body, "login"));
    const flow = startFlow(ctx, { purpose: "unlock", oid: account?.person.oid, requestId });
    if (account?.person.phone) sendCode(ctx, flow, account.person.phone);
    return reply.redirect(`/unlock/code?flow=${flow.id}`, 303);
  });

  const unlockPage = codePage("/unlock/code", {
    title: "Разблокировка учётной записи",
    lead: "Мы отправили код в SMS на номер телефона из учётной записи.",
    submitLabel: "Разблокировать",
  });

  codeStep("/unlock/code", "unlock", "/login", unlockPage, async (request, reply, flow) => {
    const code = formField(request.body, "code").trim();
    const account = flow.oid === undefined ? undefined : ctx.store.accounts.get(flow.oid);
    if (code === "")
      return unlockPage(request, reply, flow, [{ field: "code", message: "Введите код из SMS" }]);
    if (!account || flow.attempts >= MAX_CODE_ATTEMPTS || !codeMatches(flow, code)) {
      flow.attempts += 1;
      const message = flow.attempts >= MAX_CODE_ATTEMPTS ? CODE_VOID : "Неверный код";
      return unlockPage(request, reply, flow, [{ field: "code", message }]);
    }
    ctx.store.flows.delete(flow.id);
    unlockAccount(ctx, account);
    return doneNowLogIn(
      reply,
      flow,
      "Учётная запись разблокирована",
      "Теперь можно войти с прежним паролем.",
    );
  });
}

/** The end of a recovery: what was done, and the way back to the login of the same request. */
function doneNowLogIn(reply: FastifyReply, flow: CodeFlow, title: string, text: string) {
  return sendPage(
    reply,
    <MessagePage title={title}>
      <p>{text}</p>
      <p>
        <a class="button" href={loginLink(flow.requestId)}>
          Войти
        </a>
      </p>
    </MessagePage>,
  );
}
