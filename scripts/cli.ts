// Command-line entry: `npm run cli -- <command> [options]`.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../src/config/config.ts";
import { settings } from "../src/config/settings.ts";
import { openDatabase } from "../src/db/client.ts";
import { runOperatorCommand } from "../src/modules/review/operators.command.ts";
import { testCaCrlUrl, testCaDir } from "../src/modules/signatures/signatures.setup.ts";
import { runTestCaCommand } from "../src/modules/signatures/test-ca.command.ts";
import { openTestCa } from "../src/modules/signatures/test-ca.ts";
import { renderErrorsDoc } from "../src/shared/errors-doc.ts";

const commands: Record<string, (args: string[]) => Promise<void>> = {
  async docs() {
    writeFileSync(new URL("../docs/errors.md", import.meta.url), renderErrorsDoc());
    const readmeUrl = new URL("../README.md", import.meta.url);
    const rows = Object.entries(settings).map(
      ([name, setting]) =>
        `| \`${name}\` | ${setting.fallback ? `\`${setting.fallback}\`` : ""} | ${setting.description} |`,
    );
    const table = ["| variable | default | meaning |", "|---|---|---|", ...rows].join("\n");
    const readme = readFileSync(readmeUrl, "utf8").replace(
      /<!-- config:start -->[\s\S]*<!-- config:end -->/,
      `<!-- config:start -->\n${table}\n<!-- config:end -->`,
    );
    writeFileSync(readmeUrl, readme);
    console.log("docs/errors.md and the README's configuration table written");
  },

  /** `operator add --snils …`; with the embedded PGlite, run it while the cabinet is stopped. */
  async operator(args) {
    const config = loadConfig();
    const database = await openDatabase({ url: config.databaseUrl, pgliteDir: join(config.dataDir, "pg") });
    try {
      if (database.kind === "pglite") await database.migrate();
      const result = await runOperatorCommand(database.db, args, new Date());
      console.log(result.message);
      if (!result.ok) process.exitCode = 2;
    } finally {
      await database.close();
    }
  },

  /** `test-ca issue --snils … --out head.pfx --password …`, `test-ca revoke --serial …`, `test-ca root --out …`. */
  async "test-ca"(args) {
    const config = loadConfig();
    if (!config.signatures.testCa) throw new Error("the test CA is off (SIGNATURE_TEST_CA)");
    const result = await runTestCaCommand(
      openTestCa(testCaDir(config), testCaCrlUrl(config)),
      args,
      new Date(),
    );
    console.log(result.message);
    if (!result.ok) process.exitCode = 2;
  },
};

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  console.error(`Usage: npm run cli -- <${Object.keys(commands).join(" | ")}>`);
  process.exit(2);
}
await command(args);
