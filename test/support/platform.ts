// The cabinet app alone (no stand-in), with extra routes a test may add before it is ready.
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/app.ts";
import type { DatabaseHandle } from "../../src/db/client.ts";
import { createDeps, type Deps } from "../../src/deps.ts";
import type { Clock } from "../../src/shared/clock.ts";
import { testConfig } from "./config.ts";
import { createTestDatabase } from "./db.ts";
import { testKeys } from "./keys.ts";

export async function buildPlatformApp(
  options: {
    clock?: Clock;
    database?: DatabaseHandle;
    env?: Record<string, string>;
    extraRoutes?: (app: FastifyInstance) => void;
    /** Turns the log on, into this stream. */
    logStream?: { write(line: string): void };
  } = {},
): Promise<{ app: FastifyInstance; deps: Deps }> {
  const database = options.database ?? (await createTestDatabase());
  const deps = await createDeps(testConfig(options.env), {
    database,
    devKeys: await testKeys(),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const app = await buildApp(deps, options.logStream ? { logStream: options.logStream } : { logger: false });
  options.extraRoutes?.(app);
  app.addHook("onClose", async () => database.close());
  await app.ready();
  return { app, deps };
}

/** The cookie header to send back, from a response's set-cookie headers. */
export function cookiesFrom(setCookie: string | string[] | undefined, previous = ""): string {
  const jar = new Map<string, string>();
  const remember = (pair: string, header = "") => {
    const index = pair.indexOf("=");
    if (index < 0) return;
    const value = pair.slice(index + 1);
    if (value === "" || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(header)) jar.delete(pair.slice(0, index));
    else jar.set(pair.slice(0, index), value);
  };
  for (const pair of previous.split("; ").filter(Boolean)) remember(pair);
  for (const header of [setCookie ?? []].flat()) remember(header.split(";")[0] ?? "", header);
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** The CSRF token of the first form on an HTML page. */
export function csrfTokenIn(html: string): string {
  const match = html.match(/name="_csrf" value="([^"]+)"/);
  if (!match?.[1]) throw new Error("no CSRF token on the page");
  return match[1];
}

/** A page's visible text in one line: tags dropped, the entities tests meet decoded. */
export const text = (html: string): string =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
