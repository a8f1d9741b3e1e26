// Response headers, CSRF and rate limits: the security baseline of DESIGN.md in one place.
import csrf from "@fastify/csrf-protection";
import helmet, { type FastifyHelmetOptions } from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { AppError } from "../shared/errors.ts";

export interface SecurityOptions {
  /** Origins our forms may redirect to after submission (Chrome applies form-action to redirects). */
  formTargets: string[];
  secure: boolean;
  /** Requests per minute and IP for all routes. */
  globalRateLimit: number;
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

async function security(app: FastifyInstance, options: SecurityOptions): Promise<void> {
  const headers = await helmetHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'", ...options.formTargets],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(headers);
    done();
  });

  await app.register(csrf, {
    cookieKey: options.secure ? "__Host-csrf" : "csrf",
    cookieOpts: { path: "/", httpOnly: true, sameSite: "lax", secure: options.secure, signed: true },
    getToken: (request: FastifyRequest) => {
      const body = request.body as Record<string, unknown> | undefined;
      const fromBody = body && typeof body._csrf === "string" ? body._csrf : undefined;
      const fromQuery = (request.query as Record<string, string | undefined>)._csrf;
      return fromBody ?? (request.headers["x-csrf-token"] as string | undefined) ?? fromQuery;
    },
  });

  // Every state-changing request carries the token, whatever route it reaches (routes opt out
  // only through `config: { csrf: false }`, used by machine endpoints that carry no cookies).
  app.addHook("preHandler", (request, reply, done) => {
    if (!unsafeMethods.has(request.method) || request.routeOptions.config?.csrf === false) return done();
    // On failure the plugin sends its own error, which the error handler renders as CSRF_INVALID.
    app.csrfProtection(request, reply, done);
  });

  await app.register(rateLimit, {
    max: options.globalRateLimit,
    timeWindow: "1 minute",
    errorResponseBuilder: () => new AppError("RATE_LIMITED"),
  });
}

/**
 * The headers helmet sets, computed once: without nonces or per-route options they are the same
 * on every response, and @fastify/helmet would build helmet's whole middleware (parsing the CSP)
 * on every request (issue 9). Helmet itself computes them, on a throwaway instance at startup.
 */
async function helmetHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = Fastify();
  await probe.register(helmet, options);
  probe.get("/", async () => "");
  const response = await probe.inject("/");
  await probe.close();
  const own = new Set(["content-type", "content-length", "date", "connection", "keep-alive"]);
  return Object.fromEntries(
    Object.entries(response.headers).flatMap(([name, value]) =>
      own.has(name) || typeof value !== "string" ? [] : [[name, value]],
    ),
  );
}

declare module "fastify" {
  interface FastifyContextConfig {
    csrf?: boolean;
  }
}

export const securitySupport = fp(security, { name: "frmr-security", dependencies: ["@fastify/cookie"] });
