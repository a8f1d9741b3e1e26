// ESIA error codes the stand-in emits (domain/esia.md §13). The `ESIA-NNNNNN: ` prefix must stay exact:
// relying parties, ours included, identify an error by its first 11 characters. The English texts
// paraphrase ESIA's; the Russian ones are what a person sees on the stand-in's error page.

export type EsiaErrorCode =
  | "ESIA-007002"
  | "ESIA-007003"
  | "ESIA-007004"
  | "ESIA-007006"
  | "ESIA-007007"
  | "ESIA-007009"
  | "ESIA-007011"
  | "ESIA-007012"
  | "ESIA-007013"
  | "ESIA-007014"
  | "ESIA-007015"
  | "ESIA-007019"
  | "ESIA-007023"
  | "ESIA-007038"
  | "ESIA-007053"
  | "ESIA-007194";

interface CatalogueEntry {
  /** OAuth `error` value; ESIA's own mapping is only partly known (§13.1), the rest follows RFC 6749. */
  error: string;
  text: string;
  russian: string;
}

const CATALOGUE: Record<EsiaErrorCode, CatalogueEntry> = {
  "ESIA-007002": {
    error: "unauthorized_client",
    text: "The system is not registered or no certificate is registered for it",
    russian:
      "Информационная система не зарегистрирована на стенде, или для неё не зарегистрирован сертификат.",
  },
  "ESIA-007003": {
    error: "invalid_request",
    text: "The request contains an invalid or duplicated parameter",
    russian: "В запросе есть неверный или повторяющийся параметр.",
  },
  "ESIA-007004": {
    error: "access_denied",
    text: "The resource owner or the authorization server denied the request",
    russian: "Пользователь отказал в доступе к данным.",
  },
  "ESIA-007006": {
    error: "invalid_scope",
    text: "The requested scope is invalid, unknown or malformed",
    russian: "Запрошена неизвестная или неверно записанная область доступа.",
  },
  "ESIA-007007": {
    error: "server_error",
    text: "The authorization server encountered an unexpected condition",
    russian: "На тестовом стенде произошла непредвиденная ошибка.",
  },
  "ESIA-007009": {
    error: "unsupported_response_type",
    text: "The authorization server does not support this response type",
    russian: "Запрошен неподдерживаемый тип ответа.",
  },
  "ESIA-007011": {
    error: "invalid_grant",
    text: "The authorization code or refresh token is invalid, expired, revoked or was issued to another client",
    russian: "Код авторизации или маркер обновления недействителен, истёк или выдан другой системе.",
  },
  "ESIA-007012": {
    error: "unsupported_grant_type",
    text: "The authorization grant type is not supported",
    russian: "Запрошен неподдерживаемый способ получения маркера.",
  },
  "ESIA-007013": {
    error: "invalid_request",
    text: "The request does not contain a scope",
    russian: "В запросе не указаны области доступа.",
  },
  "ESIA-007014": {
    error: "invalid_request",
    text: "The request does not contain the mandatory parameter",
    russian: "В запросе нет обязательного параметра.",
  },
  "ESIA-007015": {
    error: "invalid_request",
    text: "The request time is wrong",
    russian: "Время запроса (timestamp) слишком далеко от времени стенда.",
  },
  "ESIA-007019": {
    error: "invalid_scope",
    text: "The system has no grants for the requested scope",
    russian: "Информационной системе не разрешена запрошенная область доступа.",
  },
  "ESIA-007023": {
    error: "invalid_request",
    text: "The redirect_uri is not registered for the system",
    russian: "Адрес возврата (redirect_uri) не зарегистрирован для информационной системы.",
  },
  "ESIA-007038": {
    error: "invalid_request",
    text: "The request parameters cannot be read",
    russian: "Параметры запроса не удалось прочитать.",
  },
  "ESIA-007053": {
    error: "unauthorized_client",
    text: "The client_secret is wrong for the certificate or the system, or the certificate is inactive",
    russian:
      "Подпись запроса (client_secret) или хеш сертификата не соответствуют зарегистрированному сертификату.",
  },
  "ESIA-007194": {
    error: "access_denied",
    text: "The user is not an employee of the requested organization",
    russian: "Пользователь не является сотрудником организации, данные которой запрошены.",
  },
};

export interface EsiaError {
  code: EsiaErrorCode;
  /** Parameter or value the error is about; appended in brackets as ESIA does (`[client_certificate_hash]`). */
  subject?: string;
}

export function esiaError(code: EsiaErrorCode, subject?: string): EsiaError {
  return subject === undefined ? { code } : { code, subject };
}

/**
 * The OAuth `error` value. At the authorization endpoint the test stand answers a wrong
 * `client_secret` with `access_denied`, while its token endpoint says `unauthorized_client`.
 */
export function oauthError(e: EsiaError, endpoint: "authorize" | "token" = "token"): string {
  if (endpoint === "authorize" && e.code === "ESIA-007053") return "access_denied";
  return CATALOGUE[e.code].error;
}

/** `ESIA-007014: The request does not contain the mandatory parameter [state]` */
export function errorDescription(e: EsiaError): string {
  const base = `${e.code}: ${CATALOGUE[e.code].text}`;
  return e.subject === undefined ? base : `${base} [${e.subject}]`;
}

export function russianExplanation(e: EsiaError): string {
  return CATALOGUE[e.code].russian;
}

/** Token-endpoint error body (§9): HTTP 400 with the token request's state echoed. */
export function tokenErrorBody(e: EsiaError, state: string | undefined): Record<string, string> {
  const body: Record<string, string> = { error: oauthError(e), error_description: errorDescription(e) };
  if (state !== undefined) body.state = state;
  return body;
}
