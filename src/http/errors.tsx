// One error handler: every failure becomes a Russian page (or JSON for the API) from the catalogue.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isDatabaseUnavailable } from "../db/client.ts";
import { AppError, type ErrorCode, errorCatalogue } from "../shared/errors.ts";
import { ErrorPage } from "../ui/error-page.tsx";
import { pageContext, sendHtml } from "./render.ts";

const fastifyCodes: Record<string, ErrorCode> = {
  FST_CSRF_INVALID_TOKEN: "CSRF_INVALID",
  FST_CSRF_MISSING_SECRET: "CSRF_INVALID",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_REQ_FILE_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "VALIDATION_FAILED",
  FST_ERR_CTP_EMPTY_JSON_BODY: "VALIDATION_FAILED",
  FST_ERR_CTP_INVALID_JSON_BODY: "VALIDATION_FAILED",
  FST_ERR_VALIDATION: "VALIDATION_FAILED",
};

export function classifyError(error: unknown): ErrorCode {
  if (error instanceof AppError) return error.code;
  if (isDatabaseUnavailable(error)) return "SERVICE_UNAVAILABLE";
  const fastifyError = error as Partial<FastifyError>;
  const mapped = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (mapped) return mapped;
  if (fastifyError.statusCode === 429) return "RATE_LIMITED";
  if (fastifyError.statusCode === 404) return "NOT_FOUND";
  if (fastifyError.statusCode === 408) return "REQUEST_TIMEOUT";
  if (fastifyError.statusCode === 413) return "PAYLOAD_TOO_LARGE";
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return "VALIDATION_FAILED";
  }
  return "INTERNAL";
}

export function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith("/api/") || (request.headers.accept ?? "").startsWith("application/json");
}

export function sendError(request: FastifyRequest, reply: FastifyReply, code: ErrorCode): FastifyReply {
  const entry = errorCatalogue[code];
  if (code === "RATE_LIMITED") reply.header("retry-after", "60");
  if (code === "SERVICE_UNAVAILABLE") reply.header("retry-after", "30");
  if (wantsJson(request))
    return reply.code(entry.status).send({ code, message: entry.title, details: entry.message });
  const at = request.server.deps.clock.now();
  return sendHtml(reply, <ErrorPage ctx={safeContext(request, reply)} code={code} at={at} />, entry.status);
}

// Rendering the error page must not fail again (for instance when the failure is in the session).
function safeContext(request: FastifyRequest, reply: FastifyReply) {
  try {
    return pageContext(request, reply);
  } catch {
    return {
      viewer: undefined,
      csrfToken: "",
      path: "/",
      support: request.server.deps.config.support,
      standin: false,
      incidents: request.server.deps.incidents.active(),
    };
  }
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const code = classifyError(error);
    if (code === "INTERNAL") request.log.error({ err: error }, "unexpected error");
    else if (code === "SERVICE_UNAVAILABLE") request.log.warn({ err: error }, "database unavailable");
    else request.log.info({ code }, "request refused");
    return sendError(request, reply, code);
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, "NOT_FOUND"));
}
