// The whole system for a test file: a fresh database, the ESIA stand-in listening on loopback and
// the cabinet app (injected, or listening too for browser tests). Everything real, nothing mocked.
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/app.ts";
import type { Config } from "../../src/config/config.ts";
import { createDeps, type Deps } from "../../src/deps.ts";
import { buildStandinApp } from "../../src/esia-standin/app.ts";
import { standinConfigFor } from "../../src/esia-standin/start.ts";
import { seedDemoData } from "../../src/seed.ts";
import type { Clock } from "../../src/shared/clock.ts";
import { testConfig } from "./config.ts";
import { createTestDatabase } from "./db.ts";
import { freePort, testKeys } from "./keys.ts";

export interface TestSystem {
  app: FastifyInstance;
  standin: FastifyInstance;
  deps: Deps;
  config: Config;
  /** Base URL of the cabinet when started with `listen: true`. */
  cabinetUrl: string;
  close(): Promise<void>;
}

export interface SystemOptions {
  clock?: Clock;
  listen?: boolean;
  env?: Record<string, string>;
  /** Called with the stand-in before it listens, e.g. to add a benchmark's hooks. */
  onStandinBuilt?: (standin: FastifyInstance) => void;
}

export async function startTestSystem(options: SystemOptions = {}): Promise<TestSystem> {
  const keys = await testKeys();
  const [standinPort, cabinetPort] = [await freePort(), await freePort()];
  const standinUrl = `http://localhost:${standinPort}`;
  const cabinetUrl = `http://localhost:${cabinetPort}`;
  const config = testConfig({
    PUBLIC_URL: cabinetUrl,
    PORT: String(cabinetPort),
    ESIA_URL: standinUrl,
    ESIA_STANDIN_PORT: String(standinPort),
    ...options.env,
  });
  const database = await createTestDatabase();
  const deps = await createDeps(config, {
    database,
    devKeys: keys,
    ...(options.clock ? { clock: options.clock } : {}),
  });

  await seedDemoData(database.db);
  const standinConfig = standinConfigFor(config, keys);
  const standin = await buildStandinApp(
    options.clock ? { ...standinConfig, clock: () => deps.clock.now() } : standinConfig,
    {
      logger: false,
    },
  );
  options.onStandinBuilt?.(standin);
  await standin.listen({ port: standinPort, host: "127.0.0.1" });
  const app = await buildApp(deps, { logger: false });
  if (options.listen) await app.listen({ port: cabinetPort, host: "127.0.0.1" });
  else await app.ready();

  return {
    app,
    standin,
    deps,
    config,
    cabinetUrl,
    close: async () => {
      await app.close();
      await standin.close();
      await database.close();
    },
  };
}
