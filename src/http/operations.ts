// Health, readiness and Prometheus metrics (C8). These routes skip sessions and CSRF.
import type { FastifyInstance } from "fastify";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import { sendError } from "./errors.tsx";

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status">;
  logins: Counter<"outcome">;
}

/** One registry per application instance, so tests can build many apps in one process. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "Duration of HTTP requests by route",
      labelNames: ["method", "route", "status"],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    logins: new Counter({
      name: "frmr_logins_total",
      help: "Logins through ESIA by outcome",
      labelNames: ["outcome"],
      registers: [registry],
    }),
  };
}

export function registerOperations(app: FastifyInstance): void {
  const { metrics, database, readiness } = app.deps;
  const operational = { session: false, csrf: false } as const;

  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    metrics.httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.get("/healthz", { config: operational }, async () => ({ status: "ok" }));

  // Until the start-up is done (the database reached, migrated, seeded) every other request gets 503:
  // a page served half-way would fail on its first query.
  app.addHook("onRequest", async (request, reply) => {
    if (
      readiness.ready ||
      request.routeOptions.config?.session === false ||
      request.url.startsWith("/assets/")
    )
      return;
    reply.header("retry-after", "5");
    return sendError(request, reply, "SERVICE_UNAVAILABLE");
  });

  app.get("/readyz", { config: operational }, async (_request, reply) => {
    if (!readiness.ready)
      return reply.code(503).send({ status: "starting", database: "waiting", reason: readiness.reason });
    try {
      await database.ping();
      return { status: "ready", database: "ok" };
    } catch {
      return reply.code(503).send({ status: "unavailable", database: "unreachable" });
    }
  });

  app.get("/metrics", { config: operational }, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** false: the route needs no session (health checks, metrics). */
    session?: boolean;
  }
}
