// buildApp(deps): plugins, then each module's routes. It never listens, so tests reuse it via inject.
import compress from "@fastify/compress";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import type { Deps } from "./deps.ts";
import { assetCacheHeaders, assetsRoot } from "./http/assets.ts";
import { browserGateSupport } from "./http/browser-gate.tsx";
import { refuseControlCharacters } from "./http/control-characters.ts";
import { registerErrorHandling } from "./http/errors.tsx";
import { loggerOptions } from "./http/logging.ts";
import { registerOperations } from "./http/operations.ts";
import { routeTableRegistry } from "./http/route-table.ts";
import { securitySupport } from "./http/security.ts";
import { sessionSupport } from "./http/session.ts";
import { apiDocsSupport, apiRoutes } from "./modules/api/api.plugin.ts";
import { clientsDeskRoutes } from "./modules/api/clients-desk.routes.tsx";
import { applicationsRoutes } from "./modules/applications/applications.routes.tsx";
import { approvalsRoutes } from "./modules/applications/approvals.routes.tsx";
import { consentGateSupport } from "./modules/consent/consent.gate.ts";
import { consentRoutes } from "./modules/consent/consent.routes.tsx";
import { documentsRoutes } from "./modules/documents/documents.routes.tsx";
import { extractsRoutes } from "./modules/extracts/extracts.routes.tsx";
import { fhirRoutes } from "./modules/fhir/fhir.routes.ts";
import { historyRoutes } from "./modules/history/history.routes.tsx";
import { homeRoutes } from "./modules/home/home.routes.tsx";
import { contextRoutes } from "./modules/identity/context.routes.tsx";
import { identityRoutes } from "./modules/identity/identity.routes.tsx";
import { sessionsRoutes } from "./modules/identity/sessions.routes.tsx";
import { viewerSupport } from "./modules/identity/viewer.ts";
import { noticesRoutes } from "./modules/notifications/notices.routes.tsx";
import { devOutboxRoutes } from "./modules/notifications/notifications.routes.tsx";
import { cabinetRouteRegistry } from "./modules/organizations/cabinet.registry.ts";
import { organizationRoutes } from "./modules/organizations/organizations.routes.tsx";
import { publicRoutes } from "./modules/public/public.routes.tsx";
import { registerRoutes } from "./modules/register/register.routes.tsx";
import { reviewRoutes } from "./modules/review/review.routes.tsx";
import { settingsRoutes } from "./modules/settings/settings.routes.tsx";
import { signaturesRoutes } from "./modules/signatures/signatures.routes.tsx";
import { ensureSigningBundle } from "./modules/signatures/signing-bundle.ts";
import { incidentsDeskRoutes } from "./modules/status/incidents.routes.tsx";
import { supportRoutes } from "./modules/support/support.routes.tsx";

declare module "fastify" {
  interface FastifyInstance {
    deps: Deps;
  }
}

export interface AppOptions {
  logger?: boolean;
  /** Where the log goes instead of stdout (tests read it back). */
  logStream?: { write(line: string): void };
}

export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
  // The signing script is built from the shared TypeScript before any page can name its asset URL.
  await ensureSigningBundle();
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(config.logLevel, options.logStream),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Slow clients must not hold connections forever.
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: 60_000,
    keepAliveTimeout: 10_000,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.decorate("deps", deps);
  registerErrorHandling(app);
  // HTML, CSS and JSON compressed (brotli at the plugin's fast level 4, or gzip); fonts are already.
  await app.register(compress, { encodings: ["br", "gzip"] });
  refuseControlCharacters(app);

  await app.register(fastifyStatic, {
    root: assetsRoot.pathname,
    prefix: "/assets/",
    index: false,
    cacheControl: false,
    setHeaders: assetCacheHeaders,
  });
  await app.register(fastifyStatic, {
    root: new URL("../node_modules/@fontsource/pt-sans/files", import.meta.url).pathname,
    prefix: "/assets/fonts/",
    decorateReply: false,
    index: false,
    maxAge: "30d",
    immutable: true,
  });
  registerOperations(app);
  // The header's messages about the service: the copy in memory is renewed at most every few
  // seconds, before the page is built (pageContext reads it without waiting).
  app.addHook("onRequest", async (request) => {
    const path = request.url.split("?")[0] ?? "";
    if (/^\/(assets|api|fhir)\/|^\/(healthz|readyz|metrics)$/.test(path)) return;
    await deps.incidents.refresh((error) => request.log.warn({ err: error }, "incidents not loaded"));
  });

  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(formbody);
  await app.register(securitySupport, {
    formTargets: [new URL(config.esia.url).origin],
    secure: config.cookieSecure,
    globalRateLimit: config.rateLimitPerMinute,
  });
  await app.register(sessionSupport, {
    db: deps.database.db,
    clock: deps.clock,
    secure: config.cookieSecure,
  });
  await app.register(viewerSupport);
  await app.register(consentGateSupport);
  await app.register(browserGateSupport);
  await app.register(cabinetRouteRegistry);
  await app.register(routeTableRegistry);

  await app.register(publicRoutes);
  await app.register(identityRoutes);
  await app.register(contextRoutes);
  await app.register(organizationRoutes);
  await app.register(homeRoutes);
  await app.register(documentsRoutes);
  await app.register(consentRoutes);
  await app.register(registerRoutes);
  await app.register(settingsRoutes);
  await app.register(sessionsRoutes);
  await app.register(historyRoutes);
  await app.register(applicationsRoutes);
  await app.register(approvalsRoutes);
  await app.register(signaturesRoutes);
  await app.register(reviewRoutes);
  await app.register(extractsRoutes);
  await app.register(noticesRoutes);
  await app.register(apiDocsSupport);
  await app.register(apiRoutes, { prefix: "/api" });
  await app.register(fhirRoutes, { prefix: "/fhir" });
  await app.register(supportRoutes);
  await app.register(clientsDeskRoutes);
  await app.register(incidentsDeskRoutes);
  // The development outbox shows codes and letters; it exists only with the ESIA stand-in, never in production.
  if (config.standin.enabled) await app.register(devOutboxRoutes);
  return app;
}
