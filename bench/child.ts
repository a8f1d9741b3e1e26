// The parent's handle on a benchmark server process (bench/server.ts): start, send commands, read
// its resident memory from /proc (the server's own memory, not the load generator's), stop.
import { type ChildProcess, fork } from "node:child_process";
import { readFileSync } from "node:fs";

export type ServerCommand = { id: number; name: string; argument?: unknown };
export type ServerReply =
  | { kind: "ready"; url: string; details: Record<string, unknown> }
  | { kind: "failed"; error: string }
  | { kind: "result"; id: number; value?: unknown; error?: string };

export interface BenchServer {
  url: string;
  details: Record<string, unknown>;
  pid: number;
  call<T = unknown>(name: string, argument?: unknown): Promise<T>;
  /** Resident set size of the server process in bytes. */
  rss(): number;
  /** User + system CPU time the server process has used so far, in milliseconds. */
  cpuMs(): number;
  stop(): Promise<void>;
}

const serverScript = new URL("./server.ts", import.meta.url).pathname;

export async function startServer(
  scenario: string,
  env: Record<string, string | undefined>,
): Promise<BenchServer> {
  // BENCH_CPU_PROF=<dir>: each scenario's server writes a V8 CPU profile there when it stops (open it
  // in Chrome DevTools → Performance, or speedscope), to see what a figure that misses its target spends on.
  const profileDir = process.env.BENCH_CPU_PROF;
  const profile =
    profileDir && scenario !== "bare"
      ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${scenario}-${Date.now()}.cpuprofile`]
      : [];
  const child = fork(serverScript, [scenario], {
    execArgv: ["--import", "tsx", ...profile],
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const ready = await new Promise<{ url: string; details: Record<string, unknown> }>((resolve, reject) => {
    child.once("exit", (code) =>
      reject(new Error(`${scenario} server exited with ${code} before it was ready`)),
    );
    child.on("message", (message: ServerReply) => {
      if (message.kind === "ready") resolve(message);
      else if (message.kind === "failed") reject(new Error(`${scenario} server failed: ${message.error}`));
      else {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(message.error));
        else waiter?.resolve(message.value);
      }
    });
  });
  child.removeAllListeners("exit");
  child.on("exit", (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${scenario} server exited with ${code}`));
    pending.clear();
  });
  const call = <T>(name: string, argument?: unknown): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, name, argument } satisfies ServerCommand);
    });
  return {
    ...ready,
    pid: child.pid ?? 0,
    call,
    rss: () => rssOf(child),
    cpuMs: () => cpuOf(child),
    stop: () => stopChild(child, call),
  };
}

function rssOf(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
  const kilobytes = Number(status.match(/^VmRSS:\s+(\d+) kB/m)?.[1] ?? Number.NaN);
  return kilobytes * 1024;
}

// Fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms (USER_HZ is 100 on Linux).
function cpuOf(child: ChildProcess): number {
  const stat = readFileSync(`/proc/${child.pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function stopChild(child: ChildProcess, call: (name: string) => Promise<unknown>): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // The system's close drops the benchmark's PostgreSQL database; a stuck server is killed after 30 s.
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  call("stop").catch(() => {});
  await exited;
  clearTimeout(timer);
}
