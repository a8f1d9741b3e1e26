// The landing page and the authenticated /lk page against a bare Fastify handler, on PGlite and,
// when TEST_DATABASE_URL is set, on PostgreSQL.
import { fakeClock } from "../src/shared/clock.ts";
import { testDatabaseUrl } from "../test/support/db.ts";
import { buildPlatformApp, cookiesFrom } from "../test/support/platform.ts";
import { measure, measureBaseline, printTable } from "./measure.ts";

const person = {
  oid: "1000000001",
  lastName: "Иванова",
  firstName: "Мария",
  middleName: "Петровна",
  snils: "11223344595",
  trusted: true,
  contacts: [],
  documents: [],
  addresses: [],
};

async function measurePages(label: string): Promise<void> {
  const { app } = await buildPlatformApp({
    clock: fakeClock(new Date()),
    // The benchmark is one client sending thousands of requests: the per-IP limit would cut it short.
    env: { RATE_LIMIT_PER_MINUTE: "100000000" },
    extraRoutes: (instance) => {
      instance.get("/bench/sign-in", async (request, reply) => {
        const outcome = await instance.deps.identityService.signIn(person, request.ip);
        if (!outcome.ok) throw new Error("sign-in refused");
        request.session.regenerate({ userId: outcome.user.id, context: { kind: "worker" } }, new Date());
        return reply.redirect("/lk", 303);
      });
    },
  });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  try {
    const signIn = await fetch(`${base}/bench/sign-in`, { redirect: "manual" });
    const cookie = cookiesFrom(signIn.headers.getSetCookie());
    const baseline = await measureBaseline();
    const landing = await measure("landing page /", `${base}/`);
    const cabinet = await measure("cabinet home /lk (signed in)", `${base}/lk`, { cookie });
    printTable(`Pages on ${label}`, baseline, [landing, cabinet]);
  } finally {
    await app.close();
  }
}

export async function run(): Promise<void> {
  await measurePages("PGlite");
  if (testDatabaseUrl) await measurePages("PostgreSQL");
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
