// «Настройки» (W14): contacts from ESIA, notification channels, the consent and its revocation.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { setFlash, takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import { sessionKeyOf } from "../../http/session.ts";
import type { FieldError } from "../../ui/form.tsx";
import { requireViewer, viewerOf } from "../identity/viewer.ts";
import { actorOf } from "../register/actor.ts";
import type { NotificationChannels } from "./settings.repository.ts";
import { SettingsPage } from "./views/settings-page.tsx";

const channelsBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  email: Type.Optional(Type.String({ maxLength: 10 })),
  sms: Type.Optional(Type.String({ maxLength: 10 })),
});

export async function settingsRoutes(app: FastifyInstance): Promise<void> {
  const { settingsService, sessionsService, config } = app.deps;

  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldError[] = [],
    wanted?: NotificationChannels,
  ) {
    const actor = actorOf(request);
    const [data, sessions] = await Promise.all([
      settingsService.settings(actor),
      sessionsService.list(viewerOf(request).id),
    ]);
    const view = {
      ...data,
      sessions,
      currentSessionKey: sessionKeyOf(request),
      channels: wanted ?? data.channels,
      errors,
      flash: takeFlash(request),
      // Where the person edits their Госуслуги profile: the stand-in's own settings page, or the
      // profile of the real portal (ESIA's protocol host has no pages for people).
      esiaProfileUrl: config.standin.enabled
        ? `${config.standin.publicUrl}/settings/security`
        : "https://lk.gosuslugi.ru/profile/personal",
    };
    return sendHtml(
      reply,
      <SettingsPage ctx={pageContext(request, reply)} view={view} />,
      errors.length > 0 ? 400 : 200,
    );
  }

  app.get("/lk/settings", { preHandler: requireViewer }, (request, reply) => show(request, reply));

  app.post<{ Body: { email?: string; sms?: string } }>(
    "/lk/settings/notifications",
    { preHandler: requireViewer, schema: { body: channelsBody } },
    async (request, reply) => {
      const wanted = { email: request.body.email === "on", sms: request.body.sms === "on" };
      const outcome = await settingsService.updateChannels(actorOf(request), wanted);
      if (!outcome.ok) return show(request, reply, outcome.errors, wanted);
      setFlash(
        request,
        outcome.changed ? "Настройки уведомлений сохранены." : "Изменений нет: настройки остались прежними.",
      );
      return reply.redirect("/lk/settings", 303);
    },
  );
}
