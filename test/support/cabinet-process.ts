// The cabinet (`npm start`) or the job worker (`npm run worker`) as a real process for tests that
// need signals, several instances or a crash: started with the environment given and nothing of the
// developer's (no inherited settings), ready once /readyz answers 200.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { waitFor } from "./wait.ts";

const root = new URL("../..", import.meta.url).pathname;

export interface ServiceProcess {
  child: ChildProcess;
  /** What the process wrote on stderr and stdout (its JSON log), for failure messages. */
  output(): string;
  /** The exit code once the process has exited. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function spawnService(
  script: "src/main.ts" | "src/worker.ts",
  env: Record<string, string>,
): ServiceProcess {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", LOG_LEVEL: "warn", ...env },
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  });
  const exited =
    child.exitCode !== null
      ? Promise.resolve(child.exitCode)
      : once(child, "exit").then(([code]) => code as number | null);
  return {
    child,
    output: () => output,
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Starts `npm start` on `port` and waits until its /readyz answers 200. */
export async function startCabinetProcess(
  port: number,
  env: Record<string, string>,
  timeoutMs = 180_000,
): Promise<ServiceProcess & { url: string }> {
  const service = spawnService("src/main.ts", { PORT: String(port), HOST: "127.0.0.1", ...env });
  const url = `http://127.0.0.1:${port}`;
  let exitCode: number | null | undefined;
  void service.exited.then((code) => {
    exitCode = code;
  });
  try {
    await waitFor(
      async () => {
        if (exitCode !== undefined) throw new Error(`the cabinet exited (${exitCode}):\n${service.output()}`);
        const answer = await fetch(`${url}/readyz`).catch(() => undefined);
        return answer?.status === 200;
      },
      timeoutMs,
      `the cabinet on port ${port} is ready`,
    );
  } catch (error) {
    await service.stop("SIGKILL");
    throw error;
  }
  return { ...service, url };
}
