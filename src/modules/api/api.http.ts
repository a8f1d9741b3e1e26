// HTTP helpers of the REST API: problem details (RFC 9457) from the error catalogue, ETag with
// If-None-Match, and Idempotency-Key replay for writes.
import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { classifyError } from "../../http/errors.tsx";
import { type ErrorCode, errorCatalogue } from "../../shared/errors.ts";
import type { FieldError } from "../../ui/form.tsx";
import type { Refusal } from "./api.auth.ts";
import { claimIdempotent, dropIdempotent, findIdempotent, finishIdempotent } from "./clients.repository.ts";

export const PROBLEM_TYPE = "application/problem+json";

export function problemBody(code: ErrorCode, errors?: readonly FieldError[]) {
  const entry = errorCatalogue[code];
  return {
    type: "about:blank",
    title: entry.title,
    status: entry.status,
    detail: entry.message,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function sendProblem(
  reply: FastifyReply,
  code: ErrorCode,
  errors?: readonly FieldError[],
): FastifyReply {
  if (code === "RATE_LIMITED") reply.header("retry-after", "60");
  return reply.code(errorCatalogue[code].status).type(PROBLEM_TYPE).send(problemBody(code, errors));
}

export const renderProblemRefusal = (_request: FastifyRequest, reply: FastifyReply, refusal: Refusal) =>
  sendProblem(reply.header("www-authenticate", refusal.wwwAuthenticate), refusal.code);

/** Russian messages for the schema keywords a request can break (the field is named beside). */
const validationMessages: Record<string, string> = {
  required: "Обязательное поле не заполнено.",
  type: "Значение другого типа: проверьте, число это, строка или логическое значение.",
  minLength: "Значение короче допустимого.",
  maxLength: "Значение длиннее допустимого.",
  pattern: "Значение не подходит по формату.",
  format: "Значение не подходит по формату (дата — ГГГГ-ММ-ДД, время — ISO 8601, идентификатор — UUID).",
  minimum: "Число меньше допустимого.",
  maximum: "Число больше допустимого.",
  enum: "Такого значения нет в списке допустимых.",
  const: "Такого значения нет в списке допустимых.",
  anyOf: "Такого значения нет в списке допустимых.",
  additionalProperties: "В запросе лишнее поле.",
};

/** Fastify's own failures (schema validation, bad JSON, rate limit) as problem details. */
export function problemFromError(error: unknown, reply: FastifyReply): FastifyReply {
  const code = classifyError(error);
  const validation = (error as { validation?: { instancePath?: string; keyword?: string }[] }).validation;
  const errors = validation?.map((item) => ({
    field: (item.instancePath ?? "").replace(/^\//, "").replaceAll("/", ".") || "request",
    message: validationMessages[item.keyword ?? ""] ?? "Значение не подходит по формату.",
  }));
  return sendProblem(reply, code, errors);
}

/** Strong ETag of the answer's JSON; 304 when the client has it already. */
export function sendWithEtag(request: FastifyRequest, reply: FastifyReply, body: unknown): FastifyReply {
  const etag = `"${createHash("sha256").update(JSON.stringify(body)).digest("base64url").slice(0, 27)}"`;
  reply.header("etag", etag).header("cache-control", "private, no-cache");
  const match = (request.headers["if-none-match"] ?? "")
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""));
  if (match.includes(etag) || match.includes("*")) return reply.code(304).send();
  return reply.send(body);
}

type Answer = { status: number; body: unknown } | { code: ErrorCode; errors?: readonly FieldError[] };

/**
 * Runs a write once per Idempotency-Key of the client: a repeated request gets the first answer
 * again; the same key with a different request is refused.
 */
export async function idempotent(
  request: FastifyRequest,
  reply: FastifyReply,
  run: () => Promise<Answer>,
): Promise<FastifyReply> {
  const caller = request.apiCaller;
  const key = request.headers["idempotency-key"];
  if (!caller) return sendProblem(reply, "API_TOKEN_INVALID");
  if (typeof key !== "string" || !/^[\x21-\x7e]{8,100}$/.test(key))
    return sendProblem(reply, "IDEMPOTENCY_KEY_REQUIRED");
  const { db } = request.server.deps.database;
  const clientId = caller.client.id;
  const requestHash = createHash("sha256")
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest("hex");
  const createdAt = request.server.deps.clock.now();
  if (!(await claimIdempotent(db, { clientId, key, requestHash, createdAt }))) {
    const stored = await findIdempotent(db, clientId, key);
    if (!stored || stored.requestHash !== requestHash) return sendProblem(reply, "IDEMPOTENCY_KEY_REUSED");
    if (stored.status === 0) return sendProblem(reply, "REQUEST_IN_PROGRESS");
    reply.header("idempotent-replayed", "true");
    return stored.status >= 400
      ? reply.code(stored.status).type(PROBLEM_TYPE).send(stored.response)
      : reply.code(stored.status).send(stored.response);
  }
  let answer: Answer;
  try {
    answer = await run();
  } catch (error) {
    await dropIdempotent(db, clientId, key);
    throw error;
  }
  if ("code" in answer) {
    const body = problemBody(answer.code, answer.errors);
    await finishIdempotent(db, clientId, key, { status: body.status, response: body });
    return reply.code(body.status).type(PROBLEM_TYPE).send(body);
  }
  await finishIdempotent(db, clientId, key, { status: answer.status, response: answer.body });
  return reply.code(answer.status).send(answer.body);
}
