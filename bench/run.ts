// `npm run bench`: every benchmark in turn; each prints its figures with ratios to a same-run baseline.
import { run as api } from "./api.ts";
import { run as documents } from "./documents.ts";
import { run as organization } from "./organization.ts";
import { run as pages } from "./pages.ts";
import { run as reviewQueue } from "./review-queue.ts";

const benchmarks: [string, () => Promise<void>][] = [
  ["pages", pages],
  ["documents", documents],
  ["review queue", reviewQueue],
  ["organization", organization],
  ["integration API", api],
];

for (const [name, run] of benchmarks) {
  console.log(`\n== ${name}`);
  await run();
}
process.exit(0);
