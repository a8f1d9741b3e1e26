// `npm run cluster`: the production layout on one machine, for trying it out and for the
// multi-instance test. Two cabinet instances (`npm start` with JOBS_WORKER=off) and one job worker
// (`npm run worker`) on one PostgreSQL (DATABASE_URL), behind a round-robin proxy on loopback, with
// one ESIA stand-in in this process shared by both instances (ESIA_STANDIN=external). Files go to
// the store the settings name: set FILE_STORAGE=s3 and S3_* for a bucket, else DATA_DIR/files, which
// the instances share here because they run on one machine.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/frmr npm run cluster
//
// The proxy listens on PORT (3000), the stand-in on ESIA_STANDIN_PORT (3001), the instances on
// PORT+10 and PORT+11. Ctrl+C stops everything gracefully.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { pathToFileURL } from "node:url";
import type { FastifyInstance } from "fastify";
import { loadConfig } from "../src/config/config.ts";
import { openDatabase } from "../src/db/client.ts";
import { devKeysDir } from "../src/deps.ts";
import { loadOrCreateDevKeys } from "../src/esia/crypto/dev-keys.ts";
import { startStandin } from "../src/esia-standin/start.ts";
import { createSignatureTrust, testCaRoutes } from "../src/modules/signatures/signatures.setup.ts";
import { seedDemoData } from "../src/seed.ts";
import { type RoundRobinProxy, startRoundRobinProxy } from "./round-robin-proxy.ts";

const root = new URL("..", import.meta.url).pathname;

export interface ClusterOptions {
  /** The settings of every process (DATABASE_URL required); the cluster adds its own on top. */
  env: Record<string, string | undefined>;
  ports: { proxy: number; standin: number; instances: [number, number] };
  /** Where the processes' output goes; by default to this process's stdout, line by line with a prefix. */
  output?: (name: string, text: string) => void;
}

export interface Cluster {
  /** The proxy's address: the one URL people use. */
  url: string;
  /** Each instance's own address, for requests that must reach one of them. */
  instances: string[];
  proxy: RoundRobinProxy;
  processes: { name: string; child: ChildProcess }[];
  stop(): Promise<void>;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const { ports } = options;
  const proxyUrl = `http://127.0.0.1:${ports.proxy}`;
  const shared: Record<string, string> = {
    ...definedOnly(options.env),
    PUBLIC_URL: options.env.PUBLIC_URL || proxyUrl,
    ESIA_STANDIN: "external",
    ESIA_STANDIN_PORT: String(ports.standin),
    // Signed cookies (CSRF) must verify on every instance: one secret for all.
    SESSION_SECRET: options.env.SESSION_SECRET || randomBytes(24).toString("hex"),
    HOST: "127.0.0.1",
  };
  const config = loadConfig(shared);
  if (!config.databaseUrl)
    throw new Error("npm run cluster needs DATABASE_URL: PostgreSQL shared by all processes");

  // What each instance would otherwise do at its first start, done once before any of them runs.
  const database = await openDatabase({ url: config.databaseUrl, poolSize: 2 });
  try {
    await database.migrate();
    await seedDemoData(database.db);
  } finally {
    await database.close();
  }
  const keys = await loadOrCreateDevKeys(devKeysDir(config));
  const testCa = createSignatureTrust(config).testCa;
  const standin: FastifyInstance = await startStandin(
    { ...config, host: "127.0.0.1" },
    keys,
    testCa ? testCaRoutes(testCa) : undefined,
  );

  const write =
    options.output ??
    ((name: string, text: string) => {
      for (const line of text.split("\n")) if (line) process.stdout.write(`[${name}] ${line}\n`);
    });
  const processes: { name: string; child: ChildProcess }[] = [];
  const spawnOne = (name: string, script: string, env: Record<string, string>) => {
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...shared, ...env },
    });
    child.stdout?.on("data", (chunk: Buffer) => write(name, chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => write(name, chunk.toString()));
    processes.push({ name, child });
    return child;
  };

  const instances = ports.instances.map((port) => `http://127.0.0.1:${port}`);
  const stop = async () => {
    await Promise.all(
      processes.map(async ({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, "exit");
        child.kill("SIGTERM");
        await exited;
      }),
    );
    await proxy?.close();
    await standin.close();
  };
  let proxy: RoundRobinProxy | undefined;
  try {
    ports.instances.forEach((port, index) => {
      spawnOne(`cabinet-${index + 1}`, "src/main.ts", { PORT: String(port), JOBS_WORKER: "off" });
    });
    spawnOne("worker", "src/worker.ts", {});
    await Promise.all(instances.map((url) => ready(url, processes)));
    proxy = await startRoundRobinProxy(instances, ports.proxy);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: proxy.url, instances, proxy, processes, stop };
}

async function ready(url: string, processes: { name: string; child: ChildProcess }[]): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const gone = processes.find(({ child }) => child.exitCode !== null);
    if (gone) throw new Error(`${gone.name} exited with ${gone.child.exitCode} while the cluster started`);
    const answer = await fetch(`${url}/readyz`).catch(() => undefined);
    if (answer?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not become ready`);
}

function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const port = Number(process.env.PORT || 3000);
  const cluster = await startCluster({
    env: process.env,
    ports: {
      proxy: port,
      standin: Number(process.env.ESIA_STANDIN_PORT || 3001),
      instances: [port + 10, port + 11],
    },
  }).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
  process.stdout.write(
    `\nФРМР cluster: ${cluster.url}\n  instances: ${cluster.instances.join(", ")} (JOBS_WORKER=off)\n  job worker: one process (npm run worker)\n  ESIA stand-in: http://localhost:${process.env.ESIA_STANDIN_PORT || 3001}\nCtrl+C stops it.\n\n`,
  );
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    void cluster.stop().then(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}
