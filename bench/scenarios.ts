// The benchmarks: each has a server part (seeding, commands the load generator may send) that runs
// in bench/server.ts, and a client part that runs in the load generator's process (bench/run.ts).
import type { TestSystem } from "../test/support/system.ts";
import type { BenchServer } from "./child.ts";
import { documentsBench, documentsServer } from "./documents.ts";
import type { Measurement } from "./measure.ts";
import { organizationBench, organizationServer } from "./organization.ts";
import { pagesBench, pagesServer } from "./pages.ts";
import { reviewQueueBench, reviewQueueServer } from "./review-queue.ts";

export interface BenchContext {
  label: string;
  server: BenchServer;
  /** The bare Fastify baseline, measured again right before the table it is compared with. */
  baseline(): Promise<Measurement>;
}

export type ServerHandlers = Record<string, (argument: unknown) => Promise<unknown>>;
/** `scale` multiplies the scenario's data (`--scale`, for the growth table). */
export type ServerSetup = (
  system: TestSystem,
  options: { quick: boolean; scale: number },
) => Promise<ServerHandlers>;

export const serverScenarios: Record<string, ServerSetup> = {
  pages: pagesServer,
  documents: documentsServer,
  "review-queue": reviewQueueServer,
  organization: organizationServer,
};

export const clientScenarios: [string, (context: BenchContext) => Promise<void>][] = [
  ["pages", pagesBench],
  ["documents", documentsBench],
  ["review-queue", reviewQueueBench],
  ["organization", organizationBench],
];
