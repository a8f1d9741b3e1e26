// Command-line entry: `npm run cli -- <command> [options]`.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../src/config/config.ts";
import { settings } from "../src/config/settings.ts";
import { openDatabase } from "../src/db/client.ts";
import { recordVerification, verifyChain } from "../src/modules/audit/audit.chain.ts";
import { runOperatorCommand } from "../src/modules/review/operators.command.ts";
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

  /** `audit verify`: walks the journal's hash chain, names the first broken record, stores the result. */
  async audit(args) {
    if (args[0] !== "verify") {
      console.error("Usage: npm run cli -- audit verify");
      process.exitCode = 2;
      return;
    }
    const config = loadConfig();
    const database = await openDatabase({ url: config.databaseUrl, pgliteDir: join(config.dataDir, "pg") });
    try {
      if (database.kind === "pglite") await database.migrate();
      const result = await verifyChain(database.db);
      await recordVerification(database.db, result, new Date());
      if (result.ok) console.log(`audit journal intact: ${result.rowsChecked} records checked`);
      else {
        console.log(
          `audit journal broken at record id ${result.brokenId} (after ${result.rowsChecked - 1} intact records)`,
        );
        process.exitCode = 1;
      }
    } finally {
      await database.close();
    }
  },
};

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  console.error(`Usage: npm run cli -- <${Object.keys(commands).join(" | ")}>`);
  process.exit(2);
}
await command(args);
