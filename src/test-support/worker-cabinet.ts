// The cabinet over HTTP for a worker's pages: a fresh test database and the stand-in's people able
// to sign in without the ESIA round trip.
import type { FastifyInstance } from "fastify";
import { buildPlatformApp } from "../../test/support/platform.ts";
import { esiaPersonOf, testSignIn } from "../../test/support/worker.ts";
import type { Deps } from "../deps.ts";
import type { EsiaPerson } from "../esia/identity-provider.ts";
import { standinAccounts } from "../esia-standin/seed.ts";
import type { Clock } from "../shared/clock.ts";

type StandinName = keyof typeof standinAccounts;

/** What ESIA gives the cabinet at login for each stand-in account, by the account's name. */
export const standinPeople = Object.fromEntries(
  Object.entries(standinAccounts).map(([name, account]) => [name, esiaPersonOf(account)]),
) as Record<StandinName, EsiaPerson>;

/** The app with a sign-in route for the given people only. */
export function startWorkerCabinet(
  clock: Clock,
  people: readonly EsiaPerson[],
): Promise<{ app: FastifyInstance; deps: Deps }> {
  return buildPlatformApp({ clock, extraRoutes: testSignIn(people) });
}
