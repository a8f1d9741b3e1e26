// The command-line side of backup and restore: arguments in, the operator's lines out. The site (the
// configured database and file store) comes from the same settings as the cabinet's.
import { join } from "node:path";
import type { Config } from "../../config/config.ts";
import { createFileStorage } from "../documents/storage-factory.ts";
import { BackupError } from "./backup.errors.ts";
import { type BackupSite, createBackup, restoreBackup } from "./backup.ts";

export interface CommandResult {
  ok: boolean;
  lines: string[];
}

export function siteOf(config: Config): BackupSite {
  return {
    database: { url: config.databaseUrl, pgliteDir: join(config.dataDir, "pg") },
    storage: createFileStorage(config),
  };
}

export async function runBackupCommand(site: BackupSite, args: string[], now: Date): Promise<CommandResult> {
  const index = args.indexOf("--out");
  const dir = index >= 0 ? args[index + 1] : undefined;
  if (!dir) return { ok: false, lines: ["Usage: npm run cli -- backup --out <dir>"] };
  return refusalsAsLines(async () => {
    const manifest = await createBackup(site, dir, now);
    const files = manifest.parts.length - 1;
    return [`backup written to ${dir}: schema ${manifest.schema.migration}, database and ${files} file(s)`];
  });
}

export async function runRestoreCommand(site: BackupSite, args: string[]): Promise<CommandResult> {
  const [dir] = args;
  if (!dir || dir.startsWith("--")) return { ok: false, lines: ["Usage: npm run cli -- restore <dir>"] };
  return refusalsAsLines(async () => {
    const { manifest, files } = await restoreBackup(site, dir);
    return [
      `restored the backup of ${manifest.createdAt} (schema ${manifest.schema.migration}): database and ${files} file(s)`,
    ];
  });
}

async function refusalsAsLines(work: () => Promise<string[]>): Promise<CommandResult> {
  try {
    return { ok: true, lines: await work() };
  } catch (error) {
    if (error instanceof BackupError) return { ok: false, lines: [`refused: ${error.message}`] };
    throw error;
  }
}
