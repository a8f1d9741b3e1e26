// REST API after login (§11): Bearer check (401), scope check (403 ESIA-005029), scope-filtered data,
// collections with link elements unless `embed=(elements)`, and the person's nested embeds.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { personOrganizations } from "./accounts.ts";
import type { StandinContext } from "./context.ts";
import type { StandinPerson } from "./model.ts";
import {
  addressJson,
  collection,
  contactJson,
  documentJson,
  EMBED_SCOPES,
  organizationJson,
  parseEmbed,
  personJson,
  roleJson,
  visibleContacts,
  visibleDocuments,
} from "./rest-data.ts";
import { type GrantedScopes, grantedScopesFromClaim } from "./scopes.ts";

const SCOPE_NOT_ALLOWED = { code: "ESIA-005029", message: "SecurityErrorEnum.scopeNotAllowed" };

type Access = { oid: number; granted: GrantedScopes };

export function restRoutes(app: FastifyInstance, ctx: StandinContext): void {
  /** The verified access token's view of `pathOid`; undefined once a 401 has been sent. */
  async function authenticate(
    request: FastifyRequest,
    reply: FastifyReply,
    pathOid: number,
  ): Promise<Access | undefined> {
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(request.headers.authorization ?? "");
    const claims = match ? await ctx.signer.verify(match[1] as string, "access") : undefined;
    const now = ctx.nowMs() / 1000;
    const valid =
      claims !== undefined &&
      claims.iss === ctx.config.issuer &&
      typeof claims.exp === "number" &&
      claims.exp > now &&
      (typeof claims.nbf !== "number" || claims.nbf <= now) &&
      typeof claims["urn:esia:sbj_id"] === "number" &&
      typeof claims.scope === "string";
    if (!valid) {
      reply.status(401).header("www-authenticate", 'Bearer error="invalid_token"').send();
      return undefined;
    }
    return {
      oid: claims["urn:esia:sbj_id"] as number,
      granted: grantedScopesFromClaim(claims.scope as string, pathOid),
    };
  }

  const forbidden = (reply: FastifyReply) => reply.status(403).send(SCOPE_NOT_ALLOWED);
  const notFound = (reply: FastifyReply) => reply.status(404).send();

  /** Authenticates and checks that the token holds one of `needed` for this person (any personal scope if empty). */
  async function personAccess(request: FastifyRequest, reply: FastifyReply, needed: readonly string[]) {
    const pathOid = Number((request.params as { oid: string }).oid);
    const access = await authenticate(request, reply, pathOid);
    if (!access) return undefined;
    const scopes = access.granted.person;
    const allowed =
      needed.length === 0 ? [...scopes].some((s) => s !== "openid") : needed.some((s) => scopes.has(s));
    const person = ctx.store.accounts.get(pathOid)?.person;
    if (!allowed) {
      forbidden(reply);
      return undefined;
    }
    if (!person) {
      notFound(reply);
      return undefined;
    }
    return { person, scopes };
  }

  const base = (oid: number) => `${ctx.baseUrl}/rs/prns/${oid}`;
  const embedsElements = (request: FastifyRequest) =>
    parseEmbed(String((request.query as { embed?: unknown }).embed ?? "")).includes("elements");

  /** A sub-collection with its element route: links by default, objects with `embed=(elements)`. */
  function subCollection<T extends { id: number }>(
    path: string,
    needed: readonly string[],
    items: (person: StandinPerson, scopes: ReadonlySet<string>) => T[],
    toJson: (item: T) => Record<string, unknown>,
  ) {
    app.get(`/rs/prns/:oid/${path}`, async (request, reply) => {
      const found = await personAccess(request, reply, needed);
      if (!found) return reply;
      const list = items(found.person, found.scopes);
      return embedsElements(request)
        ? collection(list.map(toJson))
        : collection(list.map((item) => `${base(found.person.oid)}/${path}/${item.id}`));
    });
    app.get(`/rs/prns/:oid/${path}/:id`, async (request, reply) => {
      const found = await personAccess(request, reply, needed);
      if (!found) return reply;
      const item = items(found.person, found.scopes).find(
        (i) => i.id === Number((request.params as { id: string }).id),
      );
      return item ? toJson(item) : notFound(reply);
    });
  }

  const contactScopes = EMBED_SCOPES.contacts as readonly string[];
  const documentScopes = EMBED_SCOPES.documents as readonly string[];
  subCollection("ctts", contactScopes, visibleContacts, contactJson);
  subCollection("docs", documentScopes, visibleDocuments, documentJson);
  subCollection("addrs", ["addresses"], (p) => p.addresses, addressJson);
  subCollection(
    "vhls",
    ["vehicles"],
    () => [] as { id: number }[],
    (v) => v,
  );

  const rolesOf = (person: StandinPerson) =>
    personOrganizations(ctx.store, person).map(({ role, org }) => roleJson(person.oid, role, org));

  app.get("/rs/prns/:oid", async (request, reply) => {
    const found = await personAccess(request, reply, []);
    if (!found) return reply;
    const { person, scopes } = found;
    const body = personJson(person, scopes);
    const embeds = parseEmbed(String((request.query as { embed?: unknown }).embed ?? ""));
    const builders: Record<string, () => unknown[]> = {
      contacts: () => visibleContacts(person, scopes).map(contactJson),
      documents: () => visibleDocuments(person, scopes).map(documentJson),
      addresses: () => person.addresses.map(addressJson),
      vehicles: () => [],
      organizations: () => rolesOf(person),
    };
    // An embed the token has no scope for is left out rather than refused, as the person itself is readable.
    for (const embed of embeds) {
      const name = embed.replace(/\.elements$/, "");
      const build = builders[name];
      if (!build || !EMBED_SCOPES[name]?.some((s) => scopes.has(s))) continue;
      body[name] = collection(build());
    }
    return body;
  });

  app.get("/rs/prns/:oid/roles", async (request, reply) => {
    const found = await personAccess(request, reply, ["usr_org"]);
    if (!found) return reply;
    return collection(rolesOf(found.person));
  });

  app.get("/rs/prns/:oid/orgs", async (request, reply) => {
    const found = await personAccess(request, reply, ["usr_org"]);
    if (!found) return reply;
    if (embedsElements(request)) return collection(rolesOf(found.person));
    return collection(
      personOrganizations(ctx.store, found.person).map(({ org }) => `${ctx.baseUrl}/rs/orgs/${org.oid}`),
    );
  });

  app.get("/rs/orgs/:orgOid", async (request, reply) => {
    const orgOid = Number((request.params as { orgOid: string }).orgOid);
    const access = await authenticate(request, reply, Number.NaN);
    if (!access) return reply;
    const scopes = access.granted.org.get(orgOid);
    if (!scopes || scopes.size === 0) return forbidden(reply);
    const org = ctx.store.organizations.get(orgOid);
    return org ? organizationJson(org, scopes) : notFound(reply);
  });

  // The organisation's employees (`org_emps`). The element's fields are the stand-in's own reading:
  // the published sources name the scope and the path, not the shape.
  app.get("/rs/orgs/:orgOid/emps", async (request, reply) => {
    const orgOid = Number((request.params as { orgOid: string }).orgOid);
    const access = await authenticate(request, reply, Number.NaN);
    if (!access) return reply;
    if (!access.granted.org.get(orgOid)?.has("org_emps")) return forbidden(reply);
    if (!ctx.store.organizations.has(orgOid)) return notFound(reply);
    const employees = [...ctx.store.accounts.values()].flatMap(({ person }) =>
      person.roles.filter((role) => role.orgOid === orgOid).map((role) => ({ person, role })),
    );
    if (!embedsElements(request))
      return collection(employees.map(({ person }) => `${ctx.baseUrl}/rs/orgs/${orgOid}/emps/${person.oid}`));
    return collection(
      employees.map(({ person, role }) => ({
        stateFacts: ["Identifiable"],
        oid: person.oid,
        orgOid,
        lastName: person.lastName,
        firstName: person.firstName,
        ...(person.middleName === undefined ? {} : { middleName: person.middleName }),
        chief: role.chief,
        admin: role.admin,
        active: role.active,
      })),
    );
  });
}
