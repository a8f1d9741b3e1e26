// The landing page and the worker's signed-in pages against the bare baseline, and the server's CPU
// per ESIA login. The demo data of the stand-in's accounts is all the server needs.
import { standinAccounts } from "../src/esia-standin/seed.ts";
import { FormClient, loginThroughStandin } from "../test/support/http-client.ts";
import { loginOf, signInWorker } from "./login.ts";
import { measure, printTable, settings } from "./measure.ts";
import type { BenchContext } from "./scenarios.ts";

export async function pagesBench({ label, server, baseline }: BenchContext): Promise<void> {
  const base = server.url;
  // The first login connects the service (W2): the later ones are what a returning worker costs.
  const cookie = await signInWorker(base);
  const rows = [
    await measure("landing page /", `${base}/`),
    await measure("cabinet home /lk (signed in)", `${base}/lk`, { cookie }),
    await measure("register record /lk/record", `${base}/lk/record`, { cookie }),
    await measure("applications /lk/applications", `${base}/lk/applications`, { cookie }),
  ];
  printTable(`Pages on ${label}`, await baseline(), rows);

  const logins = settings.duration < 10 ? 3 : 20;
  const cpuBefore = server.cpuMs();
  for (let run = 0; run < logins; run++) {
    const page = await loginThroughStandin(new FormClient(), base, loginOf(standinAccounts.petrova));
    if (page.status !== 200) throw new Error(`login ${run}: ${page.status}`);
  }
  const perLogin = (server.cpuMs() - cpuBefore) / logins;
  console.log(
    `${label}: server CPU per ESIA login, cabinet and stand-in together (one process), ${logins} logins: ${perLogin.toFixed(1)} ms`,
  );
}
