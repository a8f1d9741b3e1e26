// Control characters (U+0000–U+001F) have no place in what people type into the cabinet, and
// PostgreSQL refuses U+0000 in text outright, which used to surface as HTTP 500 from deep inside a
// query. One hook refuses them for every route, before any schema or handler sees the request:
// query strings, path parameters and parsed bodies (forms and JSON). Tab and line ends stay
// allowed, since multi-line fields (comments, addresses) send CR LF. Multipart fields are collected
// by the routes themselves and checked with `assertNoControlCharacters`.
import type { FastifyInstance } from "fastify";
import { AppError } from "../shared/errors.ts";

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** True when any string inside the value (however nested, keys included) has a forbidden character. */
export function hasControlCharacters(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return forbidden.test(value);
  if (depth > 32 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((item) => hasControlCharacters(item, depth + 1));
  // Multipart files (attached by the parser as objects with streams) are not text.
  if (Buffer.isBuffer(value)) return false;
  return Object.entries(value).some(
    ([key, item]) => forbidden.test(key) || hasControlCharacters(item, depth + 1),
  );
}

export function assertNoControlCharacters(value: unknown): void {
  if (hasControlCharacters(value)) throw new AppError("CONTROL_CHARACTERS");
}

export function refuseControlCharacters(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    assertNoControlCharacters(request.query);
    assertNoControlCharacters(request.params);
    assertNoControlCharacters(request.body);
  });
}
