// Runs the ESIA stand-in beside the cabinet, with the cabinet registered as its client.
import type { FastifyInstance } from "fastify";
import type { Config } from "../config/config.ts";
import type { DevKeys } from "../esia/crypto/dev-keys.ts";
import { buildStandinApp, type StandinConfig } from "./app.ts";

export function standinConfigFor(config: Config, keys: DevKeys): StandinConfig {
  return {
    publicUrl: config.standin.publicUrl,
    issuer: config.esia.issuers[0] ?? `${config.standin.publicUrl}/`,
    tokenAlg: config.standin.tokenAlg,
    keys: keys.standin,
    clients: [
      {
        clientId: config.esia.clientId,
        redirectUris: [`${config.publicUrl}/auth/esia/callback`],
        // The second address: «Войти под другой учётной записью» logs out here and starts a new login.
        logoutRedirectUrls: [`${config.publicUrl}/auth/logged-out`, `${config.publicUrl}/auth/esia/login`],
        certificateDer: keys.client.certificateDer,
        allowedScopes: config.esia.scopes,
        displayName: "ФРМР — личный кабинет медицинского работника и организации",
      },
    ],
    timestampWindowSeconds: 300,
    codeTtlSeconds: 240,
    accessTokenTtlSeconds: 3600,
  };
}

export async function startStandin(
  config: Config,
  keys: DevKeys,
  /** Other development services served beside the stand-in (the test CA's CRL). */
  extraRoutes?: (app: FastifyInstance) => void,
): Promise<FastifyInstance> {
  if (config.env === "production") throw new Error("the ESIA stand-in never runs in production");
  const app = await buildStandinApp(standinConfigFor(config, keys));
  extraRoutes?.(app);
  await app.listen({ port: config.standin.port, host: config.host });
  return app;
}
