// `npm run bench`: every benchmark in turn; each prints its figures with ratios to a same-run baseline.
import { run as documents } from "./documents.ts";
import { run as pages } from "./pages.ts";

const benchmarks: [string, () => Promise<void>][] = [
  ["pages", pages],
  ["documents", documents],
];

for (const [name, run] of benchmarks) {
  console.log(`\n== ${name}`);
  await run();
}
process.exit(0);
