// Login on the stand-in: password (E2), second factor by SMS or authenticator app (E3), lockout (E4)
// per account and source address, answered alike for known and unknown logins.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { counted } from "../shared/plural.ts";
import { findAccountByLogin } from "./accounts.ts";
import { codeMatches, MAX_CODE_ATTEMPTS, maskedDestination, sendCode, startFlow } from "./codes.ts";
import type { StandinContext } from "./context.ts";
import { continueAuthorization } from "./grant.ts";
import { csrfToken, csrfValid, currentSession, formField, queryField, startSession } from "./http.ts";
import { type AttemptGate, attemptGate, attemptKey, clearAttempts, recordFailure } from "./lockout.ts";
import { csrfFailure, expiredRequest, sendPage } from "./pages.tsx";
import { dummyPasswordHash, verifyPassword } from "./passwords.ts";
import type { AccountState, AuthRequest, CodeFlow } from "./store.ts";
import { matchTotp } from "./totp.ts";
import { Button, type FieldError, Form } from "./views/components.tsx";
import { CodePage, LockedPage, LoginPage } from "./views/login.tsx";

const WRONG_CREDENTIALS = "Неверный логин или пароль";
const TOO_MANY_CODES = "Слишком много запросов кода. Попробуйте через 15 минут.";

export function loginRoutes(app: FastifyInstance, ctx: StandinContext, formLimit: object): void {
  /** The pending /ac request a form refers to: undefined when none was named, null when it has expired. */
  const pendingOf = (id: string): AuthRequest | undefined | null =>
    id === "" ? undefined : (ctx.store.authRequests.get(id) ?? null);

  const locked = (
    request: FastifyRequest,
    reply: FastifyReply,
    minutesLeft: number,
    login: string,
    requestId?: string,
  ) =>
    sendPage(
      reply,
      <LockedPage
        csrf={csrfToken(ctx, request, reply)}
        requestId={requestId}
        login={login}
        minutesLeft={minutesLeft}
      />,
      423,
    );

  const waitMessage = (gate: Extract<AttemptGate, { kind: "wait" }>) =>
    `Слишком частые попытки входа. Подождите ${counted(gate.seconds, ["секунду", "секунды", "секунд"])} и попробуйте снова.`;

  const completeLogin = (
    request: FastifyRequest,
    reply: FastifyReply,
    oid: number,
    pending: AuthRequest | undefined,
  ) => {
    const session = startSession(ctx, reply, oid, "PWD");
    if (pending) return continueAuthorization(ctx, request, reply, pending, session);
    return reply.redirect("/settings/security", 303);
  };

  app.get("/login", async (request, reply) => {
    const pending = pendingOf(queryField(request.query, "request"));
    if (pending === null) return expiredRequest(reply);
    const session = currentSession(ctx, request);
    if (session && pending) return continueAuthorization(ctx, request, reply, pending, session);
    if (session) return reply.redirect("/settings/security", 302);
    return sendPage(
      reply,
      <LoginPage csrf={csrfToken(ctx, request, reply)} requestId={pending?.id} login="" errors={[]} />,
    );
  });

  app.post("/login", { config: { rateLimit: formLimit } }, async (request, reply) => {
    if (!csrfValid(ctx, request, formField(request.body, "csrf"))) return csrfFailure(reply);
    const pending = pendingOf(formField(request.body, "request"));
    if (pending === null) return expiredRequest(reply);
    const login = formField(request.body, "login").trim();
    const password = formField(request.body, "password");
    const page = (errors: FieldError[]) =>
      sendPage(
        reply,
        <LoginPage
          csrf={csrfToken(ctx, request, reply)}
          requestId={pending?.id}
          login={login}
          errors={errors}
        />,
      );

    const errors: FieldError[] = [];
    if (login === "") errors.push({ field: "login", message: "Введите телефон, почту или СНИЛС" });
    if (password === "") errors.push({ field: "password", message: "Введите пароль" });
    if (errors.length > 0) return page(errors);

    const account = findAccountByLogin(ctx.store, login);
    const key = attemptKey(account, login, request.ip);
    const gate = attemptGate(ctx, key, account);
    if (gate.kind === "locked") return locked(request, reply, gate.minutesLeft, login, pending?.id);
    if (gate.kind === "wait") return page([{ field: "login", message: waitMessage(gate) }]);
    // Unknown logins cost a hash too, so response time does not tell which accounts exist.
    const valid = await verifyPassword(password, account?.passwordHash ?? (await dummyPasswordHash()));
    if (!account || !valid) {
      const after = recordFailure(ctx, key, account);
      if (after.kind === "locked") return locked(request, reply, after.minutesLeft, login, pending?.id);
      return page([{ field: "login", message: WRONG_CREDENTIALS }]);
    }
    clearAttempts(ctx, key);
    if (account.secondFactor === "off") return completeLogin(request, reply, account.person.oid, pending);

    const flow = startFlow(ctx, {
      purpose: "second-factor",
      oid: account.person.oid,
      requestId: pending?.id,
      method: account.secondFactor === "totp" ? "totp" : "sms",
    });
    if (account.secondFactor === "sms" && !sendCode(ctx, flow, account.person.phone ?? "")) {
      return page([{ field: "login", message: TOO_MANY_CODES }]);
    }
    return reply.redirect(`/login/code?flow=${flow.id}`, 303);
  });

  const secondFactorFlow = (id: string) => {
    const flow = ctx.store.flows.get(id);
    const account =
      flow?.purpose === "second-factor" && flow.oid !== undefined
        ? ctx.store.accounts.get(flow.oid)
        : undefined;
    return flow && account ? { flow, account } : undefined;
  };

  const codePage = (
    request: FastifyRequest,
    reply: FastifyReply,
    flow: CodeFlow,
    account: AccountState,
    errors: FieldError[],
  ) => {
    const csrf = csrfToken(ctx, request, reply);
    const lead =
      flow.method === "totp"
        ? "Введите шестизначный код из приложения-аутентификатора."
        : `Мы отправили код ${maskedDestination(flow.sentTo ?? "")}.`;
    return sendPage(
      reply,
      <CodePage
        title="Подтверждение входа"
        lead={lead}
        action="/login/code"
        csrf={csrf}
        hidden={{ flow: flow.id }}
        errors={errors}
        submitLabel="Подтвердить"
        after={
          <div class="secondary-actions">
            <Form action="/login/code/resend" csrf={csrf} hidden={{ flow: flow.id, channel: "main" }}>
              <Button secondary>
                {flow.method === "totp" ? "Получить код по SMS" : "Отправить код ещё раз"}
              </Button>
            </Form>
            {account.backupContact ? (
              <Form action="/login/code/resend" csrf={csrf} hidden={{ flow: flow.id, channel: "backup" }}>
                <Button secondary>Отправить код на резервный контакт</Button>
              </Form>
            ) : null}
          </div>
        }
      />,
    );
  };

  const flowExpired = (request: FastifyRequest, reply: FastifyReply) =>
    sendPage(
      reply,
      <LoginPage
        csrf={csrfToken(ctx, request, reply)}
        login=""
        errors={[]}
        notice="Время на ввод кода истекло. Войдите ещё раз."
      />,
    );

  app.get("/login/code", async (request, reply) => {
    const found = secondFactorFlow(queryField(request.query, "flow"));
    if (!found) return flowExpired(request, reply);
    return codePage(request, reply, found.flow, found.account, []);
  });

  app.post("/login/code", { config: { rateLimit: formLimit } }, async (request, reply) => {
    if (!csrfValid(ctx, request, formField(request.body, "csrf"))) return csrfFailure(reply);
    const found = secondFactorFlow(formField(request.body, "flow"));
    if (!found) return flowExpired(request, reply);
    const { flow, account } = found;
    const login = account.person.phone ?? account.person.email ?? "";
    const key = attemptKey(account, login, request.ip);
    const gate = attemptGate(ctx, key, account);
    if (gate.kind === "locked") return locked(request, reply, gate.minutesLeft, login, flow.requestId);
    if (gate.kind === "wait")
      return codePage(request, reply, flow, account, [{ field: "code", message: waitMessage(gate) }]);
    const code = formField(request.body, "code").trim();
    if (code === "")
      return codePage(request, reply, flow, account, [{ field: "code", message: "Введите код" }]);

    let valid = false;
    if (flow.method === "totp" && account.totpSecret) {
      const step = matchTotp(account.totpSecret, code, ctx.nowMs(), account.totpLastStep);
      if (step !== undefined) account.totpLastStep = step;
      valid = step !== undefined;
    } else {
      valid = flow.attempts < MAX_CODE_ATTEMPTS && codeMatches(flow, code);
    }
    if (!valid) {
      flow.attempts += 1;
      const after = recordFailure(ctx, key, account);
      if (after.kind === "locked") {
        ctx.store.flows.delete(flow.id);
        return locked(request, reply, after.minutesLeft, login, flow.requestId);
      }
      const message =
        flow.method !== "totp" && flow.attempts >= MAX_CODE_ATTEMPTS
          ? "Код введён неверно несколько раз. Запросите новый код."
          : "Неверный код";
      return codePage(request, reply, flow, account, [{ field: "code", message }]);
    }
    ctx.store.flows.delete(flow.id);
    clearAttempts(ctx, key);
    const pending = flow.requestId ? ctx.store.authRequests.get(flow.requestId) : undefined;
    if (flow.requestId && !pending) return expiredRequest(reply);
    return completeLogin(request, reply, account.person.oid, pending);
  });

  app.post("/login/code/resend", { config: { rateLimit: formLimit } }, async (request, reply) => {
    if (!csrfValid(ctx, request, formField(request.body, "csrf"))) return csrfFailure(reply);
    const found = secondFactorFlow(formField(request.body, "flow"));
    if (!found) return flowExpired(request, reply);
    const { flow, account } = found;
    const to = formField(request.body, "channel") === "backup" ? account.backupContact : account.person.phone;
    if (!to || !sendCode(ctx, flow, to)) {
      return codePage(request, reply, flow, account, [{ field: "code", message: TOO_MANY_CODES }]);
    }
    return reply.redirect(`/login/code?flow=${flow.id}`, 303);
  });
}
