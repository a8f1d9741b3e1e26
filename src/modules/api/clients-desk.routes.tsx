// The back office's screens for API clients (/support-desk/api-clients): a support desk operator with
// the right of clients.operators.ts registers a system and reads its secret once, suspends and resumes
// it, and issues a new secret. Every change goes through clients.service.ts with its audit record.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { sendError } from "../../http/errors.tsx";
import { setFlash, takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import { optionalText, uuidIdParams } from "../../shared/route-schemas.ts";
import { ConfirmPage } from "../../ui/confirm-page.tsx";
import type { FieldError } from "../../ui/form.tsx";
import { viewerOf } from "../identity/viewer.ts";
import { requireSupportDesk } from "../support/support.http.ts";
import { deskNavigation } from "../support/views/desk-queue.tsx";
import {
  type ClientFormValues,
  clientFormValues,
  parseClientForm,
  registrationError,
} from "./api-clients.input.ts";
import { kindLabels } from "./api-clients.labels.ts";
import type { ApiClientRow } from "./clients.repository.ts";
import type { ClientOperator } from "./clients.service.ts";
import { ClientFormPage } from "./views/api-client-form.tsx";
import {
  ClientPage,
  ClientsListPage,
  clientPath,
  clientsPath,
  SecretPage,
} from "./views/api-clients-pages.tsx";

const formBody = Type.Object({
  _csrf: optionalText(200),
  name: optionalText(1000),
  kind: optionalText(40),
  org: optionalText(200),
  scopes: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 40 }),
      Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 }),
    ]),
  ),
});

export async function clientsDeskRoutes(app: FastifyInstance): Promise<void> {
  const clients = app.deps.api.clients;
  const organizations = app.deps.api.organizations;

  /** Signed in, acting as «Техническая поддержка», and holding the right (checked again each time). */
  async function requireClientsRight(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await requireSupportDesk(request, reply);
    if (reply.sent) return;
    if (!(await clients.mayManage(viewerOf(request).id)))
      await sendError(request, reply, "API_CLIENTS_NOT_ALLOWED");
  }
  const guard = { preHandler: requireClientsRight };
  const operatorOf = (request: FastifyRequest): ClientOperator => ({
    userId: viewerOf(request).id,
    ip: request.ip,
  });

  async function withOrganization(client: ApiClientRow) {
    const organization = client.organizationOid
      ? await organizations.byFrmoOid(client.organizationOid)
      : undefined;
    return { client, organizationName: organization?.shortName };
  }

  /** The list and a client's card: the page context and the message of the change just made. */
  const withFlash = (request: FastifyRequest, reply: FastifyReply) => ({
    ctx: pageContext(request, reply),
    flash: takeFlash(request),
  });

  /** A secret page must not stay in a cache or in the browser's history of answers. */
  const sendSecret = (
    request: FastifyRequest,
    reply: FastifyReply,
    client: ApiClientRow,
    secret: string,
    isNew: boolean,
  ) =>
    sendHtml(
      reply.header("cache-control", "no-store"),
      <SecretPage ctx={pageContext(request, reply)} client={client} secret={secret} isNew={isNew} />,
    );

  const showForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    values: ClientFormValues,
    errors: FieldError[],
  ) =>
    sendHtml(
      reply,
      <ClientFormPage ctx={pageContext(request, reply)} values={values} errors={errors} />,
      errors.length > 0 ? 400 : 200,
    );

  /** A route of one client's screens: the right, the id, and the client itself, or «not found». */
  const clientRoute = (
    method: "GET" | "POST",
    suffix: string,
    handle: (client: ApiClientRow, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
  ) =>
    app.route<{ Params: { id: string } }>({
      method,
      url: `${clientsPath}/:id${suffix}`,
      ...guard,
      schema: { params: uuidIdParams },
      handler: async (request, reply) => {
        const client = await clients.byId(request.params.id);
        if (!client) return sendError(request, reply, "NOT_FOUND");
        return handle(client, request, reply);
      },
    });

  app.get(clientsPath, guard, async (request, reply) => {
    const rows = await Promise.all((await clients.list()).reverse().map(withOrganization));
    return sendHtml(reply, <ClientsListPage {...withFlash(request, reply)} rows={rows} />);
  });

  app.get(`${clientsPath}/new`, guard, (request, reply) => showForm(request, reply, { scopes: [] }, []));

  app.post(`${clientsPath}/new`, { ...guard, schema: { body: formBody } }, async (request, reply) => {
    const values = clientFormValues(request.body);
    const parsed = parseClientForm(values);
    if (!parsed.ok) return showForm(request, reply, values, parsed.errors);
    const outcome = await clients.register(parsed.input, operatorOf(request));
    if (!outcome.ok) return showForm(request, reply, values, [registrationError(outcome, parsed.input.kind)]);
    const client = await clients.byId(outcome.id);
    if (!client) return sendError(request, reply, "NOT_FOUND");
    return sendSecret(request, reply, client, outcome.clientSecret, true);
  });

  clientRoute("GET", "", async (client, request, reply) =>
    sendHtml(reply, <ClientPage {...withFlash(request, reply)} row={await withOrganization(client)} />),
  );

  const actions = {
    suspend: {
      question: (client: ApiClientRow) => `Приостановить доступ системы «${client.name}»?`,
      explanation:
        "Система не сможет получить новый токен, а выданные токены перестанут приниматься сразу. Доступ можно будет возобновить.",
      confirm: "Приостановить",
      danger: true,
      flash: "Доступ системы приостановлен.",
      allowed: (client: ApiClientRow) => client.suspendedAt === null,
    },
    resume: {
      question: (client: ApiClientRow) => `Возобновить доступ системы «${client.name}»?`,
      explanation: "Система снова сможет получать токены с прежним секретом и прежними разрешениями.",
      confirm: "Возобновить",
      danger: false,
      flash: "Доступ системы возобновлён.",
      allowed: (client: ApiClientRow) => client.suspendedAt !== null,
    },
  } as const;

  for (const [action, wording] of Object.entries(actions)) {
    clientRoute("GET", `/${action}`, async (client, request, reply) => {
      if (!wording.allowed(client)) return reply.redirect(clientPath(client.id), 303);
      return sendHtml(
        reply,
        <ConfirmPage
          ctx={pageContext(request, reply)}
          title={wording.confirm}
          nav={deskNavigation}
          question={wording.question(client)}
          facts={[
            { label: "Вид", value: kindLabels[client.kind] },
            { label: "Идентификатор (client_id)", value: client.clientId, breakWord: true },
          ]}
          action={`${clientPath(client.id)}/${action}`}
          confirmLabel={wording.confirm}
          variant={wording.danger ? "danger" : undefined}
          cancelHref={clientPath(client.id)}
        >
          <p>{wording.explanation}</p>
        </ConfirmPage>,
      );
    });

    clientRoute("POST", `/${action}`, async (client, request, reply) => {
      // A second click (or a stale page) changes nothing and says how things stand.
      if (wording.allowed(client)) {
        await clients.setSuspended(
          client.clientId,
          action === "suspend",
          app.deps.clock.now(),
          operatorOf(request),
        );
        setFlash(request, wording.flash);
      }
      return reply.redirect(clientPath(client.id), 303);
    });
  }

  clientRoute("GET", "/secret", async (client, request, reply) =>
    sendHtml(
      reply,
      <ConfirmPage
        ctx={pageContext(request, reply)}
        title="Новый секрет"
        nav={deskNavigation}
        question={`Выпустить новый секрет системе «${client.name}»?`}
        facts={[{ label: "Идентификатор (client_id)", value: client.clientId, breakWord: true }]}
        action={`${clientPath(client.id)}/secret`}
        confirmLabel="Выпустить новый секрет"
        cancelHref={clientPath(client.id)}
      >
        <p>
          Прежний секрет перестанет действовать сразу: пока владелец системы не заменит его, система не
          получит новых токенов. Новый секрет будет показан один раз.
        </p>
      </ConfirmPage>,
    ),
  );

  app.post<{ Params: { id: string } }>(
    `${clientsPath}/:id/secret`,
    { ...guard, schema: { params: uuidIdParams } },
    async (request, reply) => {
      const secret = await clients.rotateSecret(request.params.id, operatorOf(request));
      const client = secret ? await clients.byId(request.params.id) : undefined;
      if (!secret || !client) return sendError(request, reply, "NOT_FOUND");
      return sendSecret(request, reply, client, secret, false);
    },
  );
}
