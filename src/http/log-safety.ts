// Logs carry no personal data (README, DESIGN security baseline). Two layers:
// - errors are serialized by `safeError`: a failed query logs its SQL text and the database's
//   error code, never its parameters (Drizzle puts every parameter into the message), and any
//   message is scrubbed of what looks like a personal identifier (long digit runs such as СНИЛС,
//   passport, ИНН or phone numbers; e-mail addresses; quoted values the database echoes back);
// - pino's redaction removes fields by name wherever a log call passes them.

/** Field names whose values never reach a log, at any depth the wildcard covers. */
export const redactedFields = [
  "password",
  "snils",
  "passport",
  "passportSeries",
  "passportNumber",
  "passportIssuer",
  "inn",
  "phone",
  "mobile",
  "email",
  "token",
  "accessToken",
  "refreshToken",
  "idToken",
  "otp",
  "cookie",
  "session",
  "sessionId",
  "data",
  "params",
  "birthDate",
  "lastName",
  "firstName",
  "middleName",
];

export function redactPaths(): string[] {
  const paths = ["req.headers", "res.headers"];
  for (const field of redactedFields) paths.push(field, `*.${field}`, `*.*.${field}`);
  return paths;
}

const scrubbers: [RegExp, string][] = [
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, "[email]"],
  // Digit runs of six or more, separators allowed: СНИЛС, passport, ИНН, ОГРН, phone numbers.
  [/\+?\d[\d\s()-]{4,}\d/g, "[number]"],
  [/"[^"]{0,200}"/g, '"…"'],
  [/'[^']{0,200}'/g, "'…'"],
];

export function scrubText(text: string): string {
  let result = text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  for (const [pattern, replacement] of scrubbers) result = result.replace(pattern, replacement);
  return result;
}

interface ErrorLike {
  name?: string;
  message?: string;
  code?: unknown;
  stack?: string;
  query?: unknown;
  cause?: unknown;
}

type SafeError = { type: string; message: string; stack: string; [key: string]: unknown };

/** A log-safe view of an error and its causes. */
export function safeError(error: unknown, depth = 0): SafeError {
  if (!error || typeof error !== "object")
    return { type: typeof error, message: scrubText(String(error)), stack: "" };
  const e = error as ErrorLike;
  const out: SafeError = { type: e.name ?? "Error", message: "", stack: "" };
  if (typeof e.code === "string" || typeof e.code === "number") out.code = e.code;
  if (typeof e.query === "string") {
    // A Drizzle query error: the SQL text is parameterized, so it is safe; the message is not.
    out.query = e.query.slice(0, 500);
    out.message = "query failed";
  } else out.message = scrubText(e.message ?? "");
  // The stack's first line repeats the message; only the frames are kept.
  if (e.stack)
    out.stack = e.stack
      .split("\n")
      .filter((line) => line.trimStart().startsWith("at "))
      .slice(0, 10)
      .join("\n");
  if (e.cause && depth < 3) out.cause = safeError(e.cause, depth + 1);
  return out;
}

/** The logger options of the cabinet that keep personal data out (pino's own option shapes). */
export function safeLogging(): {
  redact: { paths: string[]; remove: true };
  serializers: { err: (error: unknown) => SafeError };
} {
  return {
    redact: { paths: redactPaths(), remove: true },
    serializers: { err: (error) => safeError(error) },
  };
}
