// The request form prefilled from the failure page that linked here: `?code=<error code>&at=<ISO time>`.
import { type ErrorCode, errorCatalogue } from "../../../shared/errors.ts";
import { formatDateTime } from "../../../shared/format.ts";
import { cleanErrorCode, parseAttemptTime } from "../support.input.ts";
import { isRequestKind } from "../support.status.ts";

const loginCodes = new Set([
  "SESSION_EXPIRED",
  "UNAUTHENTICATED",
  "ESIA_FAILED",
  "ESIA_UNAVAILABLE",
  "ESIA_DENIED",
]);

export function prefillValues(query: {
  code?: string | undefined;
  at?: string | undefined;
  kind?: string | undefined;
}) {
  const code = cleanErrorCode(query.code);
  const at = query.at ? parseAttemptTime(query.at) : undefined;
  const kind = isRequestKind(query.kind) ? query.kind : code && loginCodes.has(code) ? "login" : undefined;
  return {
    errorCode: code ?? undefined,
    // The failure page's heading is the text the person saw.
    errorText:
      code && Object.hasOwn(errorCatalogue, code) ? errorCatalogue[code as ErrorCode].title : undefined,
    attemptAt: at ? formatDateTime(at) : undefined,
    kind,
  };
}
