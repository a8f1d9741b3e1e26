// «Безопасность» (O13): the head keeps the organization's allow-list of networks, turns on the
// holding of suspicious entries and lets held staff in or turns them away; the held person confirms
// the entry with the e-mailed code.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { sendError } from "../../http/errors.tsx";
import { setFlash, takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import { sessionKeyOf } from "../../http/session.ts";
import type { FieldError } from "../../ui/form.tsx";
import { requireOrganization } from "../identity/viewer.ts";
import { type CabinetActor, cabinetActorOf, cabinetRoute, ENTRY_HOLD } from "./cabinet.guard.tsx";
import { holdsSuspicious, listPendingHolds } from "./entry-holds.repository.ts";
import { findOrganizationById } from "./organizations.repository.ts";
import { listNetworks } from "./security.repository.ts";
import { EntryHoldPage } from "./views/entry-hold-page.tsx";
import { SecurityPage } from "./views/security-page.tsx";

const networkBody = Type.Object(
  { cidr: Type.Optional(Type.String()), note: Type.Optional(Type.String()) },
  { additionalProperties: true },
);

const holdParams = Type.Object({ id: Type.String({ format: "uuid" }) });
const flagBody = Type.Object(
  { holdSuspicious: Type.Optional(Type.String()) },
  { additionalProperties: true },
);
const codeBody = Type.Object({ code: Type.Optional(Type.String()) }, { additionalProperties: true });

export async function securityRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { database, cabinet, sessionsService } = app.deps;
  const guard = cabinetRoute("security.manage");
  const byActor = (actor: CabinetActor) => ({
    userId: actor.userId,
    organizationId: actor.organization.id,
    ip: actor.ip,
  });
  /** What the page shows besides the networks: the switch and the entries waiting for the head. */
  const entryState = async (organizationId: string) => ({
    holdSuspicious: await holdsSuspicious(database.db, organizationId),
    holds: await listPendingHolds(database.db, organizationId),
  });

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
        entry={await entryState(actor.organization.id)}
        sessions={await sessionsService.list(actor.userId)}
        currentSessionKey={sessionKeyOf(request)}
        {...{ values, errors }}
        flash={takeFlash(request)}
      />
    );
    return sendHtml(reply, page, status);
  }

  app.get("/org/security", { preHandler: guard }, (request, reply) => securityPage(request, reply));

  app.post(
    "/org/security/entry-blocking",
    { preHandler: guard, schema: { body: flagBody } },
    async (request, reply) => {
      const actor = cabinetActorOf(request);
      const on = request.body.holdSuspicious === "on";
      await cabinet.entryHolds.setHoldSuspicious(byActor(actor), on);
      setFlash(
        request,
        on
          ? "Защита включена: вход сотрудника из новой сети или с нового устройства будет ждать подтверждения."
          : "Защита выключена: о входах из новых сетей вы будете получать только уведомления.",
      );
      return reply.redirect("/org/security", 303);
    },
  );

  for (const [suffix, release] of [
    ["release", true],
    ["reject", false],
  ] as const) {
    app.post(
      `/org/security/holds/:id/${suffix}`,
      { preHandler: guard, schema: { params: holdParams }, attachValidation: true },
      async (request, reply) => {
        const actor = cabinetActorOf(request);
        const done =
          !request.validationError &&
          (await cabinet.entryHolds.decide(byActor(actor), request.params.id, release));
        if (!done) return sendError(request, reply, "NOT_FOUND");
        setFlash(request, release ? "Вход разрешён." : "Вход отклонён.");
        return reply.redirect("/org/security", 303);
      },
    );
  }

  // The held person is outside the cabinet (every /org route shows the hold), so the code goes here.
  app.post(
    "/auth/entry-hold/confirm",
    { preHandler: requireOrganization(), schema: { body: codeBody } },
    async (request, reply) => {
      const holdId = request.session.data[ENTRY_HOLD];
      const userId = request.viewer?.id ?? "";
      const hold = typeof holdId === "string" ? await cabinet.entryHolds.findHold(holdId) : undefined;
      if (!hold || hold.userId !== userId) return reply.redirect("/org", 303);
      const code = (request.body.code ?? "").replace(/\s/g, "");
      const outcome = await cabinet.entryHolds.confirm(hold.id, userId, code, request.ip);
      if (outcome.ok) {
        request.session.set(ENTRY_HOLD, undefined);
        setFlash(request, "Вход подтверждён.");
        return reply.redirect("/org", 303);
      }
      if (outcome.reason === "address-blocked") return sendError(request, reply, "ADDRESS_BLOCKED");
      const organization = await findOrganizationById(database.db, hold.organizationId);
      const fresh = (await cabinet.entryHolds.findHold(hold.id)) ?? hold;
      const message =
        outcome.reason === "expired"
          ? "Срок действия кода истёк. Попросите руководителя организации разрешить вход."
          : "Код не подошёл. Проверьте его по письму и введите снова.";
      const page = (
        <EntryHoldPage
          ctx={pageContext(request, reply)}
          organizationName={organization?.shortName ?? ""}
          hold={fresh}
          errors={[{ field: "code", message }]}
        />
      );
      return sendHtml(reply, page, 400);
    },
  );

  app.post(
    "/org/security/networks",
    { preHandler: guard, schema: { body: networkBody } },
    async (request, reply) => {
      const actor = cabinetActorOf(request);
      const input = { cidr: request.body.cidr ?? "", note: request.body.note ?? "" };
      const outcome = await cabinet.security.addNetwork(byActor(actor), input);
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
      const outcome = await cabinet.security.removeNetwork(
        byActor(cabinetActorOf(request)),
        request.params.id,
      );
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
