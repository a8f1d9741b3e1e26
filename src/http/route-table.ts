// Every route the app registers after this plugin, with its declared schemas: the fuzz test and the
// access matrix walk it, so a route added anywhere is covered without anyone listing it by hand.
import type { FastifyInstance, FastifySchema } from "fastify";
import fp from "fastify-plugin";

export interface RouteEntry {
  method: string;
  url: string;
  schema: FastifySchema | undefined;
}

const tables = new WeakMap<object, RouteEntry[]>();

export function routeTable(app: FastifyInstance): readonly RouteEntry[] {
  return tables.get(app.deps) ?? [];
}

async function registry(app: FastifyInstance): Promise<void> {
  const table: RouteEntry[] = [];
  tables.set(app.deps, table);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) {
      if (method === "HEAD") continue;
      table.push({ method: String(method), url: route.url, schema: route.schema });
    }
  });
}

/** Registered before any route plugin, so that its hook sees every route. */
export const routeTableRegistry = fp(registry, { name: "frmr-route-table" });
