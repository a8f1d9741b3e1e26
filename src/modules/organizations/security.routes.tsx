// «Безопасность» (O13): the head keeps the organization's allow-list of networks.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { sendError } from "../../http/errors.tsx";
import { setFlash, takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import type { FieldError } from "../../ui/form.tsx";
import { type CabinetActor, cabinetActorOf, cabinetRoute } from "./cabinet.guard.tsx";
import { listNetworks } from "./security.repository.ts";
import { SecurityPage } from "./views/security-page.tsx";

const networkBody = Type.Object(
  { cidr: Type.Optional(Type.String()), note: Type.Optional(Type.String()) },
  { additionalProperties: true },
);

export async function securityRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { database, cabinet } = app.deps;
  const guard = cabinetRoute("security.manage");

  /** The list of networks with the form: empty, or as sent back with its error. */
  async function securityPage(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values: { cidr?: string; note?: string }; errors: FieldError[]; status: number } = {
      values: {},
      errors: [],
      status: 200,
    },
  ) {
    const actor = cabinetActorOf(request);
    const networks = await listNetworks(database.db, actor.organization.id);
    const { values, errors, status } = form;
    const ctx = pageContext(request, reply);
    const page = (
      <SecurityPage
        ctx={ctx}
        actor={actor}
        networks={networks}
        {...{ values, errors }}
        flash={takeFlash(request)}
      />
    );
    return sendHtml(reply, page, status);
  }

  /** Who acts, as the security service records it. */
  const by = (actor: CabinetActor) => ({
    userId: actor.userId,
    organizationId: actor.organization.id,
    ip: actor.ip,
  });

  app.get("/org/security", { preHandler: guard }, (request, reply) => securityPage(request, reply));

  app.post(
    "/org/security/networks",
    { preHandler: guard, schema: { body: networkBody } },
    async (request, reply) => {
      const actor = cabinetActorOf(request);
      const input = { cidr: request.body.cidr ?? "", note: request.body.note ?? "" };
      const outcome = await cabinet.security.addNetwork(by(actor), input);
      if (outcome.ok) {
        setFlash(request, "Сеть добавлена. Теперь кабинет открывается только из разрешённых сетей.");
        return reply.redirect("/org/security", 303);
      }
      const errors = [{ field: outcome.field, message: outcome.message }];
      return securityPage(request, reply, { values: input, errors, status: 400 });
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
      const outcome = await cabinet.security.removeNetwork(by(cabinetActorOf(request)), request.params.id);
      if (outcome.ok) {
        setFlash(request, "Сеть удалена из списка.");
        return reply.redirect("/org/security", 303);
      }
      if (outcome.reason === "not-found") return sendError(request, reply, "NOT_FOUND");
      const message =
        "Эту сеть удалить нельзя: без неё ваш текущий адрес окажется вне списка и вы потеряете доступ.";
      return securityPage(request, reply, { values: {}, errors: [{ field: "cidr", message }], status: 409 });
    },
  );
}
