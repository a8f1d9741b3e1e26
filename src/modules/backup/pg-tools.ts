// pg_dump and pg_restore of PostgreSQL. The newest installed client is taken (Debian keeps each
// major under /usr/lib/postgresql/<major>/bin), since pg_dump must not be older than the server;
// otherwise the one on PATH. The password goes through the environment, never the command line,
// where any local user could read it.
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { promisify } from "node:util";
import { BackupError } from "./backup.errors.ts";

const run = promisify(execFile);
const DEBIAN_ROOT = "/usr/lib/postgresql";

export function pgTool(name: "pg_dump" | "pg_restore"): string {
  const majors = existsSync(DEBIAN_ROOT)
    ? readdirSync(DEBIAN_ROOT)
        .filter((entry) => /^\d+$/.test(entry))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const major of majors) {
    const path = `${DEBIAN_ROOT}/${major}/bin/${name}`;
    if (existsSync(path)) return path;
  }
  return name;
}

export async function runPgTool(name: "pg_dump" | "pg_restore", url: string, args: string[]): Promise<void> {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  try {
    await run(pgTool(name), [...args, `--dbname=${parsed.toString()}`], { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const details = error as { code?: unknown; stderr?: string };
    if (details.code === "ENOENT")
      throw new BackupError(`${name} is not installed: install the PostgreSQL client (postgresql-client)`);
    throw new BackupError(`${name} failed: ${(details.stderr ?? String(error)).trim().split("\n")[0]}`);
  }
}
