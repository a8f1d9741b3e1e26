// Every route under /org, whoever registers it, must carry the cabinet guard: a route without it is
// refused at start (an unguarded route is a bug found then, not a hole found later). The table of
// routes with their powers serves the access-control matrix test.
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Power } from "../access/access.policy.ts";
import { guardedPower } from "./cabinet.guard.tsx";

export interface CabinetRouteEntry {
  method: string;
  url: string;
  power: Power;
}

const tables = new WeakMap<object, CabinetRouteEntry[]>();

/** Every route of the organization's cabinet of this app with the power it needs. */
export function cabinetRouteTable(app: FastifyInstance): readonly CabinetRouteEntry[] {
  return tables.get(app.deps) ?? [];
}

async function registry(app: FastifyInstance): Promise<void> {
  const table: CabinetRouteEntry[] = [];
  tables.set(app.deps, table);
  app.addHook("onRoute", (route) => {
    if (!/^\/org(\/|$)/.test(route.url) || route.method === "HEAD") return;
    const power = guardedPower(route.preHandler);
    if (!power)
      throw new Error(`cabinet route ${String(route.method)} ${route.url} has no cabinetRoute guard`);
    table.push({ method: String(route.method), url: route.url, power });
  });
}

/** Registered before any route plugin, so that its hook sees every route. */
export const cabinetRouteRegistry = fp(registry, { name: "frmr-cabinet-routes" });
