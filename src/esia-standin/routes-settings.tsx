// «Настройки безопасности» (E3): switch two-step login on or off and keep a backup contact.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import QRCode from "qrcode";
import { normalizePhone } from "../shared/phone.ts";
import { startFlow } from "./codes.ts";
import type { StandinContext } from "./context.ts";
import { csrfToken, csrfValid, currentSession, formField, queryField } from "./http.ts";
import { fullNameOf } from "./model.ts";
import { csrfFailure, sendPage } from "./pages.tsx";
import type { AccountState } from "./store.ts";
import { matchTotp, newTotpSecret, otpauthUri } from "./totp.ts";
import type { FieldError } from "./views/components.tsx";
import { SettingsPage, TotpSetupPage } from "./views/settings.tsx";

const NOTICES: Record<string, string> = {
  off: "Двухэтапная проверка выключена.",
  sms: "Двухэтапная проверка включена: при входе стенд пришлёт код в SMS.",
  totp: "Двухэтапная проверка включена: при входе введите код из приложения.",
  backup: "Резервный контакт сохранён.",
  "backup-removed": "Резервный контакт удалён.",
};

export function settingsRoutes(app: FastifyInstance, ctx: StandinContext, formLimit: object): void {
  /** The logged-in account; redirects to the login page otherwise. */
  function accountOf(request: FastifyRequest, reply: FastifyReply): AccountState | undefined {
    const session = currentSession(ctx, request);
    const account = session && ctx.store.accounts.get(session.oid);
    if (!account) reply.redirect("/login", 303);
    return account;
  }

  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    account: AccountState,
    errors: FieldError[],
    notice?: string,
    backupValue = "",
  ) =>
    sendPage(
      reply,
      <SettingsPage
        csrf={csrfToken(ctx, request, reply)}
        person={account.person}
        secondFactor={account.secondFactor}
        backupContact={account.backupContact}
        notice={notice}
        errors={errors}
        backupValue={backupValue}
      />,
    );

  app.get("/settings/security", async (request, reply) => {
    const account = accountOf(request, reply);
    if (!account) return reply;
    return page(request, reply, account, [], NOTICES[queryField(request.query, "saved")]);
  });

  app.post(
    "/settings/security/second-factor",
    { config: { rateLimit: formLimit } },
    async (request, reply) => {
      if (!csrfValid(ctx, request, formField(request.body, "csrf"))) return csrfFailure(reply);
      const account = accountOf(request, reply);
      if (!account) return reply;
      const method = formField(request.body, "method");
      if (method === "off" || (method === "sms" && account.person.phone)) {
        account.secondFactor = method;
        return reply.redirect(`/settings/security?saved=${method}`, 303);
      }
      if (method !== "totp") {
        return page(request, reply, account, [
          { field: "method", message: "Выберите способ подтверждения входа" },
        ]);
      }
      const flow = startFlow(ctx, {
        purpose: "totp-setup",
        oid: account.person.oid,
        totpSecret: newTotpSecret(),
      });
      return reply.redirect(`/settings/security/totp?flow=${flow.id}`, 303);
    },
  );

  const setupFlow = (request: FastifyRequest, reply: FastifyReply, id: string) => {
    const account = accountOf(request, reply);
    const flow = ctx.store.flows.get(id);
    if (!account) return undefined;
    if (flow?.purpose !== "totp-setup" || flow.oid !== account.person.oid || !flow.totpSecret) {
      reply.redirect("/settings/security", 303);
      return undefined;
    }
    return { account, flow, secret: flow.totpSecret };
  };

  const setupPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    found: NonNullable<ReturnType<typeof setupFlow>>,
    errors: FieldError[],
  ) =>
    sendPage(
      reply,
      <TotpSetupPage
        csrf={csrfToken(ctx, request, reply)}
        flowId={found.flow.id}
        secret={found.secret}
        uri={otpauthUri(found.secret, found.account.person.phone ?? String(found.account.person.oid))}
        errors={errors}
        personName={fullNameOf(found.account.person)}
      />,
    );

  app.get("/settings/security/totp", async (request, reply) => {
    const found = setupFlow(request, reply, queryField(request.query, "flow"));
    return found ? setupPage(request, reply, found, []) : reply;
  });

  app.get("/settings/security/totp/qr.svg", async (request, reply) => {
    const found = setupFlow(request, reply, queryField(request.query, "flow"));
    if (!found) return reply;
    const uri = otpauthUri(found.secret, found.account.person.phone ?? String(found.account.person.oid));
    return reply
      .type("image/svg+xml")
      .header("cache-control", "no-store")
      .send(await QRCode.toString(uri, { type: "svg", margin: 2 }));
  });

  app.post("/settings/security/totp", { config: { rateLimit: formLimit } }, async (request, reply) => {
    if (!csrfValid(ctx, request, formField(request.body, "csrf"))) return csrfFailure(reply);
    const found = setupFlow(request, reply, formField(request.body, "flow"));
    if (!found) return reply;
    const step = matchTotp(found.secret, formField(request.body, "code"), ctx.nowMs());
    if (step === undefined) {
      return setupPage(request, reply, found, [
        { field: "code", message: "Код не подошёл. Введите код, который сейчас показывает приложение." },
      ]);
    }
    ctx.store.flows.delete(found.flow.id);
    Object.assign(found.account, { secondFactor: "totp", totpSecret: found.secret, totpLastStep: step });
    return reply.redirect("/settings/security?saved=totp", 303);
  });

  app.post("/settings/security/backup", { config: { rateLimit: formLimit } }, async (request, reply) => {
    if (!csrfValid(ctx, request, formField(request.body, "csrf"))) return csrfFailure(reply);
    const account = accountOf(request, reply);
    if (!account) return reply;
    if (formField(request.body, "action") === "remove") {
      delete account.backupContact;
      return reply.redirect("/settings/security?saved=backup-removed", 303);
    }
    const value = formField(request.body, "backup").trim();
    const contact = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? value.toLowerCase() : normalizePhone(value);
    if (!contact) {
      const message = "Введите номер телефона, например +7 900 123-45-67, или адрес электронной почты";
      return page(request, reply, account, [{ field: "backup", message }], undefined, value);
    }
    account.backupContact = contact;
    return reply.redirect("/settings/security?saved=backup", 303);
  });
}
