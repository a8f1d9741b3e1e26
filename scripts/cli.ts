// Command-line entry: `npm run cli -- <command> [options]`.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../src/config/config.ts";
import { settings } from "../src/config/settings.ts";
import { openDatabase } from "../src/db/client.ts";
import { createApiServices } from "../src/modules/api/api.services.ts";
import { runApiClientCommand } from "../src/modules/api/clients.command.ts";
import { recordVerification, verifyChain } from "../src/modules/audit/audit.chain.ts";
import { runBackupCommand, runRestoreCommand, siteOf } from "../src/modules/backup/backup.command.ts";
import { runStorageCheck } from "../src/modules/documents/storage-checks.ts";
import { createFileStorage } from "../src/modules/documents/storage-factory.ts";
import { moveFiles } from "../src/modules/documents/storage-move.ts";
import { runNotifyCommand } from "../src/modules/notifications/notify.command.ts";
import { startSmsStandin } from "../src/modules/notifications/sms-standin.ts";
import { runOperatorCommand } from "../src/modules/review/operators.command.ts";
import { testCaCrlUrl, testCaDir } from "../src/modules/signatures/signatures.setup.ts";
import { runTestCaCommand } from "../src/modules/signatures/test-ca.command.ts";
import { openTestCa } from "../src/modules/signatures/test-ca.ts";
import { createStaffService } from "../src/modules/staff/staff.service.ts";
import { runSupportCommand } from "../src/modules/support/support.command.ts";
import { seedDemoData } from "../src/seed.ts";
import { systemClock } from "../src/shared/clock.ts";
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

  /** `files move --from fs --to s3`: copies every stored file, verifying SHA-256; the source stays. */
  async files(args) {
    if (args[0] === "check") return checkFiles();
    const [action, fromFlag, from, toFlag, to] = args;
    const kinds = ["fs", "s3"];
    if (
      action !== "move" ||
      fromFlag !== "--from" ||
      toFlag !== "--to" ||
      !kinds.includes(from ?? "") ||
      !kinds.includes(to ?? "") ||
      from === to
    ) {
      console.error("Usage: files move --from <fs|s3> --to <fs|s3> | files check");
      process.exitCode = 2;
      return;
    }
    const config = loadConfig();
    const database = await openDatabase({ url: config.databaseUrl, pgliteDir: join(config.dataDir, "pg") });
    try {
      const report = await moveFiles(
        database.db,
        createFileStorage(config, from as "fs" | "s3"),
        createFileStorage(config, to as "fs" | "s3"),
      );
      console.log(`copied and verified: ${report.copied}`);
      for (const key of report.missing) console.log(`missing in the source: ${key}`);
      for (const key of report.damaged) console.log(`SHA-256 mismatch, not copied: ${key}`);
      if (report.missing.length + report.damaged.length > 0) process.exitCode = 1;
    } finally {
      await database.close();
    }
  },

  /** `api-client add|suspend|resume|list …`; with the embedded PGlite, run it while the cabinet is stopped. */
  async "api-client"(args) {
    const config = loadConfig();
    const database = await openDatabase({ url: config.databaseUrl, pgliteDir: join(config.dataDir, "pg") });
    try {
      if (database.kind === "pglite") await database.migrate();
      const db = database.db;
      // Outside production the demo organizations exist from the first start on; a client may be made before it.
      if (config.standin.enabled) await seedDemoData(db);
      const api = createApiServices({ db, clock: systemClock, config, staff: createStaffService({ db }) });
      const result = await runApiClientCommand(api.clients, args, new Date());
      for (const line of result.lines) (result.ok ? console.log : console.error)(line);
      if (!result.ok) process.exitCode = 2;
    } finally {
      await database.close();
    }
  },

  /** `notify test --email <address> [--sms <phone>]`: one message through the configured transports. */
  async notify(args) {
    const result = await runNotifyCommand(loadConfig(), args);
    for (const line of result.lines) console.log(line);
    if (!result.ok) process.exitCode = 2;
  },

  /** `sms-standin [--port 3002]`: a development SMS gateway that prints what it receives. */
  async "sms-standin"(args) {
    const index = args.indexOf("--port");
    const port = index >= 0 ? Number(args[index + 1]) : 3002;
    const standin = await startSmsStandin({
      port,
      onMessage: (sms) => console.log(JSON.stringify(sms.fields)),
    });
    console.log(`SMS gateway stand-in at ${standin.url}; set SMS_GATEWAY_URL to it`);
    await new Promise(() => {});
  },

  /** `support add --snils … [--senior]`: a support desk operator; as above, stop the cabinet first on PGlite. */
  async support(args) {
    const config = loadConfig();
    const database = await openDatabase({ url: config.databaseUrl, pgliteDir: join(config.dataDir, "pg") });
    try {
      if (database.kind === "pglite") await database.migrate();
      const result = await runSupportCommand(database.db, args, new Date());
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

  /** `backup --out <dir>`: database dump, files and manifest; with PGlite, stop the cabinet first. */
  async backup(args) {
    const result = await runBackupCommand(siteOf(loadConfig()), args, new Date());
    for (const line of result.lines) (result.ok ? console.log : console.error)(line);
    if (!result.ok) process.exitCode = 2;
  },

  /** `restore <dir>`: into an empty database and file store, refusing a damaged or newer backup. */
  async restore(args) {
    const result = await runRestoreCommand(siteOf(loadConfig()), args);
    for (const line of result.lines) (result.ok ? console.log : console.error)(line);
    if (!result.ok) process.exitCode = 2;
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

/** `files check`: the orphan check now (as the hourly job does), naming what it found. */
async function checkFiles(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, pgliteDir: join(config.dataDir, "pg") });
  try {
    if (database.kind === "pglite") await database.migrate();
    const report = await runStorageCheck(database.db, createFileStorage(config), new Date());
    for (const key of report.filesWithoutRow) console.log(`file without a row: ${key}`);
    for (const key of report.rowsWithoutFile) console.log(`row whose file is missing: ${key}`);
    console.log(
      `files without a row: ${report.filesWithoutRow.length}; rows without a file: ${report.rowsWithoutFile.length}; ` +
        `stale staging files removed: ${report.stagingRemoved}; uploads in flight: ${report.stagingInFlight}`,
    );
    if (report.filesWithoutRow.length + report.rowsWithoutFile.length > 0) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  console.error(`Usage: npm run cli -- <${Object.keys(commands).join(" | ")}>`);
  process.exit(2);
}
await command(args);
