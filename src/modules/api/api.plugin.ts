// The integration API under /api: the token endpoint, REST /api/v1 behind bearer tokens, and the
// OpenAPI document with its documentation page. Its errors are problem details, not pages.
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { apiAuthentication } from "./api.auth.ts";
import { problemFromError, renderProblemRefusal, sendProblem } from "./api.http.ts";
import { apiScopes } from "./api.scopes.ts";
import { tokenRoutes } from "./token.routes.ts";
import { v1Routes } from "./v1.routes.ts";

/** The OpenAPI document collects the routes registered after it; only the API's are shown. */
async function apiDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "ФРМР — integration API",
        version: "1.0.0",
        description:
          "REST access to the register for organizations' systems, health authorities and insurers. Errors are RFC 9457 problem details with the codes of docs/errors.md. FHIR R4 is served at /fhir.",
      },
      components: {
        securitySchemes: {
          oauth2: {
            type: "oauth2",
            flows: {
              clientCredentials: {
                tokenUrl: "/api/oauth/token",
                scopes: Object.fromEntries(apiScopes.map((scope) => [scope, scope])),
              },
            },
          },
        },
      },
    },
    transform: ({ schema, url, route }) => {
      const shown = url.startsWith("/api/v1/") || url === "/api/oauth/token";
      return { schema: { ...(schema ?? {}), hide: !shown } as typeof schema, url, route };
    },
  });
}

export const apiDocsSupport = fp(apiDocs, { name: "frmr-api-docs" });

export async function apiRoutes(app: FastifyInstance): Promise<void> {
  const { api, config } = app.deps;
  app.setErrorHandler((error, request, reply) => {
    if (
      (error as { statusCode?: number }).statusCode === undefined ||
      (error as { statusCode?: number }).statusCode === 500
    )
      request.log.error({ err: error }, "unexpected error in the API");
    return problemFromError(error, reply);
  });
  app.setNotFoundHandler((_request, reply) => sendProblem(reply, "NOT_FOUND"));

  await app.register(tokenRoutes({ tokens: api.tokens, clients: api.clients, endpoint: api.tokenEndpoint }));
  await app.register(
    async (v1) => {
      apiAuthentication(v1, {
        tokens: api.tokens,
        clients: api.clients,
        render: renderProblemRefusal,
        rateLimitPerMinute: config.apiRateLimitPerMinute,
      });
      await v1.register(v1Routes(api.rest));
    },
    { prefix: "/v1" },
  );

  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, {
    routePrefix: "/docs",
    staticCSP: true,
    // The page's own scripts and styles only; nothing from a CDN.
    // Swagger UI sets style attributes from its script: inline styles are allowed on this page only.
    transformStaticCSP: (header) =>
      header
        .replace(/\s*upgrade-insecure-requests;?/, "")
        .replace("validator.swagger.io", "")
        .replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'"),
    uiConfig: { docExpansion: "list", deepLinking: false, validatorUrl: null },
  });
}
