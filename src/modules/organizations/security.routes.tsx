// «Безопасность» (O13): the head keeps the organization's allow-list of networks.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { sendError } from "../../http/errors.tsx";
import { setFlash, takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import { sessionKeyOf } from "../../http/session.ts";
import { cabinetActorOf, cabinetRoute } from "./cabinet.guard.tsx";
import { listNetworks } from "./security.repository.ts";
import { SecurityPage } from "./views/security-page.tsx";

const networkBody = Type.Object(
  { cidr: Type.Optional(Type.String()), note: Type.Optional(Type.String()) },
  { additionalProperties: true },
);

export async function securityRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { database, cabinet, sessionsService } = app.deps;
  const guard = cabinetRoute("security.manage");

  app.get("/org/security", { preHandler: guard }, async (request, reply) => {
    const actor = cabinetActorOf(request);
    const networks = await listNetworks(database.db, actor.organization.id);
    const page = (
      <SecurityPage
        ctx={pageContext(request, reply)}
        actor={actor}
        networks={networks}
        sessions={await sessionsService.list(actor.userId)}
        currentSessionKey={sessionKeyOf(request)}
        values={{}}
        errors={[]}
        flash={takeFlash(request)}
      />
    );
    return sendHtml(reply, page);
  });

  app.post(
    "/org/security/networks",
    { preHandler: guard, schema: { body: networkBody } },
    async (request, reply) => {
      const actor = cabinetActorOf(request);
      const input = { cidr: request.body.cidr ?? "", note: request.body.note ?? "" };
      const outcome = await cabinet.security.addNetwork(
        { userId: actor.userId, organizationId: actor.organization.id, ip: actor.ip },
        input,
      );
      if (outcome.ok) {
        setFlash(request, "Сеть добавлена. Теперь кабинет открывается только из разрешённых сетей.");
        return reply.redirect("/org/security", 303);
      }
      const networks = await listNetworks(database.db, actor.organization.id);
      const errors = [{ field: outcome.field, message: outcome.message }];
      return sendHtml(
        reply,
        <SecurityPage
          ctx={pageContext(request, reply)}
          actor={actor}
          networks={networks}
          sessions={await sessionsService.list(actor.userId)}
          currentSessionKey={sessionKeyOf(request)}
          values={input}
          errors={errors}
        />,
        400,
      );
    },
  );

  app.post(
    "/org/security/networks/:id/delete",
    {
      preHandler: guard,
      schema: { params: Type.Object({ id: Type.String({ format: "uuid" }) }) },
      attachValidation: true,
    },
    async (request, reply) => {
      if (request.validationError) return sendError(request, reply, "NOT_FOUND");
      const actor = cabinetActorOf(request);
      const outcome = await cabinet.security.removeNetwork(
        { userId: actor.userId, organizationId: actor.organization.id, ip: actor.ip },
        request.params.id,
      );
      if (outcome.ok) {
        setFlash(request, "Сеть удалена из списка.");
        return reply.redirect("/org/security", 303);
      }
      if (outcome.reason === "not-found") return sendError(request, reply, "NOT_FOUND");
      const networks = await listNetworks(database.db, actor.organization.id);
      const errors = [
        {
          field: "cidr",
          message:
            "Эту сеть удалить нельзя: без неё ваш текущий адрес окажется вне списка и вы потеряете доступ.",
        },
      ];
      return sendHtml(
        reply,
        <SecurityPage
          ctx={pageContext(request, reply)}
          actor={actor}
          networks={networks}
          sessions={await sessionsService.list(actor.userId)}
          currentSessionKey={sessionKeyOf(request)}
          values={{}}
          errors={errors}
        />,
        409,
      );
    },
  );
}
