// Request logs without tokens or personal data: no query strings, cookies or authorization headers.
import type { FastifyServerOptions } from "fastify";
import { safeLogging, scrubText } from "./log-safety.ts";

interface LoggedRequest {
  method: string;
  url: string;
  routeOptions?: { url?: string };
  ip: string;
}

export function loggerOptions(
  level: string,
  stream?: { write(line: string): void },
): FastifyServerOptions["logger"] {
  return {
    level,
    ...(stream ? { stream } : {}),
    ...safeLogging(),
    serializers: {
      ...safeLogging().serializers,
      // The ESIA callback carries the authorization code in its query, and a path may carry what
      // someone typed: the route's pattern is logged, the path (scrubbed) only when none matched.
      req: (request: LoggedRequest) => {
        const route = request.routeOptions?.url;
        return route
          ? { method: request.method, route }
          : { method: request.method, path: scrubText(request.url.split("?")[0] ?? "") };
      },
    },
  };
}
