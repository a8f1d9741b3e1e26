// FHIR R4 at /fhir (application/fhir+json): metadata, and for Practitioner, PractitionerRole and
// Organization read, vread, _history and search with Bundle paging. Errors are OperationOutcome.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { classifyError } from "../../http/errors.tsx";
import { type ErrorCode, errorCatalogue } from "../../shared/errors.ts";
import { apiAuthentication, type Refusal } from "../api/api.auth.ts";
import type { ApiScope } from "../api/api.scopes.ts";
import { capabilityStatement } from "./fhir.capability.ts";
import type { Resource } from "./fhir.resources.ts";
import { parseSearch } from "./fhir.search.ts";
import { createFhirService, type FhirType, type Found, type Page } from "./fhir.service.ts";

const FHIR_JSON = "application/fhir+json; charset=utf-8";
const issueCodes: Partial<Record<ErrorCode, string>> = {
  NOT_FOUND: "not-found",
  API_TOKEN_INVALID: "login",
  API_SCOPE_MISSING: "forbidden",
  API_NOT_ALLOWED: "forbidden",
  VALIDATION_FAILED: "invalid",
  RATE_LIMITED: "throttled",
};
const scopes: Record<FhirType, ApiScope> = {
  Practitioner: "persons.read",
  PractitionerRole: "staff.read",
  Organization: "organizations.read",
};

export function sendOutcome(reply: FastifyReply, code: ErrorCode, diagnostics?: string): FastifyReply {
  const entry = errorCatalogue[code];
  return reply
    .code(entry.status)
    .type(FHIR_JSON)
    .send({
      resourceType: "OperationOutcome",
      issue: [
        {
          severity: "error",
          code: issueCodes[code] ?? (entry.status >= 500 ? "exception" : "processing"),
          diagnostics: diagnostics ?? `${entry.title}. ${entry.message}`,
        },
      ],
    });
}

const renderRefusal = (_request: FastifyRequest, reply: FastifyReply, refusal: Refusal) =>
  sendOutcome(reply.header("www-authenticate", refusal.wwwAuthenticate), refusal.code);

export async function fhirRoutes(app: FastifyInstance): Promise<void> {
  const { api, config, database, clock } = app.deps;
  const base = `${config.publicUrl}/fhir`;
  const fhir = createFhirService({
    db: database.db,
    clock,
    directory: api.directory,
    organizations: api.organizations,
  });
  app.setErrorHandler((error, request, reply) => {
    const code = classifyError(error);
    if (code === "INTERNAL") request.log.error({ err: error }, "unexpected error in FHIR");
    return sendOutcome(reply, code);
  });
  app.setNotFoundHandler((_request, reply) => sendOutcome(reply, "NOT_FOUND"));
  // FHIR clients send their own media type.
  app.addContentTypeParser("application/fhir+json", { parseAs: "string" }, (_request, body, done) => {
    try {
      done(null, JSON.parse(String(body)));
    } catch {
      done(Object.assign(new Error("invalid JSON"), { statusCode: 400 }));
    }
  });

  app.get("/metadata", { config: { csrf: false, session: false } }, async (_request, reply) =>
    reply.type(FHIR_JSON).send(capabilityStatement(config.publicUrl, clock.now().toISOString())),
  );

  await app.register(async (secured) => {
    apiAuthentication(secured, {
      tokens: api.tokens,
      clients: api.clients,
      render: renderRefusal,
      rateLimitPerMinute: config.apiRateLimitPerMinute,
    });
    const caller = (request: FastifyRequest) => {
      if (!request.apiCaller) throw new Error("FHIR route reached without a caller");
      return request.apiCaller;
    };
    const send = (reply: FastifyReply, found: Found<Resource>) =>
      found.ok ? reply.type(FHIR_JSON).send(found.value) : sendOutcome(reply, found.code, found.diagnostics);

    for (const type of ["Practitioner", "PractitionerRole", "Organization"] as const) {
      const routeConfig = { apiScope: scopes[type] };
      secured.get<{ Params: { id: string } }>(
        `/${type}/:id`,
        { config: routeConfig },
        async (request, reply) => send(reply, await fhir.read(caller(request), type, request.params.id)),
      );
      secured.get<{ Params: { id: string; vid: string } }>(
        `/${type}/:id/_history/:vid`,
        { config: routeConfig },
        async (request, reply) => {
          const version = Number(request.params.vid);
          if (!Number.isSafeInteger(version) || version < 1) return sendOutcome(reply, "NOT_FOUND");
          return send(reply, await fhir.vread(caller(request), type, request.params.id, version));
        },
      );
      secured.get<{ Params: { id: string } }>(
        `/${type}/:id/_history`,
        { config: routeConfig },
        async (request, reply) => {
          const found = await fhir.history(caller(request), type, request.params.id, 100);
          if (!found.ok) return sendOutcome(reply, found.code);
          return reply.type(FHIR_JSON).send({
            resourceType: "Bundle",
            type: "history",
            link: [{ relation: "self", url: `${config.publicUrl}${request.url}` }],
            entry: found.value.map(({ row, resource }) => ({
              fullUrl: `${base}/${type}/${request.params.id}`,
              ...(row.operation === "delete" ? {} : { resource }),
              request: {
                method: row.operation === "create" ? "POST" : row.operation === "update" ? "PUT" : "DELETE",
                url: row.operation === "create" ? type : `${type}/${request.params.id}`,
              },
              response: {
                status: row.operation === "create" ? "201" : row.operation === "update" ? "200" : "204",
                lastModified: row.changedAt.toISOString(),
              },
            })),
          });
        },
      );
      secured.get(`/${type}`, { config: routeConfig }, async (request, reply) => {
        const query = request.query as Record<string, string | string[] | undefined>;
        const parsed = parseSearch(type, query);
        if (!parsed.ok) return sendOutcome(reply, "VALIDATION_FAILED", parsed.message);
        const who = caller(request);
        const found: Found<Page> =
          type === "Practitioner"
            ? await fhir.searchPractitioners(who, parsed.params)
            : type === "PractitionerRole"
              ? await fhir.searchRoles(who, parsed.params)
              : await fhir.searchOrganizations(who, parsed.params);
        if (!found.ok) return sendOutcome(reply, found.code, found.diagnostics);
        return reply.type(FHIR_JSON).send(bundle(type, query, found.value));
      });
    }
  });

  function bundle(type: FhirType, query: Record<string, string | string[] | undefined>, page: Page) {
    const link = (cursor?: string) => {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(query))
        if (name !== "_cursor") for (const item of [value ?? []].flat()) params.append(name, item);
      if (cursor) params.set("_cursor", cursor);
      const text = params.toString();
      return `${base}/${type}${text ? `?${text}` : ""}`;
    };
    const entry = (mode: "match" | "include") => (resource: Resource) => ({
      fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode },
    });
    return {
      resourceType: "Bundle",
      type: "searchset",
      link: [
        { relation: "self", url: link() },
        ...(page.next ? [{ relation: "next", url: link(page.next) }] : []),
      ],
      entry: [...page.resources.map(entry("match")), ...page.included.map(entry("include"))],
    };
  }
}
