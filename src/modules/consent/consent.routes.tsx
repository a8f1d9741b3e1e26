// «Подключить сервис ФРМР» (W2) and the revocation of the consent from «Настройки».
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { setFlash, takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import type { FieldError } from "../../ui/form.tsx";
import { requireViewer } from "../identity/viewer.ts";
import { actorOf } from "../register/actor.ts";
import { CONNECT_PATH } from "./consent.gate.ts";
import type { ConfirmOutcome, SendOutcome } from "./consent.service.ts";
import { currentConsentVersion } from "./consent.versions.ts";
import { ConnectPage } from "./views/connect-page.tsx";
import { RevokePage } from "./views/revoke-page.tsx";

// Each code costs an SMS and each guess is a try at a secret: tighter than the global limit. Counted
// per person, not per address, since a whole hospital may reach us through one.
const codeRateLimit = {
  rateLimit: {
    max: 10,
    timeWindow: "1 minute",
    keyGenerator: (request: FastifyRequest) => String(request.session?.data.userId ?? request.ip),
  },
};
const formBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  code: Type.Optional(Type.String({ maxLength: 50 })),
});

const sendErrors: Record<Exclude<SendOutcome, { ok: true }>["reason"], string> = {
  "no-phone":
    "На Госуслугах не указан мобильный телефон, поэтому код отправить некуда. Добавьте номер в профиле Госуслуг и войдите в кабинет снова.",
  "too-many": "Вы запросили слишком много кодов. Подождите 15 минут и запросите код снова.",
  "already-connected": "Сервис ФРМР уже подключён.",
};

function confirmError(outcome: Exclude<ConfirmOutcome, { ok: true }>): string {
  switch (outcome.reason) {
    case "malformed":
      return "Введите код из SMS — 6 цифр";
    case "wrong":
      return `Неверный код. Осталось попыток: ${outcome.attemptsLeft}`;
    case "expired":
      return "Срок действия кода истёк. Запросите новый код";
    case "exhausted":
      return "Код введён неверно 5 раз и больше не действует. Запросите новый код";
    case "no-code":
      return "Код не запрошен или уже использован. Запросите новый код";
  }
}

export async function consentRoutes(app: FastifyInstance): Promise<void> {
  const { consentService } = app.deps;

  async function showConnect(
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldError[] = [],
    status = 200,
  ) {
    const actor = actorOf(request);
    const [phone, pending] = await Promise.all([
      consentService.phoneFor(actor),
      consentService.pendingCode(actor),
    ]);
    const view = { version: currentConsentVersion(), phone, pending, errors, flash: takeFlash(request) };
    return sendHtml(reply, <ConnectPage ctx={pageContext(request, reply)} view={view} />, status);
  }

  app.get(CONNECT_PATH, { preHandler: requireViewer }, async (request, reply) => {
    if (await consentService.activeConsent(actorOf(request).id)) return reply.redirect("/lk", 303);
    return showConnect(request, reply);
  });

  app.post(
    `${CONNECT_PATH}/code`,
    { preHandler: requireViewer, config: codeRateLimit, schema: { body: formBody } },
    async (request, reply) => {
      const outcome = await consentService.sendCode(actorOf(request));
      if (outcome.ok) {
        setFlash(request, "Код отправлен в SMS. Введите его ниже.");
        return reply.redirect(CONNECT_PATH, 303);
      }
      if (outcome.reason === "already-connected") return reply.redirect("/lk", 303);
      const status = outcome.reason === "too-many" ? 429 : 400;
      return showConnect(request, reply, [{ field: "send", message: sendErrors[outcome.reason] }], status);
    },
  );

  app.post<{ Body: { code?: string } }>(
    `${CONNECT_PATH}/confirm`,
    { preHandler: requireViewer, config: codeRateLimit, schema: { body: formBody } },
    async (request, reply) => {
      const outcome = await consentService.confirm(actorOf(request), request.body.code);
      if (outcome.ok) {
        setFlash(request, "Сервис ФРМР подключён. Добро пожаловать в личный кабинет!");
        return reply.redirect("/lk", 303);
      }
      return showConnect(request, reply, [{ field: "code", message: confirmError(outcome) }], 400);
    },
  );

  app.get("/lk/consent/revoke", { preHandler: requireViewer }, async (request, reply) =>
    sendHtml(reply, <RevokePage ctx={pageContext(request, reply)} />),
  );

  app.post(
    "/lk/consent/revoke",
    { preHandler: requireViewer, schema: { body: formBody } },
    async (request, reply) => {
      await consentService.revoke(actorOf(request));
      setFlash(
        request,
        "Согласие отозвано, доступ к кабинету закрыт. Чтобы продолжить работу, подключите сервис снова.",
      );
      return reply.redirect(CONNECT_PATH, 303);
    },
  );
}
