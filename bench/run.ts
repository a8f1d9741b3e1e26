// `npm run bench`: every benchmark in turn; each prints its figures with ratios to a same-run baseline.
import { run as documents } from "./documents.ts";
import { run as organization } from "./organization.ts";
import { run as pages } from "./pages.ts";
import { run as reviewQueue } from "./review-queue.ts";
import { run as supportQueue } from "./support-queue.ts";

const benchmarks: [string, () => Promise<void>][] = [
  ["pages", pages],
  ["documents", documents],
  ["review queue", reviewQueue],
  ["organization", organization],
  ["support queue", supportQueue],
];

for (const [name, run] of benchmarks) {
  console.log(`\n== ${name}`);
  await run();
}
process.exit(0);
