// Request logs without tokens or personal data: no query strings, cookies or authorization headers.
import type { FastifyServerOptions } from "fastify";
import { safeLogging } from "./log-safety.ts";

interface LoggedRequest {
  method: string;
  url: string;
  routeOptions?: { url?: string };
  ip: string;
}

export function loggerOptions(level: string): FastifyServerOptions["logger"] {
  return {
    level,
    ...safeLogging(),
    serializers: {
      ...safeLogging().serializers,
      // The ESIA callback carries the authorization code in its query; only the path is logged.
      req: (request: LoggedRequest) => ({
        method: request.method,
        path: request.url.split("?")[0],
        route: request.routeOptions?.url,
      }),
    },
  };
}
