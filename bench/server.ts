// The server side of a benchmark, in its own process so that the load generator does not share its
// CPU or its memory: `bare` is the baseline (a Fastify handler returning a fixed string); any other
// scenario starts the whole system (cabinet and ESIA stand-in, listening on loopback) on a fresh
// database, seeds the scenario's data and then answers the parent's commands over IPC.
import Fastify, { type FastifyInstance } from "fastify";
import { startTestSystem, type TestSystem } from "../test/support/system.ts";
import type { ServerCommand, ServerReply } from "./child.ts";
import { serverScenarios } from "./scenarios.ts";

const [scenario = "bare"] = process.argv.slice(2);
const quick = process.env.BENCH_QUICK === "1";
const scale = Number(process.env.BENCH_SCALE ?? "1") || 1;

function send(message: ServerReply): void {
  process.send?.(message);
}

async function startBare(): Promise<{ url: string; close: () => Promise<void> }> {
  const bare = Fastify();
  bare.get("/", async () => "ok");
  const url = await bare.listen({ port: 0, host: "127.0.0.1" });
  return { url, close: () => bare.close() };
}

/**
 * CPU the stand-in's own requests used, in milliseconds: the bench logs in one request at a time, so
 * the process's CPU between a stand-in request's start and its response is the stand-in's, and the
 * rest of the process's CPU over a login is the cabinet's.
 */
let standinCpuMicros = 0;
function countStandinCpu(standin: FastifyInstance): void {
  const started = new WeakMap<object, NodeJS.CpuUsage>();
  standin.addHook("onRequest", async (request) => {
    started.set(request, process.cpuUsage());
  });
  standin.addHook("onResponse", async (request) => {
    const start = started.get(request);
    if (!start) return;
    const used = process.cpuUsage(start);
    standinCpuMicros += used.user + used.system;
  });
}

async function startSystem(): Promise<{ url: string; system: TestSystem }> {
  const system = await startTestSystem({
    listen: true,
    onStandinBuilt: countStandinCpu,
    // One client sending thousands of requests: the per-IP limits and the quota would cut the run short.
    env: {
      RATE_LIMIT_PER_MINUTE: "100000000",
      DOCUMENTS_UPLOADS_PER_MINUTE: "100000000",
      DOCUMENTS_QUOTA_MB: "1000000",
      DOCUMENTS_QUOTA_FILES: "1000000",
      // The public checks' per-IP limits: the load generator sends each request from another address.
      TRUST_PROXY: "on",
    },
  });
  return { url: system.cabinetUrl, system };
}

let system: TestSystem | undefined;
try {
  if (scenario === "bare") {
    const bare = await startBare();
    process.on("message", async () => {
      await bare.close();
      process.exit(0);
    });
    send({ kind: "ready", url: bare.url, details: {} });
  } else {
    const setup = serverScenarios[scenario];
    if (!setup) throw new Error(`unknown scenario ${scenario}`);
    const { url, system: running } = await startSystem();
    system = running;
    const seedStarted = performance.now();
    const handlers = await setup(running, { quick, scale });
    const seconds = (performance.now() - seedStarted) / 1000;
    process.on("message", async (command: ServerCommand) => {
      try {
        if (command.name === "stop") {
          await running.close();
          send({ kind: "result", id: command.id, value: null });
          process.exit(0);
        }
        if (command.name === "standinCpuMs") {
          send({ kind: "result", id: command.id, value: standinCpuMicros / 1000 });
          return;
        }
        const handler = handlers[command.name];
        if (!handler) throw new Error(`unknown command ${command.name}`);
        send({ kind: "result", id: command.id, value: await handler(command.argument) });
      } catch (error) {
        send({ kind: "result", id: command.id, error: String((error as Error).stack ?? error) });
      }
    });
    send({ kind: "ready", url, details: { seededSeconds: seconds, database: running.deps.database.kind } });
  }
  // The parent went away (crashed or was stopped): do not linger, and drop the benchmark's database.
  process.on("disconnect", () => {
    const closing = system ? system.close() : Promise.resolve();
    closing.finally(() => process.exit(1));
  });
} catch (error) {
  send({ kind: "failed", error: String((error as Error).stack ?? error) });
  process.exit(1);
}
