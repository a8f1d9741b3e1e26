// The landing page, the worker's signed-in pages and the public check of an extract by its number
// (/verify/<number>, from the QR code) against the bare baseline, and the server's CPU per ESIA
// login. The demo data of the stand-in's accounts and one issued extract are all the server needs.
import { standinAccounts } from "../src/esia-standin/seed.ts";
import { applications } from "../src/modules/applications/applications.schema.ts";
import { issueExtract } from "../src/modules/extracts/extracts.repository.ts";
import { users } from "../src/modules/identity/identity.schema.ts";
import { registerAccreditationProcedures } from "../src/modules/register/register-record.schema.ts";
import { FormClient, loginThroughStandin } from "../test/support/http-client.ts";
import type { TestSystem } from "../test/support/system.ts";
import { loginOf, signInWorker } from "./login.ts";
import { measureWithCpu, printTable, settings } from "./measure.ts";
import type { BenchContext } from "./scenarios.ts";

/** One extract of a demo procedure, issued for an approved application, for /verify/<number>. */
export async function pagesServer(system: TestSystem) {
  const { db } = system.deps.database;
  const now = system.deps.clock.now();
  const [procedure] = await db.select().from(registerAccreditationProcedures).limit(1);
  if (!procedure) throw new Error("the demo register has no accreditation procedure");
  const [user] = await db
    .insert(users)
    .values({ esiaOid: "bench-extract", lastName: "Выпискина", firstName: "Анна", trusted: true })
    .returning();
  if (!user) throw new Error("no user inserted");
  const [application] = await db
    .insert(applications)
    .values({
      userId: user.id,
      kind: "periodic",
      specialtyCode: procedure.specId,
      specialtyName: procedure.spec,
      status: "approved",
      submittedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!application) throw new Error("no application inserted");
  const extract = await issueExtract(db, {
    applicationId: application.id,
    procedureId: procedure.id,
    issuedAt: now,
  });
  return { extractNumber: async () => extract.number };
}

export async function pagesBench({ label, server, baseline }: BenchContext): Promise<void> {
  const base = server.url;
  // The first login connects the service (W2): the later ones are what a returning worker costs.
  const cookie = await signInWorker(base);
  const extract = await server.call<string>("extractNumber");
  const rows = [
    await measureWithCpu(server, "landing page /", `${base}/`),
    await measureWithCpu(server, "cabinet home /lk (signed in)", `${base}/lk`, { cookie }),
    await measureWithCpu(server, "register record /lk/record", `${base}/lk/record`, { cookie }),
    await measureWithCpu(server, "applications /lk/applications", `${base}/lk/applications`, { cookie }),
    await measureWithCpu(server, "documents /lk/documents", `${base}/lk/documents`, { cookie }),
    await measureWithCpu(server, "history /lk/history", `${base}/lk/history`, { cookie }),
    await measureWithCpu(
      server,
      "extract check /verify/<number>",
      `${base}/verify/${extract}`,
      {},
      { distinctClients: true },
    ),
  ];
  printTable(`Pages on ${label}`, await baseline(), rows);

  const logins = settings.duration < 10 ? 3 : 20;
  const cpuBefore = server.cpuMs();
  const standinBefore = await server.call<number>("standinCpuMs");
  for (let run = 0; run < logins; run++) {
    const page = await loginThroughStandin(new FormClient(), base, loginOf(standinAccounts.petrova));
    if (page.status !== 200) throw new Error(`login ${run}: ${page.status}`);
  }
  const perLogin = (server.cpuMs() - cpuBefore) / logins;
  const standinPerLogin = ((await server.call<number>("standinCpuMs")) - standinBefore) / logins;
  console.log(
    `${label}: server CPU per ESIA login, ${logins} logins: ${perLogin.toFixed(1)} ms in all, ` +
      `of which the stand-in ${standinPerLogin.toFixed(1)} ms and the cabinet ${(perLogin - standinPerLogin).toFixed(1)} ms (target 15)`,
  );
}
