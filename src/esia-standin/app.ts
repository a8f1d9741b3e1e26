// buildStandinApp: the ESIA stand-in as a Fastify instance (REQUIREMENTS E1–E7, domain/esia.md §18).
// It never listens itself; the cabinet's main.ts does, and tests use inject.
import { randomBytes } from "node:crypto";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance } from "fastify";
import { createSeedAccounts } from "./accounts.ts";
import { registerClients } from "./client-auth.ts";
import { checkConfig, type StandinConfig, type StandinContext } from "./context.ts";
import { authorizeRoutes } from "./routes-authorize.tsx";
import { devRoutes } from "./routes-dev.tsx";
import { registerFallbacks } from "./routes-fallback.tsx";
import { loginRoutes } from "./routes-login.tsx";
import { recoveryRoutes } from "./routes-recovery.tsx";
import { restRoutes } from "./routes-rest.ts";
import { settingsRoutes } from "./routes-settings.tsx";
import { tokenRoutes } from "./routes-token.ts";
import { SEED_PASSWORD, seedOrganizations } from "./seed.ts";
import { createMemoryStore } from "./store.ts";
import { createTokenSigner } from "./tokens.ts";

export type { StandinClient } from "./client-auth.ts";
export type { StandinConfig } from "./context.ts";
export { SEED_PASSWORD, standinAccounts, standinOrganizations } from "./seed.ts";

export async function buildStandinApp(
  config: StandinConfig,
  options: { logger?: boolean } = {},
): Promise<FastifyInstance> {
  checkConfig(config);
  const clock = config.clock ?? (() => new Date());
  const nowMs = () => clock().getTime();
  const ctx: StandinContext = {
    config,
    now: clock,
    nowMs,
    store: createMemoryStore(
      nowMs,
      await createSeedAccounts(SEED_PASSWORD),
      structuredClone([...seedOrganizations]),
    ),
    clients: registerClients(config.clients),
    signer: createTokenSigner(config.tokenAlg, config.keys),
    csrfKey: randomBytes(32),
    secureCookies: config.publicUrl.startsWith("https:"),
    baseUrl: config.publicUrl.replace(/\/+$/, ""),
  };

  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 64 * 1024 });
  await app.register(cookie);
  await app.register(formbody);
  // After consent the browser follows a redirect to the relying party; form-action must allow its
  // origins, or browsers that apply form-action to redirects would block the return.
  const clientOrigins = [
    ...new Set(config.clients.flatMap((c) => c.redirectUris.map((uri) => new URL(uri).origin))),
  ];
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "img-src": ["'self'"],
        "form-action": ["'self'", ...clientOrigins],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
        ...(ctx.secureCookies ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    strictTransportSecurity: ctx.secureCookies,
    referrerPolicy: { policy: "same-origin" },
  });
  await app.register(rateLimit, { global: false });
  const formLimit = { max: config.formRateLimitPerMinute ?? 60, timeWindow: 60_000 };

  registerFallbacks(app);
  authorizeRoutes(app, ctx);
  loginRoutes(app, ctx, formLimit);
  recoveryRoutes(app, ctx, formLimit);
  settingsRoutes(app, ctx, formLimit);
  tokenRoutes(app, ctx);
  restRoutes(app, ctx);
  devRoutes(app, ctx);
  return app;
}
